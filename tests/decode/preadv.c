/* preadv, pwritev, preadv2, pwritev2: iovecs, the offset, and RWF_* flags. */
/* TRACE: -e trace=preadv,pwritev,preadv2,pwritev2 */
/* FROM: pwritev(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#ifndef RWF_NOWAIT
#define RWF_NOWAIT 8
#endif

int main(void)
{
	struct iovec *iov = tail_alloc(sizeof(*iov) * 2);
	char a[4] = "abc", b[4] = "def";
	iov[0] = (struct iovec){a, 3};
	iov[1] = (struct iovec){b, 3};
	long rc = syscall(__NR_pwritev, -1, iov, 2, 7L, 0L);
	line(sprintrc(rc), "pwritev(-1, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"def\", "
			   "iov_len=3}], 2, 7)");
	int fd = open("/dev/zero", O_RDONLY);
	if (fd < 0)
		fail("open");
	rc = syscall(__NR_preadv, fd, iov, 2, 0L, 0L);
	line(sprintrc(rc), "preadv(%d, [{iov_base=\"\\0\\0\\0\", iov_len=3}, {iov_base=\"\\0\\0\\0\", "
			   "iov_len=3}], 2, 0)", fd);
	rc = syscall(__NR_preadv2, fd, iov, 1, -1L, 0L, RWF_NOWAIT);
	line(sprintrc(rc), "preadv2(%d, [{iov_base=\"\\0\\0\\0\", iov_len=3}], 1, -1, RWF_NOWAIT)",
	     fd);
	rc = syscall(__NR_preadv2, -1, iov, 1, 0L, 0L, 0x80);
	line(sprintrc(rc), "preadv2(-1, [{iov_base=%p, iov_len=3}], 1, 0, 0x80 /* RWF_??? */)", a);
	iov[0].iov_base = "xyz";
	rc = syscall(__NR_pwritev2, -1, iov, 1, 5L, 0L, 0x81);
	line(sprintrc(rc), "pwritev2(-1, [{iov_base=\"xyz\", iov_len=3}], 1, 5, RWF_HIPRI|0x80)");
	rc = syscall(__NR_preadv, fd, iov + 2, 1, 0L, 0L);
	line(sprintrc(rc), "preadv(%d, %p, 1, 0)", fd, (void *)(iov + 2));
	printf("+++ exited with 0 +++\n");
	return 0;
}
