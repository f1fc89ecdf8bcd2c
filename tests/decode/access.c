/* access, faccessat, faccessat2: modes by name, F_OK for 0, unknown bits in hex. */
/* TRACE: -P /dev/zero -P /nonexistent -e trace=access,faccessat,faccessat2 */
#include "filetests.h"

int main(void)
{
	long rc;

	rc = syscall(__NR_access, "/dev/zero", F_OK);
	line(sprintrc(rc), "access(\"/dev/zero\", F_OK)");
	rc = syscall(__NR_access, "/nonexistent", R_OK | W_OK | X_OK);
	line(sprintrc(rc), "access(\"/nonexistent\", R_OK|W_OK|X_OK)");
	rc = syscall(__NR_access, "/dev/zero", R_OK | 8);
	line(sprintrc(rc), "access(\"/dev/zero\", R_OK|0x8)");
	rc = syscall(__NR_access, "/dev/zero", 0x10);
	line(sprintrc(rc), "access(\"/dev/zero\", 0x10 /* ?_OK */)");
	rc = syscall(__NR_faccessat, AT_FDCWD, "/dev/zero", W_OK);
	line(sprintrc(rc), "faccessat(AT_FDCWD, \"/dev/zero\", W_OK)");
	rc =
	    syscall(__NR_faccessat2, AT_FDCWD, "/dev/zero", R_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
	line(sprintrc(rc),
	     "faccessat2(AT_FDCWD, \"/dev/zero\", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS)");
	rc = syscall(__NR_faccessat2, AT_FDCWD, "/nonexistent", X_OK, 0x4000);
	line(sprintrc(rc), "faccessat2(AT_FDCWD, \"/nonexistent\", X_OK, 0x4000 /* AT_??? */)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
