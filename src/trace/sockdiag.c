/* -yy socket endpoints: sock_diag first, /proc/PID/net as the fallback (see sockdiag.h). */
#include "trace/sockdiag.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "output/printer.h"
#include "xlat/xlat.h"

#ifndef IPPROTO_L2TP
#define IPPROTO_L2TP 115
#endif

#define UNIX_PATH_MAX ((int)sizeof(((struct sockaddr_un *)0)->sun_path))

enum kind { K_UNIX, K_INET, K_NETLINK };

/* The kernel's names for socket protocols (the system.sockprotoname attribute of the fd),
 * in the order strace tries them when the name is unknown. */
static const struct proto {
	const char *name;
	enum kind kind;
	int family, protocol;
	const char *procnet; /* /proc/PID/net file of the fallback */
} protos[] = {
    {"UNIX", K_UNIX, AF_UNIX, 0, "unix"},
    {"UNIX-STREAM", K_UNIX, AF_UNIX, 0, "unix"},
    {"TCP", K_INET, AF_INET, IPPROTO_TCP, "tcp"},
    {"UDP", K_INET, AF_INET, IPPROTO_UDP, "udp"},
    {"UDPLITE", K_INET, AF_INET, IPPROTO_UDPLITE, "udplite"},
    {"DCCP", K_INET, AF_INET, IPPROTO_DCCP, NULL},
    {"SCTP", K_INET, AF_INET, IPPROTO_SCTP, NULL},
    {"L2TP/IP", K_INET, AF_INET, IPPROTO_L2TP, NULL},
    {"PING", K_INET, AF_INET, IPPROTO_ICMP, "icmp"},
    {"RAW", K_INET, AF_INET, IPPROTO_RAW, "raw"},
    {"TCPv6", K_INET, AF_INET6, IPPROTO_TCP, "tcp6"},
    {"UDPv6", K_INET, AF_INET6, IPPROTO_UDP, "udp6"},
    {"UDPLITEv6", K_INET, AF_INET6, IPPROTO_UDPLITE, "udplite6"},
    {"DCCPv6", K_INET, AF_INET6, IPPROTO_DCCP, NULL},
    {"SCTPv6", K_INET, AF_INET6, IPPROTO_SCTP, NULL},
    {"L2TP/IPv6", K_INET, AF_INET6, IPPROTO_L2TP, NULL},
    {"PINGv6", K_INET, AF_INET6, IPPROTO_ICMP, "icmp6"},
    {"RAWv6", K_INET, AF_INET6, IPPROTO_RAW, "raw6"},
    {"NETLINK", K_NETLINK, AF_NETLINK, 0, "netlink"},
};
#define NPROTOS (sizeof(protos) / sizeof(protos[0]))

/* strace keeps what it found per inode (1024 slots by the low bits), and so does scry: a
 * socket keeps the endpoints of its first successful lookup. */
#define CACHE_SIZE 1024
static struct {
	unsigned long inode;
	char *text;
} cache[CACHE_SIZE];

static const char *cache_get(unsigned long inode)
{
	unsigned i = inode & (CACHE_SIZE - 1);
	return cache[i].text && cache[i].inode == inode ? cache[i].text : NULL;
}

static void cache_put(unsigned long inode, const char *text, size_t len)
{
	unsigned i = inode & (CACHE_SIZE - 1);
	free(cache[i].text);
	cache[i].text = strndup(text, len);
	cache[i].inode = inode;
}

/* --- formats --- */

static void fmt_inet(struct strbuf *out, const char *proto, int family, const void *src,
		     unsigned sport, const void *dst, unsigned dport)
{
	static const char zero[16];
	char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
	const char *ob = family == AF_INET6 ? "[" : "", *cb = family == AF_INET6 ? "]" : "";
	size_t alen = family == AF_INET6 ? 16 : 4;

	inet_ntop(family, src, s, sizeof(s));
	if (dport || memcmp(dst, zero, alen)) {
		inet_ntop(family, dst, d, sizeof(d));
		sb_printf(out, "%s:[%s%s%s:%u->%s%s%s:%u]", proto, ob, s, cb, sport, ob, d, cb,
			  dport);
	} else {
		sb_printf(out, "%s:[%s%s%s:%u]", proto, ob, s, cb, sport);
	}
}

