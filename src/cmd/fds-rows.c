/* scry fds: from what a process holds to lsof's columns. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/xattr.h>

#include "basic/cleanup.h"
#include "cmd/fds.h"
#include "net/sockdiag.h"
#include "proc/netfiles.h"
#include "proc/procfs.h"

const char *fds_user_name(uid_t uid)
{
	static struct {
		uid_t uid;
		char name[33];
	} cache[64];
	static size_t n;

	for (size_t i = 0; i < n; i++)
		if (cache[i].uid == uid)
			return cache[i].name;
	struct passwd *pw = getpwuid(uid);
	size_t slot = n < 64 ? n++ : (size_t)uid % 64;

	cache[slot].uid = uid;
	if (pw)
		snprintf(cache[slot].name, sizeof(cache[slot].name), "%s", pw->pw_name);
	else
		snprintf(cache[slot].name, sizeof(cache[slot].name), "%u", (unsigned int)uid);
	return cache[slot].name;
}

/* ---- socket tables ---- */

static void load_proc_net(struct sock_table *t, int dirfd)
{
	static const struct {
		const char *path;
		int family, proto;
	} inet[] = {
	    {"net/tcp", AF_INET, IPPROTO_TCP},
	    {"net/tcp6", AF_INET6, IPPROTO_TCP},
	    {"net/udp", AF_INET, IPPROTO_UDP},
	    {"net/udp6", AF_INET6, IPPROTO_UDP},
	};
	for (size_t i = 0; i < sizeof(inet) / sizeof(inet[0]); i++) {
		_cleanup_fclose_ FILE *f = proc_fopenat(dirfd, inet[i].path);

		if (f)
			(void)proc_net_inet_parse(f, inet[i].family, inet[i].proto, t);
	}
}

static void load_table(struct sock_table *t, int dirfd, bool own_ns, bool peers)
{
	static const struct {
		const char *path;
		int (*parse)(FILE *f, struct sock_table *t);
	} others[] = {
	    {"net/unix", proc_net_unix_parse},
	    {"net/netlink", proc_net_netlink_parse},
	    {"net/packet", proc_net_packet_parse},
	};
	/* SCRY_NO_SOCK_DIAG: take the /proc/net path, for tests and for kernels without it */
	bool diag = own_ns && !getenv("SCRY_NO_SOCK_DIAG");

	/* sock_diag answers for our own namespace only; /proc/PID/net for any */
	if (diag) {
		static const int fam[] = {AF_INET, AF_INET6}, proto[] = {IPPROTO_TCP, IPPROTO_UDP};

		for (int i = 0; diag && i < 2; i++)
			for (int j = 0; diag && j < 2; j++)
				if (sockdiag_inet(t, fam[i], proto[j]) < 0)
					diag = false;
	}
	if (!diag)
		load_proc_net(t, dirfd);
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		_cleanup_fclose_ FILE *f = proc_fopenat(dirfd, others[i].path);

		if (f)
			(void)others[i].parse(f, t);
	}
	if (peers && own_ns)
		(void)sockdiag_unix(t);
}

const struct sock_entry *fds_sock_lookup(struct netns_tables *nt, const struct proc_files *pf,
					 int dirfd, uint64_t ino)
{
	static char own[64];
	size_t i;

	if (!own[0] && proc_readlink(AT_FDCWD, "/proc/self/ns/net", own, sizeof(own)) < 0)
		snprintf(own, sizeof(own), "?");
	for (i = 0; i < nt->n; i++)
		if (strcmp(nt->v[i].ns, pf->netns) == 0)
			break;
	if (i == nt->n) {
		if (nt->n == sizeof(nt->v) / sizeof(nt->v[0]) || dirfd < 0)
			return NULL;
		snprintf(nt->v[i].ns, sizeof(nt->v[i].ns), "%s", pf->netns);
		nt->v[i].t = (struct sock_table){0};
		load_table(&nt->v[i].t, dirfd, strcmp(pf->netns, own) == 0, nt->unix_peers);
		nt->n++;
	}
	return socktab_get(&nt->v[i].t, ino, false);
}

void fds_netns_free(struct netns_tables *nt)
{
	for (size_t i = 0; i < nt->n; i++)
		socktab_free(&nt->v[i].t);
	nt->n = 0;
}

/* ---- names ---- */

