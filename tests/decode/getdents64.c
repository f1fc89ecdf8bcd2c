/* getdents64: the buffer's address and the entry count; -v in getdents64-v. */
/* TRACE: -e trace=getdents64 */
#include "filetests.h"

int main(void)
{
	char *buf = tail_alloc(4096);
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	long rc;

	close(open("a-file", O_CREAT | O_WRONLY, 0600));
	rc = syscall(__NR_getdents64, fd, buf, 4096);
	int n = 0;
	for (long off = 0; off < rc; n++)
		off += *(unsigned short *)(buf + off + 16);
	line(sprintrc(rc), "getdents64(%d, %p /* %d entries */, 4096)", fd, buf, n);
	rc = syscall(__NR_getdents64, fd, buf, 4096);
	line(sprintrc(rc), "getdents64(%d, %p /* 0 entries */, 4096)", fd, buf);
	rc = syscall(__NR_getdents64, -1, buf, 4096);
	line(sprintrc(rc), "getdents64(-1, %p, 4096)", buf);
	rc = syscall(__NR_getdents64, fd, NULL, 1);
	line(sprintrc(rc), "getdents64(%d, NULL /* 0 entries */, 1)", fd);
	unlink("a-file");
	printf("+++ exited with 0 +++\n");
	return 0;
}