/* UNIX:[inode->peer,"path"]; path may be abstract (leading NUL, printed as @) */
static bool fmt_unix(struct strbuf *out, const char *proto, unsigned long inode, unsigned peer,
		     const char *path, size_t path_len)
{
	if (!peer && !path_len)
		return false;
	sb_printf(out, "%s:[%lu", proto, inode);
	if (peer)
		sb_printf(out, "->%u", peer);
	if (path_len) {
		sb_putc(out, ',');
		if (path[0] == '\0') {
			sb_putc(out, '@');
			sb_quoted(out, path + 1, path_len - 1, 0, true);
		} else {
			sb_quoted(out, path, path_len, 0, true);
		}
	}
	sb_putc(out, ']');
	return true;
}

static void fmt_netlink(struct strbuf *out, const char *proto, unsigned protocol, unsigned portid)
{
	const char *name = xlat_name(&xl_netlink_protocols, protocol);

	if (name)
		sb_printf(out, "%s:[%s:%u]", proto, strncmp(name, "NETLINK_", 8) ? name : name + 8,
			  portid);
	else
		sb_printf(out, "%s:[%u]", proto, protocol);
}

/* --- sock_diag --- */

static bool diag_send(int sk, void *req, size_t len)
{
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	struct iovec iov = {req, len};
	struct msghdr msg = {
	    .msg_name = &nl, .msg_namelen = sizeof(nl), .msg_iov = &iov, .msg_iovlen = 1};

	while (sendmsg(sk, &msg, 0) < 0)
		if (errno != EINTR)
			return false;
	return true;
}

/* A parser returns 1 when it described the inode, 0 to go on, -1 to stop. */
typedef int (*diag_parse_fn)(const void *data, int len, const struct proto *p, unsigned long inode,
			     struct strbuf *out);

static bool diag_receive(int sk, const struct proto *p, unsigned long inode, diag_parse_fn parse,
			 struct strbuf *out)
{
	static long buf[8192 / sizeof(long)];
	int flags = 0;

	for (;;) {
		ssize_t n = recv(sk, buf, sizeof(buf), flags);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		int left = (int)n;
		const struct nlmsghdr *h = (const struct nlmsghdr *)buf;
		if (!NLMSG_OK(h, left))
			return false;
		for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
				return false;
			int rc = parse(NLMSG_DATA(h), (int)h->nlmsg_len, p, inode, out);
			if (rc)
				return rc > 0;
		}
		flags = MSG_DONTWAIT;
	}
}

static int inet_parse(const void *data, int len, const struct proto *p, unsigned long inode,
		      struct strbuf *out)
{
	const struct inet_diag_msg *m = data;

	if (len < (int)NLMSG_LENGTH(sizeof(*m)))
		return -1;
	if (m->idiag_inode != inode)
		return 0;
	if (m->idiag_family != AF_INET && m->idiag_family != AF_INET6)
		return -1;
	fmt_inet(out, p->name, m->idiag_family, m->id.idiag_src, ntohs(m->id.idiag_sport),
		 m->id.idiag_dst, ntohs(m->id.idiag_dport));
	return 1;
}

static int unix_parse(const void *data, int len, const struct proto *p, unsigned long inode,
		      struct strbuf *out)
{
	const struct unix_diag_msg *m = data;
	int rta_len = len - (int)NLMSG_LENGTH(sizeof(*m));
	char path[UNIX_PATH_MAX + 1];
	size_t path_len = 0;
	uint32_t peer = 0;

	if (rta_len < 0)
		return -1;
	if (m->udiag_ino != inode)
		return 0;
	if (m->udiag_family != AF_UNIX)
		return -1;
	for (const struct rtattr *a = (const struct rtattr *)(m + 1); RTA_OK(a, rta_len);
	     a = RTA_NEXT(a, rta_len)) {
		if (a->rta_type == UNIX_DIAG_NAME && !path_len) {
			path_len = RTA_PAYLOAD(a) > UNIX_PATH_MAX ? UNIX_PATH_MAX : RTA_PAYLOAD(a);
			memcpy(path, RTA_DATA(a), path_len);
			path[path_len] = '\0';
		} else if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4) {
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
		}
	}
	return fmt_unix(out, p->name, inode, peer, path, path_len) ? 1 : -1;
}

static int netlink_parse(const void *data, int len, const struct proto *p, unsigned long inode,
			 struct strbuf *out)
{
	const struct netlink_diag_msg *m = data;

	if (len < (int)NLMSG_LENGTH(sizeof(*m)))
		return -1;
	if (m->ndiag_ino != inode)
		return 0;
	if (m->ndiag_family != AF_NETLINK)
		return -1;
	fmt_netlink(out, p->name, m->ndiag_protocol, m->ndiag_portid);
	return 1;
}

