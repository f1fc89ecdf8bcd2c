#include "net/sockdiag.h"

#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "basic/cleanup.h"

static int parse_inet(const struct nlmsghdr *h, int proto, struct sock_table *t)
{
	const struct inet_diag_msg *m = NLMSG_DATA(h);

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || !m->idiag_inode)
		return 0;
	struct sock_entry *s = socktab_get(t, m->idiag_inode, true);

	if (!s)
		return -ENOMEM;
	s->family = m->idiag_family;
	s->proto = proto;
	s->type = proto == IPPROTO_TCP ? SOCK_STREAM : SOCK_DGRAM;
	s->state = m->idiag_state;
	memcpy(s->laddr, m->id.idiag_src, 16);
	memcpy(s->raddr, m->id.idiag_dst, 16);
	s->lport = ntohs(m->id.idiag_sport);
	s->rport = ntohs(m->id.idiag_dport);
	/* for a listener sock_diag reports the backlog; /proc/net/tcp (and lsof) the queues */
	s->rq = m->idiag_state == 10 ? 0 : m->idiag_rqueue;
	s->sq = m->idiag_state == 10 ? 0 : m->idiag_wqueue;
	return 0;
}

static int unix_state(int tcp_state)
{
	switch (tcp_state) {
	case 10:
		return UNIX_LISTEN; /* TCP_LISTEN */
	case 1:
		return UNIX_CONNECTED; /* TCP_ESTABLISHED */
	case 2:
		return UNIX_CONNECTING; /* TCP_SYN_SENT */
	default:
		return UNIX_UNCONNECTED; /* TCP_CLOSE */
	}
}

static int parse_unix(const struct nlmsghdr *h, struct sock_table *t)
{
	const struct unix_diag_msg *m = NLMSG_DATA(h);

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || !m->udiag_ino)
		return 0;
	struct sock_entry *s = socktab_get(t, m->udiag_ino, true);

	if (!s)
		return -ENOMEM;
	s->family = AF_UNIX;
	s->type = m->udiag_type;
	s->state = unix_state(m->udiag_state);

	const struct rtattr *a = (const void *)(m + 1);
	int left = (int)h->nlmsg_len - NLMSG_LENGTH(sizeof(*m));

	for (; RTA_OK(a, left); a = RTA_NEXT(a, left)) {
		size_t n = RTA_PAYLOAD(a);

		if (a->rta_type == UNIX_DIAG_PEER && n >= 4) {
			uint32_t peer;

			memcpy(&peer, RTA_DATA(a), 4);
			s->peer = peer;
		} else if (a->rta_type == UNIX_DIAG_NAME && n > 0 && !s->path) {
			const char *name = RTA_DATA(a);
			char *p = malloc(n + 1);

			if (!p)
				return -ENOMEM;
			memcpy(p, name, n);
			p[n] = '\0';
			if (p[0] == '\0')
				p[0] = '@';
			s->path = p;
		}
	}
	return 0;
}

int sockdiag_parse(const void *buf, size_t len, int family, int proto, struct sock_table *t)
{
	/* NLMSG_OK/NEXT mix signed and unsigned lengths; walk the buffer by offset instead */
	for (size_t off = 0; len - off >= sizeof(struct nlmsghdr);) {
		const struct nlmsghdr *h = (const void *)((const char *)buf + off);
		int r;

		if (h->nlmsg_len < sizeof(*h) || h->nlmsg_len > len - off)
			break;
		off += NLMSG_ALIGN(h->nlmsg_len);
		if (off > len)
			off = len;

		if (h->nlmsg_type == NLMSG_DONE)
			return 1;
		if (h->nlmsg_type == NLMSG_ERROR) {
			const struct nlmsgerr *e = NLMSG_DATA(h);

			if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
				return -EPROTO;
			return e->error < 0 ? e->error : -EPROTO;
		}
		if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
			continue;
		r = family == AF_UNIX ? parse_unix(h, t) : parse_inet(h, proto, t);
		if (r < 0)
			return r;
	}
	return 0;
}

static int dump(const void *req, size_t reqlen, int family, int proto, struct sock_table *t)
{
	_cleanup_close_ int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
	static char buf[65536] __attribute__((aligned(4)));

	if (fd < 0)
		return -errno;
	if (sendto(fd, req, reqlen, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return -errno;
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		int r;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return -EPROTO;
		r = sockdiag_parse(buf, (size_t)n, family, proto, t);
		if (r != 0)
			return r < 0 ? r : 0;
	}
}

int sockdiag_inet(struct sock_table *t, int family, int proto)
{
	struct {
		struct nlmsghdr h;
		struct inet_diag_req_v2 r;
	} req = {
	    .h = {.nlmsg_len = sizeof(req),
		  .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		  .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
	    .r = {.sdiag_family = (uint8_t)family,
		  .sdiag_protocol = (uint8_t)proto,
		  .idiag_states = ~0U},
	};

	return dump(&req, sizeof(req), family, proto, t);
}

int sockdiag_unix(struct sock_table *t)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} req = {
	    .h = {.nlmsg_len = sizeof(req),
		  .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		  .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
	    .r = {.sdiag_family = AF_UNIX,
		  .udiag_states = ~0U,
		  .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER},
	};

	return dump(&req, sizeof(req), AF_UNIX, 0, t);
}