static const char *host_name(int family, const uint8_t *addr, const struct fds_opts *o)
{
	static struct {
		int family;
		uint8_t addr[16];
		char name[NI_MAXHOST + 2];
	} cache[128];
	static size_t n;
	size_t alen = family == AF_INET ? 4 : 16;
	static char num_out[INET6_ADDRSTRLEN + 2];

	if (o->numeric_hosts) {
		char num[INET6_ADDRSTRLEN];

		inet_ntop(family, addr, num, sizeof(num));
		snprintf(num_out, sizeof(num_out), family == AF_INET6 ? "[%s]" : "%s", num);
		return num_out;
	}
	for (size_t i = 0; i < n; i++)
		if (cache[i].family == family && memcmp(cache[i].addr, addr, alen) == 0)
			return cache[i].name;
	size_t slot = n < 128 ? n++ : 0;
	char *out = cache[slot].name;
	char num[INET6_ADDRSTRLEN];

	cache[slot].family = family;
	memcpy(cache[slot].addr, addr, alen);
	inet_ntop(family, addr, num, sizeof(num));
	if (family == AF_INET6)
		snprintf(out, sizeof(cache[slot].name), "[%s]", num);
	else
		snprintf(out, sizeof(cache[slot].name), "%s", num);
	{
		struct sockaddr_storage ss = {0};
		socklen_t sl;

		if (family == AF_INET) {
			struct sockaddr_in *s = (struct sockaddr_in *)&ss;

			s->sin_family = AF_INET;
			memcpy(&s->sin_addr, addr, 4);
			sl = sizeof(*s);
		} else {
			struct sockaddr_in6 *s = (struct sockaddr_in6 *)&ss;

			s->sin6_family = AF_INET6;
			memcpy(&s->sin6_addr, addr, 16);
			sl = sizeof(*s);
		}
		char h[NI_MAXHOST];

		if (getnameinfo((struct sockaddr *)&ss, sl, h, sizeof(h), NULL, 0, NI_NAMEREQD) ==
		    0)
			snprintf(out, sizeof(cache[slot].name), "%s", h);
	}
	return out;
}

void fds_format_endpoint(char *buf, size_t len, int family, const uint8_t *addr, uint16_t port,
			 const char *proto, const struct fds_opts *o)
{
	static const uint8_t zero[16];
	const char *host;
	char p[32];

	if (memcmp(addr, zero, family == AF_INET ? 4 : 16) == 0)
		host = "*";
	else
		host = host_name(family, addr, o);
	if (port == 0) {
		snprintf(p, sizeof(p), "*");
	} else {
		struct servent *se = NULL;

		if (!o->numeric_ports)
			se = getservbyport(htons(port), strcmp(proto, "TCP") == 0 ? "tcp" : "udp");
		if (se)
			snprintf(p, sizeof(p), "%s", se->s_name);
		else
			snprintf(p, sizeof(p), "%u", port);
	}
	snprintf(buf, len, "%s:%s", host, p);
}

static const char *unix_type_name(int type)
{
	switch (type) {
	case SOCK_STREAM:
		return "STREAM";
	case SOCK_DGRAM:
		return "DGRAM";
	case SOCK_SEQPACKET:
		return "SEQPACKET";
	case SOCK_RAW:
		return "RAW";
	case SOCK_RDM:
		return "RDM";
	default:
		return "?";
	}
}

static const char *unix_state_name(int s)
{
	static const char *const names[] = {
	    [UNIX_UNCONNECTED] = "UNCONNECTED", [UNIX_CONNECTING] = "CONNECTING",
	    [UNIX_CONNECTED] = "CONNECTED",	[UNIX_DISCONNECTING] = "DISCONNECTING",
	    [UNIX_LISTEN] = "LISTEN",
	};
	return s >= 0 && s <= UNIX_LISTEN ? names[s] : "?";
}

static const char *netlink_name(int proto, char *buf, size_t len)
{
	static const char *const names[] = {
	    [0] = "ROUTE",	 [1] = "UNUSED",
	    [2] = "USERSOCK",	 [3] = "FIREWALL",
	    [4] = "SOCK_DIAG",	 [5] = "NFLOG",
	    [6] = "XFRM",	 [7] = "SELINUX",
	    [8] = "ISCSI",	 [9] = "AUDIT",
	    [10] = "FIB_LOOKUP", [11] = "CONNECTOR",
	    [12] = "NETFILTER",	 [13] = "IP6_FW",
	    [14] = "DNRTMSG",	 [15] = "KOBJECT_UEVENT",
	    [16] = "GENERIC",	 [18] = "SCSITRANSPORT",
	    [19] = "ECRYPTFS",	 [20] = "RDMA",
	    [21] = "CRYPTO",	 [22] = "SMC",
	};
	if (proto >= 0 && proto < (int)(sizeof(names) / sizeof(names[0])) && names[proto])
		return names[proto];
	snprintf(buf, len, "%d", proto);
	return buf;
}

static const char *packet_proto_name(int proto, char *buf, size_t len)
{
	static const struct {
		int proto;
		const char *name;
	} names[] = {{0x0003, "ALL"},  {0x0800, "IP"},	  {0x0806, "ARP"},
		     {0x86dd, "IPV6"}, {0x8100, "8021Q"}, {0x88cc, "LLDP"}};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].proto == proto)
			return names[i].name;
	snprintf(buf, len, "0x%04x", (unsigned int)proto);
	return buf;
}

