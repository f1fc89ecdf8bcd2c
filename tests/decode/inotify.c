/* inotify_init, inotify_init1, inotify_add_watch, inotify_rm_watch. */
/* TRACE: -e trace=inotify_init,inotify_init1,inotify_add_watch,inotify_rm_watch */
#include "filetests.h"
#include <sys/inotify.h>

int main(void)
{
	long rc;

	rc = syscall(__NR_inotify_init);
	line(sprintrc(rc), "inotify_init()");
	close((int)rc);
	int fd = (int)syscall(__NR_inotify_init1, IN_NONBLOCK | IN_CLOEXEC);
	line(sprintrc(fd), "inotify_init1(IN_NONBLOCK|IN_CLOEXEC)");
	rc = syscall(__NR_inotify_init1, 1);
	line(sprintrc(rc), "inotify_init1(0x1 /* IN_??? */)");
	rc = syscall(__NR_inotify_add_watch, fd, ".", IN_CREATE | IN_DELETE | IN_ONLYDIR);
	int wd = (int)rc;
	line(sprintrc(rc), "inotify_add_watch(%d, \".\", IN_CREATE|IN_DELETE|IN_ONLYDIR)", fd);
	rc = syscall(__NR_inotify_add_watch, fd, "/nonexistent", IN_ALL_EVENTS | 0x1000);
	line(
	    sprintrc(rc),
	    "inotify_add_watch(%d, \"/nonexistent\", IN_ACCESS|IN_MODIFY|IN_ATTRIB|"
	    "IN_CLOSE_WRITE|IN_CLOSE_NOWRITE|IN_OPEN|IN_MOVED_FROM|IN_MOVED_TO|IN_CREATE|IN_DELETE|"
	    "IN_DELETE_SELF|IN_MOVE_SELF|0x1000)",
	    fd);
	rc = syscall(__NR_inotify_rm_watch, fd, wd);
	line(sprintrc(rc), "inotify_rm_watch(%d, %d)", fd, wd);
	rc = syscall(__NR_inotify_rm_watch, -1, -1);
	line(sprintrc(rc), "inotify_rm_watch(-1, -1)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
