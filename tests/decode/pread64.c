/* pread64 and pwrite64: buffer, count and the offset, signed. */
/* TRACE: -e trace=pread64,pwrite64 */
/* FROM: pwrite64(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	char *buf = tail_alloc(8);
	long rc = syscall(__NR_pwrite64, -1, "abc", 3, -5L);
	line(sprintrc(rc), "pwrite64(-1, \"abc\", 3, -5)");
	int fd = open("/dev/zero", O_RDWR);
	if (fd < 0)
		fail("open");
	rc = syscall(__NR_pwrite64, fd, "x\0y", 3, 4096L);
	line(sprintrc(rc), "pwrite64(%d, \"x\\0y\", 3, 4096)", fd);
	rc = syscall(__NR_pread64, fd, buf, 8, 1L << 40);
	line(sprintrc(rc), "pread64(%d, \"\\0\\0\\0\\0\\0\\0\\0\\0\", 8, %lld)", fd, 1LL << 40);
	rc = syscall(__NR_pread64, fd, buf + 8, 8, 0L);
	line(sprintrc(rc), "pread64(%d, %p, 8, 0)", fd, buf + 8);
	rc = syscall(__NR_pread64, -1, buf, 8, -1L);
	line(sprintrc(rc), "pread64(-1, %p, 8, -1)", buf);
	printf("+++ exited with 0 +++\n");
	return 0;
}
