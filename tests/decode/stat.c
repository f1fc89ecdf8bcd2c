/* stat, lstat, fstat, newfstatat: abbreviated struct stat, its address on failure. */
/* TRACE: -P /dev/zero -P /nonexistent -P / -e trace=stat,lstat,fstat,newfstatat */
#include "filetests.h"

int main(void)
{
	struct stat *st = tail_alloc(sizeof(*st));
	char *unmapped = (char *)tail_alloc(1) + 1;
	long rc;

	rc = syscall(__NR_stat, "/dev/zero", st);
	line(sprintrc(rc), "stat(\"/dev/zero\", %s)", sstat(st, 0));
	rc = syscall(__NR_stat, "/nonexistent", st);
	line(sprintrc(rc), "stat(\"/nonexistent\", %p)", (void *)st);
	rc = syscall(__NR_lstat, "/", st);
	line(sprintrc(rc), "lstat(\"/\", %s)", sstat(st, 0));
	rc = syscall(__NR_lstat, "/", unmapped);
	line(sprintrc(rc), "lstat(\"/\", %p)", unmapped);
	int fd = open("/dev/zero", O_RDONLY);
	rc = syscall(__NR_fstat, fd, st);
	line(sprintrc(rc), "fstat(%d, %s)", fd, sstat(st, 0));
	rc = syscall(__NR_newfstatat, fd, "/dev/zero", st, AT_EMPTY_PATH);
	line(sprintrc(rc), "newfstatat(%d, \"/dev/zero\", %s, AT_EMPTY_PATH)", fd, sstat(st, 0));
	rc = syscall(__NR_newfstatat, AT_FDCWD, "/dev/zero", st,
		     AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT);
	line(sprintrc(rc),
	     "newfstatat(AT_FDCWD, \"/dev/zero\", %s, AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT)",
	     sstat(st, 0));
	rc = syscall(__NR_newfstatat, AT_FDCWD, "/", st, 0x80000000);
	line(sprintrc(rc), "newfstatat(AT_FDCWD, \"/\", %p, 0x80000000 /* AT_??? */)", (void *)st);
	printf("+++ exited with 0 +++\n");
	return 0;
}
