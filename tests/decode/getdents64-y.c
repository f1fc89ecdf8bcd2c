/* -y: the directory fd of getdents64 and fstat with its path. */
/* TRACE: -y -e trace=getdents64,fstat,fchdir */
#include "filetests.h"
#include <limits.h>

int main(void)
{
	char cwd[PATH_MAX];
	char *buf = tail_alloc(4096);
	struct stat *st = tail_alloc(sizeof(*st));
	long rc;

	if (!getcwd(cwd, sizeof(cwd)))
		fail("getcwd");
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	rc = syscall(__NR_getdents64, fd, buf, 4096);
	int n = 0;
	for (long off = 0; off < rc; n++)
		off += *(unsigned short *)(buf + off + 16);
	line(sprintrc(rc), "getdents64(%d<%s>, %p /* %d entries */, 4096)", fd, cwd, buf, n);
	rc = syscall(__NR_fstat, fd, st);
	line(sprintrc(rc), "fstat(%d<%s>, %s)", fd, cwd, sstat(st, 0));
	rc = syscall(__NR_fchdir, fd);
	line(sprintrc(rc), "fchdir(%d<%s>)", fd, cwd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
