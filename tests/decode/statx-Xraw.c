/* -X raw statx flags: a zero sync type prints nothing (strace prints the flags in parts). */
/* TRACE: -X raw -P / -e trace=statx */
#include "filetests.h"

int main(void)
{
	long rc;

	rc = syscall(__NR_statx, AT_FDCWD, "/", AT_SYMLINK_NOFOLLOW, 0x80000000, NULL);
	line(sprintrc(rc), "statx(-100, \"/\", |0x100, 0x80000000, NULL)");
	rc = syscall(__NR_statx, AT_FDCWD, "/", 0, 0, NULL);
	line(sprintrc(rc), "statx(-100, \"/\", , 0, NULL)");
	rc = syscall(__NR_statx, AT_FDCWD, "/", 0x6000, 0x7ff, NULL);
	line(sprintrc(rc), "statx(-100, \"/\", 0x6000, 0x7ff, NULL)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
