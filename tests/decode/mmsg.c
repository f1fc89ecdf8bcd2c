/* sendmmsg and recvmmsg: vectors of messages, msg_len, the timeout and what is left of it. */
/* TRACE: -e trace=sendmmsg,recvmmsg */
#include "tests.h"
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	char call[2048];
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		fail("socketpair");
	struct iovec *iov = tail_alloc(2 * sizeof(*iov));
	char *a = tail_alloc(3), *b = tail_alloc(5);
	memcpy(a, "one", 3);
	memcpy(b, "three", 5);
	iov[0] = (struct iovec){a, 3};
	iov[1] = (struct iovec){b, 5};
	struct mmsghdr *mm = tail_alloc(2 * sizeof(*mm));
	memset(mm, 0, 2 * sizeof(*mm));
	mm[0].msg_hdr.msg_iov = &iov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	long rc = syscall(__NR_sendmmsg, sv[0], mm, 2, MSG_DONTWAIT);
	snprintf(call, sizeof(call),
		 "sendmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", "
		 "iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, "
		 "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"three\", iov_len=5}], "
		 "msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, MSG_DONTWAIT)",
		 sv[0]);
	print_line("", call, sprintrc(rc));

	char *r1 = tail_alloc(8), *r2 = tail_alloc(8);
	iov[0] = (struct iovec){r1, 8};
	iov[1] = (struct iovec){r2, 8};
	memset(mm, 0, 2 * sizeof(*mm));
	mm[0].msg_hdr.msg_iov = &iov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	struct timespec *ts = tail_alloc(sizeof(*ts));
	*ts = (struct timespec){5, 0};
	rc = syscall(__NR_recvmmsg, sv[1], mm, 2, MSG_DONTWAIT, NULL);
	snprintf(call, sizeof(call),
		 "recvmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", "
		 "iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, "
		 "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"three\", iov_len=8}], "
		 "msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, MSG_DONTWAIT, NULL)",
		 sv[1]);
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_recvmmsg, sv[1], mm, 2, MSG_DONTWAIT, ts);
	snprintf(call, sizeof(call),
		 "recvmmsg(%d, %p, 2, MSG_DONTWAIT, {tv_sec=5, tv_nsec=0})", sv[1], (void *)mm);
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_sendmmsg, -1, NULL, 0, 0);
	print_line("", "sendmmsg(-1, NULL, 0, 0)", sprintrc(rc));
	rc = syscall(__NR_recvmmsg, -1, NULL, 1, 0, ts + 1);
	snprintf(call, sizeof(call), "recvmmsg(-1, NULL, 1, 0, %p)", (void *)(ts + 1));
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
