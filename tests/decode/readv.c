/* readv and writev: iovec arrays; for reads the data only up to the return value, spread over
 * the elements; the array cut after -s elements; failures print the addresses. */
/* TRACE: -e trace=readv,writev -s 4 */
/* FROM: writev(-1, */
#include "desc-tests.h"
#include <sys/syscall.h>
#include <sys/uio.h>

int main(void)
{
	int p[2];
	if (pipe(p))
		fail("pipe");
	struct iovec *iov = tail_alloc(sizeof(*iov) * 6);
	char a[] = "hello", b[] = "world!";
	iov[0] = (struct iovec){a, 5};
	iov[1] = (struct iovec){b, 6};

	long rc = syscall(__NR_writev, -1, iov, 2);
	line(sprintrc(rc), "writev(-1, [{iov_base=\"hell\"..., iov_len=5}, "
			   "{iov_base=\"worl\"..., iov_len=6}], 2)");
	rc = syscall(__NR_writev, p[1], iov, 2);
	line(sprintrc(rc), "writev(%d, [{iov_base=\"hell\"..., iov_len=5}, "
			   "{iov_base=\"worl\"..., iov_len=6}], 2)", p[1]);
	/* read 7 of 11 bytes: "hel" fills the first, "lowo" the second */
	char x[3], y[8];
	iov[0] = (struct iovec){x, 3};
	iov[1] = (struct iovec){y, 8};
	rc = syscall(__NR_readv, p[0], iov, 2);
	line(sprintrc(rc), "readv(%d, [{iov_base=\"hel\", iov_len=3}, "
			   "{iov_base=\"lowo\"..., iov_len=8}], 2)", p[0]);
	/* fewer bytes than buffers: the rest prints "" */
	write(p[1], "ab", 2);
	rc = syscall(__NR_readv, p[0], iov, 2);
	line(sprintrc(rc), "readv(%d, [{iov_base=\"ab\", iov_len=3}, {iov_base=\"\", iov_len=8}], 2)",
	     p[0]);
	/* a failed read: bases as addresses */
	rc = syscall(__NR_readv, -1, iov, 2);
	line(sprintrc(rc), "readv(-1, [{iov_base=%p, iov_len=3}, {iov_base=%p, iov_len=8}], 2)", x,
	     y);
	/* more elements than -s: "..." */
	for (int i = 0; i < 6; i++)
		iov[i] = (struct iovec){a, 1};
	rc = syscall(__NR_writev, p[1], iov, 6);
	line(sprintrc(rc), "writev(%d, [{iov_base=\"h\", iov_len=1}, {iov_base=\"h\", iov_len=1}, "
			   "{iov_base=\"h\", iov_len=1}, {iov_base=\"h\", iov_len=1}, ...], 6)", p[1]);
	/* the array runs into unmapped memory */
	rc = syscall(__NR_writev, p[1], iov + 5, 2);
	line(sprintrc(rc), "writev(%d, [{iov_base=\"h\", iov_len=1}, ... /* %p */], 2)", p[1],
	     (void *)(iov + 6));
	rc = syscall(__NR_writev, p[1], iov + 6, 1);
	line(sprintrc(rc), "writev(%d, %p, 1)", p[1], (void *)(iov + 6));
	rc = syscall(__NR_writev, p[1], NULL, 0);
	line(sprintrc(rc), "writev(%d, NULL, 0)", p[1]);
	rc = syscall(__NR_writev, p[1], iov, 0);
	line(sprintrc(rc), "writev(%d, [], 0)", p[1]);
	printf("+++ exited with 0 +++\n");
	return 0;
}
