/* -X verbose: modes and devices as numbers with the decoded form in a comment. */
/* TRACE: -X verbose -e trace=stat,mknod */
#include "filetests.h"

int main(void)
{
	struct stat *st = tail_alloc(sizeof(*st));
	long rc;

	rc = syscall(__NR_stat, "/dev/zero", st);
	line(sprintrc(rc),
	     "stat(\"/dev/zero\", {st_mode=%#o /* %s */, st_rdev=%#llx /* makedev(%#x, %#x) */, "
	     "...})",
	     st->st_mode, smode(st->st_mode), (unsigned long long)st->st_rdev, major(st->st_rdev),
	     minor(st->st_rdev));
	rc = syscall(__NR_mknod, "/nonexistent/x", S_IFCHR | 0600, makedev(1, 2));
	line(sprintrc(rc),
	     "mknod(\"/nonexistent/x\", %#o /* S_IFCHR|0600 */, %#llx /* makedev(0x1, 0x2) */)",
	     S_IFCHR | 0600, (unsigned long long)makedev(1, 2));
	printf("+++ exited with 0 +++\n");
	return 0;
}
