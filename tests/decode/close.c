/* close and close_range. */
/* TRACE: -e trace=close,close_range */
/* FROM: close(-1) */
#include "desc-tests.h"
#include <sys/syscall.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_UNSHARE 2
#define CLOSE_RANGE_CLOEXEC 4
#endif

int main(void)
{
	long rc = syscall(__NR_close, -1);
	line(sprintrc(rc), "close(-1)");
	int fd = dup(0);
	rc = syscall(__NR_close, fd);
	line(sprintrc(rc), "close(%d)", fd);
	rc = syscall(__NR_close_range, 1000, ~0U, CLOSE_RANGE_CLOEXEC);
	line(sprintrc(rc), "close_range(1000, 4294967295, CLOSE_RANGE_CLOEXEC)");
	rc = syscall(__NR_close_range, 1000, 1001, CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC);
	line(sprintrc(rc), "close_range(1000, 1001, CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC)");
	rc = syscall(__NR_close_range, 5, 4, 0);
	line(sprintrc(rc), "close_range(5, 4, 0)");
	rc = syscall(__NR_close_range, 1000, 1001, 1);
	line(sprintrc(rc), "close_range(1000, 1001, 0x1 /* CLOSE_RANGE_??? */)");
	rc = syscall(__NR_close_range, 1000, 1001, 0x5);
	line(sprintrc(rc), "close_range(1000, 1001, CLOSE_RANGE_CLOEXEC|0x1)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