static char *xstrdup(const char *s)
{
	return strdup(s);
}

static void offset(char *buf, size_t len, uint64_t pos)
{
	char t[32];

	snprintf(t, sizeof(t), "0t%" PRIu64, pos);
	if (strlen(t) > 10) /* lsof: more than 8 decimal digits turn to hex */
		snprintf(t, sizeof(t), "0x%" PRIx64, pos);
	snprintf(buf, len, "%s", t);
}

static int build_socket(struct fds_row *row, const struct proc_files *pf,
			const struct open_file *of, const struct sock_entry *s,
			const struct fds_opts *o)
{
	char name[1024], a[300], b[300], t[32];

	if (!o->size_only) /* a socket has no size: -s leaves it blank */
		offset(row->sizeoff, sizeof(row->sizeoff), of->has_fdinfo ? of->fi.pos : 0);
	snprintf(row->node, sizeof(row->node), "%" PRIu64, of->sock_ino);
	if (!s || !s->family) {
		char proto[64] = "";
		char path[64];

		row->type = "sock";
		snprintf(path, sizeof(path), "/proc/%d/fd/%d", pf->pid, of->fd);
		ssize_t n = getxattr(path, "system.sockprotoname", proto, sizeof(proto) - 1);

		if (n > 0) {
			proto[n] = '\0';
			snprintf(name, sizeof(name), "protocol: %s", proto);
		} else {
			snprintf(name, sizeof(name), "can't identify protocol");
		}
		row->name = xstrdup(name);
		return row->name ? 0 : -ENOMEM;
	}
	switch (s->family) {
	case AF_INET:
	case AF_INET6: {
		static const uint8_t zero[16];
		const char *proto = s->proto == IPPROTO_TCP ? "TCP" : "UDP";

		row->type = s->family == AF_INET ? "IPv4" : "IPv6";
		snprintf(row->device, sizeof(row->device), "%" PRIu64, of->sock_ino);
		snprintf(row->node, sizeof(row->node), "%s", proto);
		snprintf(row->proto, sizeof(row->proto), "%s", proto);
		fds_format_endpoint(a, sizeof(a), s->family, s->laddr, s->lport, proto, o);
		bool remote = s->rport || memcmp(s->raddr, zero, s->family == AF_INET ? 4 : 16);

		if (remote)
			fds_format_endpoint(b, sizeof(b), s->family, s->raddr, s->rport, proto, o);
		const char *st = s->proto == IPPROTO_TCP ? tcp_state_name(s->state) : NULL;

		snprintf(name, sizeof(name), "%s%s%s", a, remote ? "->" : "", remote ? b : "");
		/* lsof leaves a blank where UDP's state would be */
		snprintf(row->tail, sizeof(row->tail), " %s%s%s", st ? "(" : "", st ? st : "",
			 st ? ")" : "");
		row->state = st;
		break;
	}
	case AF_UNIX:
		row->type = "unix";
		if (s->kaddr)
			snprintf(row->device, sizeof(row->device), "0x%016" PRIx64, s->kaddr);
		snprintf(name, sizeof(name), "%s%stype=%s", s->path ? s->path : "",
			 s->path ? " " : "", unix_type_name(s->type));
		row->state = unix_state_name(s->state);
		snprintf(row->tail, sizeof(row->tail), " (%s)", row->state);
		break;
	case AF_NETLINK:
		row->type = "netlink";
		snprintf(name, sizeof(name), "%s", netlink_name(s->proto, t, sizeof(t)));
		break;
	case AF_PACKET:
		row->type = "pack";
		snprintf(row->device, sizeof(row->device), "%" PRIu64, of->sock_ino);
		snprintf(row->node, sizeof(row->node), "%s",
			 packet_proto_name(s->proto, t, sizeof(t)));
		snprintf(row->proto, sizeof(row->proto), "%.7s", row->node);
		snprintf(name, sizeof(name), "type=SOCK_%s", unix_type_name(s->type));
		break;
	default:
		row->type = "sock";
		snprintf(name, sizeof(name), "socket:[%" PRIu64 "]", of->sock_ino);
	}
	row->name = xstrdup(name);
	return row->name ? 0 : -ENOMEM;
}

static int build_anon(struct fds_row *row, const struct open_file *of)
{
	const char *what = of->name + strlen("anon_inode:");
	char name[256];

	if (of->has_fdinfo && strcmp(what, "[eventfd]") == 0 && of->fi.eventfd_id >= 0)
		snprintf(name, sizeof(name), "[eventfd:%ld]", of->fi.eventfd_id);
	else if (of->has_fdinfo && strcmp(what, "[eventpoll]") == 0 && of->fi.tfds[0])
		snprintf(name, sizeof(name), "[eventpoll:%s]", of->fi.tfds);
	else if (of->has_fdinfo && strcmp(what, "[pidfd]") == 0 && of->fi.pidfd_pid)
		snprintf(name, sizeof(name), "[pidfd:%d]", of->fi.pidfd_pid);
	else
		snprintf(name, sizeof(name), "%s", what);
	row->name = xstrdup(name);
	return row->name ? 0 : -ENOMEM;
}

