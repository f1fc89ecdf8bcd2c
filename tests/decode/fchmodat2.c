/* fchmodat2 (Linux 6.6): as fchmodat plus AT_ flags, printed as current strace does. */
/* TRACE: -e trace=fchmodat2 */
#include "filetests.h"

#ifndef __NR_fchmodat2
#define __NR_fchmodat2 452
#endif

int main(void)
{
	long rc;

	close(open("f", O_CREAT | O_WRONLY, 0600));
	rc = syscall(__NR_fchmodat2, AT_FDCWD, "f", 0640, 0);
	if (rc < 0 && errno == ENOSYS)
		skip("no fchmodat2");
	line(sprintrc(rc), "fchmodat2(AT_FDCWD, \"f\", 0640, 0)");
	rc = syscall(__NR_fchmodat2, AT_FDCWD, "f", 0600, AT_SYMLINK_NOFOLLOW);
	line(sprintrc(rc), "fchmodat2(AT_FDCWD, \"f\", 0600, AT_SYMLINK_NOFOLLOW)");
	rc = syscall(__NR_fchmodat2, -1, "f", 0600, 0x200);
	line(sprintrc(rc), "fchmodat2(-1, \"f\", 0600, 0x200 /* AT_??? */)");
	unlink("f");
	printf("+++ exited with 0 +++\n");
	return 0;
}
