/* chmod, fchmod, fchmodat, chown, fchown, lchown, fchownat, truncate, ftruncate:
 * modes in octal (low 16 bits), ids unsigned with -1 as -1. */
/* TRACE: -e trace=chmod,fchmod,fchmodat,chown,fchown,lchown,fchownat,truncate,ftruncate */
#include "filetests.h"

int main(void)
{
	long rc;
	int fd = open("f", O_CREAT | O_RDWR, 0600);

	rc = syscall(__NR_chmod, "f", 0640);
	line(sprintrc(rc), "chmod(\"f\", 0640)");
	rc = syscall(__NR_chmod, "/nonexistent", 04755 | 0x10000);
	line(sprintrc(rc), "chmod(\"/nonexistent\", 04755)");
	rc = syscall(__NR_fchmod, fd, 0);
	line(sprintrc(rc), "fchmod(%d, 000)", fd);
	rc = syscall(__NR_fchmodat, AT_FDCWD, "f", 0600);
	line(sprintrc(rc), "fchmodat(AT_FDCWD, \"f\", 0600)");
	rc = syscall(__NR_chown, "f", -1, -1);
	line(sprintrc(rc), "chown(\"f\", -1, -1)");
	rc = syscall(__NR_fchown, fd, getuid(), 0xfffffffe);
	line(sprintrc(rc), "fchown(%d, %u, 4294967294)", fd, getuid());
	rc = syscall(__NR_lchown, "/nonexistent", 0, 0);
	line(sprintrc(rc), "lchown(\"/nonexistent\", 0, 0)");
	rc = syscall(__NR_fchownat, AT_FDCWD, "f", -1, getgid(), AT_SYMLINK_NOFOLLOW);
	line(sprintrc(rc), "fchownat(AT_FDCWD, \"f\", -1, %u, AT_SYMLINK_NOFOLLOW)", getgid());
	rc = syscall(__NR_truncate, "f", 4096);
	line(sprintrc(rc), "truncate(\"f\", 4096)");
	rc = syscall(__NR_ftruncate, fd, 0);
	line(sprintrc(rc), "ftruncate(%d, 0)", fd);
	rc = syscall(__NR_ftruncate, -1, -1L);
	line(sprintrc(rc), "ftruncate(-1, %lu)", -1UL);
	unlink("f");
	printf("+++ exited with 0 +++\n");
	return 0;
}
