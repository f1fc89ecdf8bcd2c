/* mount, umount2: the type and data strings unless the flags make the kernel ignore them. */
/* TRACE: -e trace=mount,umount2 */
#include "filetests.h"
#include <sys/mount.h>

int main(void)
{
	long rc;

	rc = syscall(__NR_mount, "none", "/nonexistent/dir", "tmpfs", MS_RDONLY | MS_NOSUID,
		     "size=1m");
	line(sprintrc(rc),
	     "mount(\"none\", \"/nonexistent/dir\", \"tmpfs\", MS_RDONLY|MS_NOSUID, \"size=1m\")");
	rc =
	    syscall(__NR_mount, "/src", "/nonexistent/dir", "ignored", MS_BIND | MS_REC, "ignored");
	line(sprintrc(rc), "mount(\"/src\", \"/nonexistent/dir\", %p, MS_BIND|MS_REC, %p)",
	     "ignored", "ignored");
	rc = syscall(__NR_mount, NULL, "/nonexistent/dir", NULL, 0xc0ed0000 | MS_REMOUNT, NULL);
	line(sprintrc(rc), "mount(NULL, \"/nonexistent/dir\", NULL, MS_MGC_VAL|MS_REMOUNT, NULL)");
	rc = syscall(__NR_mount, "a", "/nonexistent/dir", "b", 0xc0ed0000, "c");
	line(sprintrc(rc), "mount(\"a\", \"/nonexistent/dir\", \"b\", MS_MGC_VAL, \"c\")");
	rc = syscall(__NR_mount, "a", "/nonexistent/dir", "b", 0, "c");
	line(sprintrc(rc), "mount(\"a\", \"/nonexistent/dir\", \"b\", 0, \"c\")");
	rc = syscall(__NR_umount2, "/nonexistent/dir", MNT_DETACH | MNT_EXPIRE);
	line(sprintrc(rc), "umount2(\"/nonexistent/dir\", MNT_DETACH|MNT_EXPIRE)");
	rc = syscall(__NR_umount2, "/nonexistent/dir", 0x100);
	line(sprintrc(rc), "umount2(\"/nonexistent/dir\", 0x100 /* MNT_??? */)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
