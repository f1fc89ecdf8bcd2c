/* NETLINK_SOCK_DIAG requests for AF_UNIX sockets in sendto buffers, as ss -x sends them: a
 * full struct unix_diag_req (state bits, show flags with an unknown bit, the cookie) and one
 * too short for it. The kernel's answers are drained untraced. */
/* TRACE: -e trace=sendto */
#include "tests.h"
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static void drain(int fd)
{
	char buf[65536];

	while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) /* not traced */
		;
}

int main(void)
{
	char call[1024];
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		skip("no NETLINK_SOCK_DIAG socket");
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	if (bind(fd, (struct sockaddr *)&nl, sizeof(nl)))
		fail("bind");

	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} *req = tail_alloc(sizeof(*req));
	memset(req, 0, sizeof(*req));
	req->h = (struct nlmsghdr){.nlmsg_len = sizeof(*req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
				   .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 5};
	req->r = (struct unix_diag_req){.sdiag_family = AF_UNIX,
					.udiag_states = 1 << TCP_CLOSE | 1 << TCP_LISTEN,
					.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | 0x80000000,
					.udiag_cookie = {7, 0xffffffff}};
	long rc = syscall(__NR_sendto, fd, req, sizeof(*req), 0, NULL, 0);
	snprintf(call, sizeof(call),
		 "sendto(%d, [{nlmsg_len=%zu, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
		 "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=5, nlmsg_pid=0}, "
		 "{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_CLOSE|1<<TCP_LISTEN, "
		 "udiag_ino=0, udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_PEER|0x80000000, "
		 "udiag_cookie=[7, 4294967295]}], %zu, 0, NULL, 0)",
		 fd, sizeof(*req), sizeof(*req));
	print_line("", call, sprintrc(rc));
	drain(fd);

	struct {
		struct nlmsghdr h;
		unsigned char family, pad[3];
	} *shortreq = tail_alloc(sizeof(*shortreq));
	memset(shortreq, 0, sizeof(*shortreq));
	shortreq->h = (struct nlmsghdr){.nlmsg_len = sizeof(*shortreq),
					.nlmsg_type = SOCK_DIAG_BY_FAMILY,
					.nlmsg_flags = NLM_F_REQUEST, .nlmsg_seq = 6};
	shortreq->family = AF_UNIX;
	rc = syscall(__NR_sendto, fd, shortreq, sizeof(*shortreq), 0, NULL, 0);
	snprintf(call, sizeof(call),
		 "sendto(%d, [{nlmsg_len=%zu, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
		 "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=6, nlmsg_pid=0}, "
		 "{sdiag_family=AF_UNIX, ...}], %zu, 0, NULL, 0)",
		 fd, sizeof(*shortreq), sizeof(*shortreq));
	print_line("", call, sprintrc(rc));
	drain(fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
