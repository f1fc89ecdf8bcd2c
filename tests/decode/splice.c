/* splice, tee, vmsplice: offsets in brackets, SPLICE_F_* flags, vmsplice's iovec. */
/* TRACE: -e trace=splice,tee,vmsplice */
/* FROM: splice(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

int main(void)
{
	long rc = syscall(__NR_splice, -1, NULL, -1, NULL, 5, 0);
	line(sprintrc(rc), "splice(-1, NULL, -1, NULL, 5, 0)");
	int in = open("/dev/zero", O_RDONLY);
	int p[2], q[2];
	if (in < 0 || pipe(p) || pipe(q))
		fail("setup");
	loff_t *off = tail_alloc(sizeof(*off));
	*off = 1LL << 33;
	rc = syscall(__NR_splice, in, off, p[1], NULL, 10, SPLICE_F_MOVE | SPLICE_F_MORE);
	line(sprintrc(rc), "splice(%d, [8589934592], %d, NULL, 10, SPLICE_F_MOVE|SPLICE_F_MORE)",
	     in, p[1]);
	rc = syscall(__NR_splice, in, off + 1, p[1], NULL, 10, 0x10);
	line(sprintrc(rc), "splice(%d, %p, %d, NULL, 10, 0x10 /* SPLICE_F_??? */)", in,
	     (void *)(off + 1), p[1]);
	rc = syscall(__NR_tee, p[0], q[1], 4, SPLICE_F_NONBLOCK);
	line(sprintrc(rc), "tee(%d, %d, 4, SPLICE_F_NONBLOCK)", p[0], q[1]);
	struct iovec *iov = tail_alloc(sizeof(*iov));
	*iov = (struct iovec){"hello", 5};
	rc = syscall(__NR_vmsplice, q[1], iov, 1, SPLICE_F_GIFT);
	line(sprintrc(rc), "vmsplice(%d, [{iov_base=\"hello\", iov_len=5}], 1, SPLICE_F_GIFT)",
	     q[1]);
	rc = syscall(__NR_vmsplice, -1, iov + 1, 1, 0);
	line(sprintrc(rc), "vmsplice(-1, %p, 1, 0)", (void *)(iov + 1));
	printf("+++ exited with 0 +++\n");
	return 0;
}
