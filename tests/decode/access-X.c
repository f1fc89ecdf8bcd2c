/* -X verbose and raw flags: unknown-only values keep their "???" comment in verbose. */
/* TRACE: -X verbose -P / -e trace=access,faccessat2,statx */
#include "filetests.h"

int main(void)
{
	long rc;

	rc = syscall(__NR_access, "/", 0x10);
	line(sprintrc(rc), "access(\"/\", 0x10 /* ?_OK */)");
	rc = syscall(__NR_access, "/", R_OK | 0x10);
	line(sprintrc(rc), "access(\"/\", 0x14 /* R_OK|0x10 */)");
	rc = syscall(__NR_faccessat2, AT_FDCWD, "/", F_OK, 0x10000);
	line(sprintrc(rc),
	     "faccessat2(-100 /* AT_FDCWD */, \"/\", 0 /* F_OK */, 0x10000 /* AT_??? */)");
	rc = syscall(__NR_statx, AT_FDCWD, "/", AT_SYMLINK_NOFOLLOW, 0x80000000, NULL);
	line(sprintrc(rc), "statx(-100 /* AT_FDCWD */, \"/\", 0 /* AT_STATX_SYNC_AS_STAT */|0x100 "
			   "/* AT_SYMLINK_NOFOLLOW */, 0x80000000 /* STATX_??? */, NULL)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