/* Returns 1 when found, 0 when not, -1 when sock_diag cannot be asked at all. */
static int diag_lookup(int sk, const struct proto *p, unsigned long inode, struct strbuf *out)
{
	switch (p->kind) {
	case K_INET: {
		struct {
			struct nlmsghdr nlh;
			struct inet_diag_req_v2 r;
		} req = {
		    .nlh = {.nlmsg_len = sizeof(req),
			    .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			    .nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST},
		    .r = {.sdiag_family = (uint8_t)p->family,
			  .sdiag_protocol = (uint8_t)p->protocol,
			  .idiag_states = ~0u},
		};
		if (!diag_send(sk, &req, sizeof(req)))
			return -1;
		return diag_receive(sk, p, inode, inet_parse, out);
	}
	case K_UNIX: {
		/* asked by inode: no dump (the kernel needs NLM_F_DUMP only before 4.4.4) */
		struct {
			struct nlmsghdr nlh;
			struct unix_diag_req r;
		} req = {
		    .nlh = {.nlmsg_len = sizeof(req),
			    .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			    .nlmsg_flags = NLM_F_REQUEST},
		    .r = {.sdiag_family = AF_UNIX,
			  .udiag_ino = (uint32_t)inode,
			  .udiag_states = ~0u,
			  .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
			  .udiag_cookie = {~0u, ~0u}},
		};
		if (!diag_send(sk, &req, sizeof(req)))
			return -1;
		return diag_receive(sk, p, inode, unix_parse, out);
	}
	case K_NETLINK: {
		struct {
			struct nlmsghdr nlh;
			struct netlink_diag_req r;
		} req = {
		    .nlh = {.nlmsg_len = sizeof(req),
			    .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			    .nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST},
		    .r = {.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL},
		};
		if (!diag_send(sk, &req, sizeof(req)))
			return -1;
		return diag_receive(sk, p, inode, netlink_parse, out);
	}
	}
	return 0;
}

/* --- captured state --- */

bool sockdiag_describe_state(const struct sock_state *ss, unsigned long inode, struct strbuf *out)
{
	const struct proto *p = NULL;
	const char *cached = cache_get(inode);
	size_t at = out->len;
	bool listed = false;

	if (cached) {
		sb_puts(out, cached);
		return true;
	}
	for (size_t i = 0; i < NPROTOS && !p; i++)
		if (strcmp(protos[i].name, ss->proto) == 0)
			p = &protos[i];
	if (!p)
		return false;
	switch (p->kind) {
	case K_INET:
		if (ss->family != AF_INET && ss->family != AF_INET6)
			break;
		/* sock_diag lists TCP and DCCP sockets out of TCP_CLOSE (7), the others once
		 * they are bound to a port */
		listed = p->protocol == IPPROTO_TCP || p->protocol == IPPROTO_DCCP ? ss->state != 7
										   : ss->sport != 0;
		if (listed)
			fmt_inet(out, p->name, ss->family, ss->src, ss->sport, ss->dst, ss->dport);
		break;
	case K_UNIX:
		listed = fmt_unix(out, p->name, inode, ss->peer, ss->path, ss->path_len);
		break;
	case K_NETLINK:
		listed = ss->portid != 0; /* bound: in the kernel's table */
		if (listed)
			fmt_netlink(out, p->name, ss->protocol, ss->portid);
		break;
	}
	if (listed)
		cache_put(inode, out->buf + at, out->len - at);
	else
		sb_printf(out, "%s:[%lu]", p->name, inode);
	return true;
}

/* --- /proc/net --- */

static bool hex_words(const char *hex, size_t nwords, void *dst)
{
	uint32_t w[4];

	for (size_t i = 0; i < nwords; i++) {
		char part[9];
		memcpy(part, hex + 8 * i, 8);
		part[8] = '\0';
		char *end;
		/* each word is the kernel's u32 in host order */
		w[i] = (uint32_t)strtoul(part, &end, 16);
		if (*end)
			return false;
	}
	memcpy(dst, w, nwords * 4);
	return true;
}

bool procnet_inet_find(FILE *f, int family, unsigned long inode, const char *proto,
		       struct strbuf *out)
{
	size_t nwords = family == AF_INET6 ? 4 : 1;
	char *line = NULL;
	size_t cap = 0;
	bool found = false;

	while (!found && getline(&line, &cap, f) > 0) {
		char local[40], remote[40];
		unsigned long ino;
		unsigned lport, rport;
		/* sl: local:port remote:port st tx:rx tr:when retrnsmt uid timeout inode */
		if (sscanf(line,
			   " %*u: %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %*x %*x:%*x %*x:%*x %*x %*u "
			   "%*u %lu",
			   local, &lport, remote, &rport, &ino) != 5 ||
		    ino != inode)
			continue;
		uint8_t src[16], dst[16];
		if (strlen(local) != nwords * 8 || strlen(remote) != nwords * 8 ||
		    !hex_words(local, nwords, src) || !hex_words(remote, nwords, dst))
			continue;
		fmt_inet(out, proto, family, src, lport, dst, rport);
		found = true;
	}
	free(line);
	return found;
}

