/* sendmsg and recvmsg: msghdr, iovec arrays limited by the return value, control messages
 * SCM_RIGHTS and SCM_CREDENTIALS, msg_namelen changed by the kernel, failures. */
/* TRACE: -e trace=sendmsg,recvmsg */
#include "tests.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>

int main(void)
{
	char call[2048];
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		fail("socketpair");

	/* two iovecs and two fds */
	struct iovec *iov = tail_alloc(2 * sizeof(*iov));
	char *a = tail_alloc(3), *b = tail_alloc(4);
	memcpy(a, "abc", 3);
	memcpy(b, "defg", 4);
	iov[0] = (struct iovec){a, 3};
	iov[1] = (struct iovec){b, 4};
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} *ctl = tail_alloc(sizeof(*ctl));
	memset(ctl, 0, sizeof(*ctl));
	struct msghdr *m = tail_alloc(sizeof(*m));
	*m = (struct msghdr){.msg_iov = iov, .msg_iovlen = 2, .msg_control = ctl->buf,
			     .msg_controllen = sizeof(ctl->buf)};
	struct cmsghdr *c = CMSG_FIRSTHDR(m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	int fds[2] = {0, 1};
	memcpy(CMSG_DATA(c), fds, sizeof(fds));
	long rc = syscall(__NR_sendmsg, sv[0], m, MSG_NOSIGNAL);
	snprintf(call, sizeof(call),
		 "sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=3}, "
		 "{iov_base=\"defg\", iov_len=4}], msg_iovlen=2, msg_control=[{cmsg_len=%zu, "
		 "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], "
		 "msg_controllen=%zu, msg_flags=0}, MSG_NOSIGNAL)",
		 sv[0], (size_t)CMSG_LEN(2 * sizeof(int)), sizeof(ctl->buf));
	print_line("", call, sprintrc(rc));

	/* received into two buffers of 5: the second shows only what arrived */
	char *r1 = tail_alloc(5), *r2 = tail_alloc(5);
	iov[0] = (struct iovec){r1, 5};
	iov[1] = (struct iovec){r2, 5};
	memset(ctl, 0, sizeof(*ctl));
	*m = (struct msghdr){.msg_iov = iov, .msg_iovlen = 2, .msg_control = ctl->buf,
			     .msg_controllen = sizeof(ctl->buf)};
	rc = syscall(__NR_recvmsg, sv[1], m, MSG_CMSG_CLOEXEC);
	int got[2];
	memcpy(got, CMSG_DATA(CMSG_FIRSTHDR(m)), sizeof(got));
	snprintf(call, sizeof(call),
		 "recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abcde\", "
		 "iov_len=5}, {iov_base=\"fg\", iov_len=5}], msg_iovlen=2, msg_control=[{cmsg_len=%zu, "
		 "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[%d, %d]}], "
		 "msg_controllen=%zu, msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC)",
		 sv[1], (size_t)CMSG_LEN(2 * sizeof(int)), got[0], got[1], sizeof(ctl->buf));
	print_line("", call, sprintrc(rc));

	/* credentials */
	int on = 1;
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on));
	iov[0] = (struct iovec){a, 1};
	*m = (struct msghdr){.msg_iov = iov, .msg_iovlen = 1};
	rc = syscall(__NR_sendmsg, sv[0], m, 0);
	snprintf(call, sizeof(call),
		 "sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"a\", iov_len=1}], "
		 "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0)", sv[0]);
	print_line("", call, sprintrc(rc));
	union {
		char buf[CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} *cr = tail_alloc(sizeof(*cr));
	iov[0] = (struct iovec){r1, 5};
	*m = (struct msghdr){.msg_iov = iov, .msg_iovlen = 1, .msg_control = cr->buf,
			     .msg_controllen = sizeof(cr->buf)};
	rc = syscall(__NR_recvmsg, sv[1], m, 0);
	snprintf(call, sizeof(call),
		 "recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"a\", iov_len=5}], "
		 "msg_iovlen=1, msg_control=[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, "
		 "cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=%d, uid=%u, gid=%u}}], "
		 "msg_controllen=%zu, msg_flags=0}, 0)",
		 sv[1], (size_t)CMSG_LEN(sizeof(struct ucred)), getpid(), getuid(), getgid(),
		 sizeof(cr->buf));
	print_line("", call, sprintrc(rc));

	/* UDP with a source address: msg_namelen 128 => 16 */
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in self = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(self);
	if (bind(u, (struct sockaddr *)&self, sizeof(self)) ||
	    getsockname(u, (struct sockaddr *)&self, &sl))
		fail("bind");
	struct sockaddr_storage *name = tail_alloc(sizeof(*name));
	memcpy(name, &self, sizeof(self));
	iov[0] = (struct iovec){b, 4};
	*m = (struct msghdr){.msg_name = name, .msg_namelen = sizeof(self), .msg_iov = iov,
			     .msg_iovlen = 1};
	rc = syscall(__NR_sendmsg, u, m, 0);
	char addr[128];
	snprintf(addr, sizeof(addr),
		 "{sa_family=AF_INET, sin_port=htons(%u), sin_addr=inet_addr(\"127.0.0.1\")}",
		 ntohs(self.sin_port));
	snprintf(call, sizeof(call),
		 "sendmsg(%d, {msg_name=%s, msg_namelen=16, msg_iov=[{iov_base=\"defg\", "
		 "iov_len=4}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0)", u, addr);
	print_line("", call, sprintrc(rc));
	iov[0] = (struct iovec){r1, 5};
	*m = (struct msghdr){.msg_name = name, .msg_namelen = sizeof(*name), .msg_iov = iov,
			     .msg_iovlen = 1};
	rc = syscall(__NR_recvmsg, u, m, MSG_DONTWAIT);
	snprintf(call, sizeof(call),
		 "recvmsg(%d, {msg_name=%s, msg_namelen=128 => 16, msg_iov=[{iov_base=\"defg\", "
		 "iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_DONTWAIT)", u, addr);
	print_line("", call, sprintrc(rc));

	m->msg_namelen = sizeof(*name);
	rc = syscall(__NR_recvmsg, u, m, MSG_DONTWAIT);
	snprintf(call, sizeof(call), "recvmsg(%d, {msg_namelen=128}, MSG_DONTWAIT)", u);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_recvmsg, -1, NULL, 0);
	print_line("", "recvmsg(-1, NULL, 0)", sprintrc(rc));
	rc = syscall(__NR_sendmsg, -1, (char *)m + 1, MSG_MORE | 0x100000);
	snprintf(call, sizeof(call), "sendmsg(-1, %p, MSG_MORE|0x100000)", (void *)((char *)m + 1));
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
