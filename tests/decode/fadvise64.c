/* fadvise64: offset, length, POSIX_FADV_* advice. */
/* TRACE: -e trace=fadvise64 */
/* FROM: fadvise64(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_fadvise64, -1, 0L, 0UL, POSIX_FADV_NORMAL);
	line(sprintrc(rc), "fadvise64(-1, 0, 0, POSIX_FADV_NORMAL)");
	int fd = open("/proc/self/exe", O_RDONLY);
	rc = syscall(__NR_fadvise64, fd, 4096L, 8192UL, POSIX_FADV_SEQUENTIAL);
	line(sprintrc(rc), "fadvise64(%d, 4096, 8192, POSIX_FADV_SEQUENTIAL)", fd);
	rc = syscall(__NR_fadvise64, fd, -1L, 1UL, POSIX_FADV_DONTNEED);
	line(sprintrc(rc), "fadvise64(%d, -1, 1, POSIX_FADV_DONTNEED)", fd);
	rc = syscall(__NR_fadvise64, fd, 0L, 0UL, 9);
	line(sprintrc(rc), "fadvise64(%d, 0, 0, 0x9 /* POSIX_FADV_??? */)", fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