bool procnet_unix_find(FILE *f, unsigned long inode, const char *proto, struct strbuf *out)
{
	char *line = NULL;
	size_t cap = 0;
	bool found = false;

	while (!found && getline(&line, &cap, f) > 0) {
		unsigned long ino;
		int end = 0;
		/* Num: RefCount Protocol Flags Type St Inode [Path] */
		if (sscanf(line, "%*x: %*x %*x %*x %*x %*x %lu%n", &ino, &end) != 1 || ino != inode)
			continue;
		const char *path = line + end;
		while (*path == ' ')
			path++;
		size_t len = strcspn(path, "\n");
		char buf[UNIX_PATH_MAX + 1];
		if (len > (size_t)UNIX_PATH_MAX)
			len = UNIX_PATH_MAX;
		memcpy(buf, path, len);
		buf[len] = '\0';
		/* the file shows an abstract name with a leading '@' and no peer at all */
		if (len && buf[0] == '@')
			buf[0] = '\0';
		found = fmt_unix(out, proto, inode, 0, buf, len);
		break;
	}
	free(line);
	return found;
}

bool procnet_netlink_find(FILE *f, unsigned long inode, const char *proto, struct strbuf *out)
{
	char *line = NULL;
	size_t cap = 0;
	bool found = false;

	while (!found && getline(&line, &cap, f) > 0) {
		unsigned long ino;
		unsigned eth, pid;
		/* sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode */
		if (sscanf(line, "%*x %u %u %*x %*u %*u %*u %*u %*u %lu", &eth, &pid, &ino) != 3 ||
		    ino != inode)
			continue;
		fmt_netlink(out, proto, eth, pid);
		found = true;
	}
	free(line);
	return found;
}

static bool procnet_lookup(pid_t tgid, const struct proto *p, unsigned long inode,
			   struct strbuf *out)
{
	char path[64];
	bool found = false;

	if (!p->procnet)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/net/%s", tgid, p->procnet);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	if (p->kind == K_INET)
		found = procnet_inet_find(f, p->family, inode, p->name, out);
	else if (p->kind == K_UNIX)
		found = procnet_unix_find(f, inode, p->name, out);
	else
		found = procnet_netlink_find(f, inode, p->name, out);
	fclose(f);
	return found;
}

/* --- entry --- */

static const struct proto *proto_of_fd(pid_t tgid, int fd)
{
	char path[64], name[64];

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", tgid, fd);
	ssize_t n = getxattr(path, "system.sockprotoname", name, sizeof(name) - 1);
	if (n <= 0)
		return NULL;
	name[n] = '\0';
	for (size_t i = 0; i < NPROTOS; i++)
		if (strcmp(protos[i].name, name) == 0)
			return &protos[i];
	return NULL;
}

/* Looks the inode up as protocol p; sk is the sock_diag socket or -1. */
static bool lookup(int sk, pid_t tgid, const struct proto *p, unsigned long inode,
		   struct strbuf *out)
{
	size_t at = out->len;
	int rc = sk >= 0 ? diag_lookup(sk, p, inode, out) : -1;

	if (rc < 0) {
		out->len = at;
		if (out->buf)
			out->buf[at] = '\0';
		rc = procnet_lookup(tgid, p, inode, out);
	}
	if (rc > 0)
		cache_put(inode, out->buf + at, out->len - at);
	return rc > 0;
}

bool sockdiag_describe(pid_t tgid, int fd, unsigned long inode, struct strbuf *out)
{
	const char *cached = cache_get(inode);
	if (cached) {
		sb_puts(out, cached);
		return true;
	}
	const struct proto *p = proto_of_fd(tgid, fd);
	int sk = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	bool found = false;

	if (p) {
		found = lookup(sk, tgid, p, inode, out);
	} else {
		for (size_t i = 0; i < NPROTOS && !found; i++) {
			/* a fresh socket per protocol: an unread answer must not mix in */
			if (i && sk >= 0) {
				close(sk);
				sk = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
			}
			found = lookup(sk, tgid, &protos[i], inode, out);
		}
	}
	if (sk >= 0)
		close(sk);
	if (!found && p)
		sb_printf(out, "%s:[%lu]", p->name, inode);
	return found || p;
}