static const char *kind_type(enum of_kind k)
{
	static const char *const names[] = {
	    [OFK_UNKNOWN] = "unknown", [OFK_REG] = "REG",   [OFK_DIR] = "DIR",
	    [OFK_CHR] = "CHR",	       [OFK_BLK] = "BLK",   [OFK_FIFO] = "FIFO",
	    [OFK_PIPE] = "FIFO",       [OFK_SOCK] = "sock", [OFK_ANON] = "a_inode",
	    [OFK_MEMFD] = "memfd",     [OFK_LINK] = "LINK",
	};
	return names[k];
}

int fds_row_build(struct fds_row *row, const struct proc_files *pf, const struct open_file *of,
		  const struct sock_entry *sock, const struct fds_opts *o)
{
	static const char *const slots[] = {[OF_CWD] = "cwd",
					    [OF_RTD] = "rtd",
					    [OF_TXT] = "txt",
					    [OF_MEM] = "mem",
					    [OF_DEL] = "DEL"};
	char name[4200];

	*row = (struct fds_row){.proc = pf,
				.of = of,
				.sock = sock,
				.mode = of->mode,
				.lock = of->has_fdinfo ? of->fi.lock : ' '};
	if (of->slot == OF_FD && of->fd >= 0)
		snprintf(row->fd, sizeof(row->fd), "%d", of->fd);
	else if (of->slot == OF_FD)
		snprintf(row->fd, sizeof(row->fd), "NOFD");
	else
		snprintf(row->fd, sizeof(row->fd), "%s", slots[of->slot]);
	row->type = kind_type(of->kind);

	if (of->err) {
		static const char *const links[] = {
		    [OF_CWD] = "cwd", [OF_RTD] = "root", [OF_TXT] = "exe"};

		row->type = "unknown";
		if (of->slot == OF_FD && of->fd < 0)
			snprintf(name, sizeof(name), "/proc/%d/fd (opendir: %s)", pf->pid,
				 strerror(-of->err));
		else if (of->slot == OF_FD)
			snprintf(name, sizeof(name), "/proc/%d/fd/%d (readlink: %s)", pf->pid,
				 of->fd, strerror(-of->err));
		else if (of->err == -ENOENT)
			snprintf(name, sizeof(name), "/proc/%d/%s", pf->pid,
				 of->slot < OF_MEM ? links[of->slot] : "maps");
		else
			snprintf(name, sizeof(name), "/proc/%d/%s (readlink: %s)", pf->pid,
				 of->slot < OF_MEM ? links[of->slot] : "maps", strerror(-of->err));
		if (of->slot == OF_FD && of->fd < 0)
			row->type = "";
		row->name = xstrdup(name);
		return row->name ? 0 : -ENOMEM;
	}
	if (of->kind == OFK_SOCK)
		return build_socket(row, pf, of, sock, o);

	if (of->has_stat) {
		if (of->kind == OFK_CHR || of->kind == OFK_BLK)
			snprintf(row->device, sizeof(row->device), "%u,%u", of->rdev_major,
				 of->rdev_minor);
		else
			snprintf(row->device, sizeof(row->device), "%u,%u", of->dev_major,
				 of->dev_minor);
	} else if (of->remote || of->slot == OF_MEM || of->slot == OF_DEL) {
		snprintf(row->device, sizeof(row->device), "%u,%u", of->dev_major, of->dev_minor);
	}
	/* devices and FIFOs show their offset; with -s, nothing (they have no size) */
	if (of->kind == OFK_CHR || of->kind == OFK_FIFO || of->kind == OFK_PIPE) {
		if (!o->size_only)
			offset(row->sizeoff, sizeof(row->sizeoff), of->has_fdinfo ? of->fi.pos : 0);
	} else if (of->has_stat) {
		snprintf(row->sizeoff, sizeof(row->sizeoff), "%" PRIu64, of->size);
	}
	if (of->has_stat || of->ino)
		snprintf(row->node, sizeof(row->node), "%" PRIu64, of->ino);

	switch (of->kind) {
	case OFK_PIPE:
		row->name = xstrdup("pipe");
		break;
	case OFK_ANON:
		return build_anon(row, of);
	default:
		snprintf(name, sizeof(name), "%s%s", of->name,
			 of->deleted && of->slot != OF_DEL ? " (deleted)" : "");
		row->name = xstrdup(name);
	}
	return row->name ? 0 : -ENOMEM;
}
