/* Netlink messages in sendto and recvfrom buffers of a NETLINK_ROUTE socket: a short
 * RTM_GETADDR request, an RTM_DELADDR with attributes and NLM_F_ACK, the NLMSG_ERROR reply
 * quoting it, and raw bytes too short for a header. */
/* TRACE: -e trace=sendto,recvfrom */
#include "tests.h"
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <sys/syscall.h>

int main(void)
{
	char call[2048];
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		skip("no NETLINK_ROUTE socket");
	/* bound: sock_diag lists it, so its family (ROUTE) is known */
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	if (bind(fd, (struct sockaddr *)&nl, sizeof(nl)))
		fail("bind");

	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
	} *get = tail_alloc(sizeof(*get));
	memset(get, 0, sizeof(*get));
	get->h = (struct nlmsghdr){.nlmsg_len = sizeof(*get), .nlmsg_type = RTM_GETADDR,
				   .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 7};
	get->g.rtgen_family = AF_UNSPEC;
	/* sent to nobody: only the decoding matters */
	long rc = syscall(__NR_sendto, -1, get, sizeof(*get), 0, NULL, 0);
	/* not a netlink socket: plain bytes */
	snprintf(call, sizeof(call), "sendto(-1, %s, %zu, 0, NULL, 0)",
		 quote((const char *)get, sizeof(*get)), sizeof(*get));
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_sendto, fd, get, sizeof(*get), MSG_DONTWAIT, NULL, 0);
	snprintf(call, sizeof(call),
		 "sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_GETADDR, "
		 "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, "
		 "{ifa_family=AF_UNSPEC, ...}], %zu, MSG_DONTWAIT, NULL, 0)",
		 fd, sizeof(*get), sizeof(*get));
	print_line("", call, sprintrc(rc));
	/* drain the dump so that the next answer is ours */
	char *buf = tail_alloc(65536);
	for (;;) {
		struct iovec iov = {buf, 65536};
		struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
		ssize_t n = recvmsg(fd, &mh, 0); /* not traced */
		if (n <= 0 || ((struct nlmsghdr *)buf)->nlmsg_type == NLMSG_DONE ||
		    ((struct nlmsghdr *)buf)->nlmsg_type == NLMSG_ERROR)
			break;
	}

	struct {
		struct nlmsghdr h;
		struct ifaddrmsg ifa;
		struct nlattr nla;
		struct in_addr a;
	} *del = tail_alloc(sizeof(*del));
	memset(del, 0, sizeof(*del));
	del->h = (struct nlmsghdr){.nlmsg_len = sizeof(*del), .nlmsg_type = RTM_DELADDR,
				   .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK, .nlmsg_seq = 8};
	del->ifa = (struct ifaddrmsg){.ifa_family = AF_INET, .ifa_prefixlen = 32,
				      .ifa_flags = IFA_F_PERMANENT, .ifa_scope = RT_SCOPE_HOST,
				      .ifa_index = 0x7ffffff0};
	del->nla = (struct nlattr){.nla_len = sizeof(del->nla) + 4, .nla_type = IFA_LOCAL};
	inet_pton(AF_INET, "192.0.2.77", &del->a);
	rc = syscall(__NR_sendto, fd, del, sizeof(*del), 0, NULL, 0);
	char req[1024];
	snprintf(req, sizeof(req),
		 "[{nlmsg_len=%zu, nlmsg_type=RTM_DELADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, "
		 "nlmsg_seq=8, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=32, "
		 "ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=%u}, "
		 "[{nla_len=8, nla_type=IFA_LOCAL}, inet_addr(\"192.0.2.77\")]]",
		 sizeof(*del), 0x7ffffff0u);
	snprintf(call, sizeof(call), "sendto(%d, %s, %zu, 0, NULL, 0)", fd, req, sizeof(*del));
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_recvfrom, fd, buf, 65536, 0, NULL, NULL);
	const struct nlmsghdr *h = (const void *)buf;
	const struct nlmsgerr *e = NLMSG_DATA(h);
	if (rc < (long)(NLMSG_HDRLEN + sizeof(*e)) || h->nlmsg_type != NLMSG_ERROR)
		fail("no NLMSG_ERROR answer");
	char err[64];
	if (e->error)
		snprintf(err, sizeof(err), "-%s", (errno = -e->error, errno2name()));
	else
		snprintf(err, sizeof(err), "0");
	/* the error quotes our request; attributes after it (extended ack) are not expected */
	if ((size_t)rc != NLMSG_HDRLEN + sizeof(e->error) + sizeof(*del))
		skip("the kernel added extended ack attributes");
	snprintf(call, sizeof(call),
		 "recvfrom(%d, [{nlmsg_len=%ld, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=8, "
		 "nlmsg_pid=%d}, {error=%s, msg=%s}], 65536, 0, NULL, NULL)",
		 fd, rc, (int)h->nlmsg_pid, err, req);
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_sendto, fd, "\1\2\3", 3, 0, NULL, 0);
	snprintf(call, sizeof(call), "sendto(%d, \"\\x01\\x02\\x03\", 3, 0, NULL, 0)", fd);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
