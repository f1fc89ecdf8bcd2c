/* setsockopt, getsockopt: levels and option names, int-like values, linger, ucred, SO_ERROR,
 * multicast requests. */
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>

#include "decode/net.h"

#ifndef SOL_IP
#define SOL_IP 0
#endif
#ifndef SOL_IPV6
#define SOL_IPV6 41
#endif
#ifndef SOL_TCP
#define SOL_TCP 6
#endif
#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#ifndef SOL_PACKET
#define SOL_PACKET 263
#endif
#ifndef SOL_RAW
#define SOL_RAW 255
#endif
#ifndef SOL_UDP
#define SOL_UDP 17
#endif

/* the SOL_SOCKET options whose value is an int (strace 6.1's list, x86_64 numbers) */
static bool so_int_like(unsigned name)
{
	static const unsigned char ints[] = {
	    1,	/* SO_DEBUG */
	    2,	/* SO_REUSEADDR */
	    5,	/* SO_DONTROUTE */
	    6,	/* SO_BROADCAST */
	    7,	/* SO_SNDBUF */
	    8,	/* SO_RCVBUF */
	    9,	/* SO_KEEPALIVE */
	    10, /* SO_OOBINLINE */
	    11, /* SO_NO_CHECK */
	    12, /* SO_PRIORITY */
	    14, /* SO_BSDCOMPAT */
	    15, /* SO_REUSEPORT */
	    16, /* SO_PASSCRED */
	    18, /* SO_RCVLOWAT */
	    19, /* SO_SNDLOWAT */
	    27, /* SO_DETACH_FILTER */
	    29, /* SO_TIMESTAMP_OLD */
	    30, /* SO_ACCEPTCONN */
	    32, /* SO_SNDBUFFORCE */
	    33, /* SO_RCVBUFFORCE */
	    34, /* SO_PASSSEC */
	    35, /* SO_TIMESTAMPNS_OLD */
	    36, /* SO_MARK */
	    37, /* SO_TIMESTAMPING_OLD */
	    40, /* SO_RXQ_OVFL */
	    41, /* SO_WIFI_STATUS */
	    42, /* SO_PEEK_OFF */
	    43, /* SO_NOFCS */
	    44, /* SO_LOCK_FILTER */
	    45, /* SO_SELECT_ERR_QUEUE */
	    46, /* SO_BUSY_POLL */
	    49, /* SO_INCOMING_CPU */
	    53, /* SO_CNX_ADVICE */
	    56, /* SO_INCOMING_NAPI_ID */
	    60, /* SO_ZEROCOPY */
	    63, /* SO_TIMESTAMP_NEW */
	    64, /* SO_TIMESTAMPNS_NEW */
	    65, /* SO_TIMESTAMPING_NEW */
	    68, /* SO_DETACH_REUSEPORT_BPF */
	    69, /* SO_PREFER_BUSY_POLL */
	    70, /* SO_BUSY_POLL_BUDGET */
	    73, /* SO_RESERVE_MEM */
	    75, /* SO_RCVMARK */
	};
	for (size_t i = 0; i < sizeof(ints); i++)
		if (ints[i] == name)
			return true;
	return false;
}

/* the name from the common table, else from the get- or set-only one */
static void print_optname2(struct dctx *d, const struct xlat *common, const struct xlat *only,
			   unsigned name, const char *dflt)
{
	pr_xval(d->p, xlat_name(common, name) || !xlat_name(only, name) ? common : only, name,
		dflt);
}

static void print_level_name(struct dctx *d, bool get)
{
	unsigned level = (unsigned)arg(d, 1), name = (unsigned)arg(d, 2);

	print_fd(d, (int)arg(d, 0));
	pr_xval(d->p, &xl_socketlayers, level, "SOL_??");
	switch (level) {
	case SOL_SOCKET:
		print_optname2(d, &xl_sock_options, get ? &xl_getsock_options : &xl_setsock_options,
			       name, "SO_???");
		break;
	case SOL_IP:
		print_optname2(d, &xl_sock_ip_options,
			       get ? &xl_getsock_ip_options : &xl_setsock_ip_options, name,
			       "IP_???");
		break;
	case SOL_IPV6:
		print_optname2(d, &xl_sock_ipv6_options,
			       get ? &xl_getsock_ipv6_options : &xl_setsock_ipv6_options, name,
			       "IPV6_???");
		break;
	case SOL_TCP:
		pr_xval(d->p, &xl_sock_tcp_options, name, "TCP_???");
		break;
	case SOL_UDP:
		pr_xval(d->p, &xl_sock_udp_options, name, "UDP_???");
		break;
	case SOL_NETLINK:
		pr_xval(d->p, &xl_sock_netlink_options, name, "NETLINK_???");
		break;
	case SOL_PACKET:
		pr_xval(d->p, &xl_sock_packet_options, name, "PACKET_???");
		break;
	case SOL_RAW:
		pr_xval(d->p, &xl_sock_raw_options, name, "RAW_???");
		break;
	default:
		pr_uint(d->p, name);
	}
}

/* Fields of a struct the kernel may have cut: each field wholly inside len prints as a
 * number, a cut one as hex bytes. */
struct ifield {
	const char *name;
	unsigned off, size;
	bool is_id; /* uid/gid: -1 stays -1, else unsigned */
};

static void print_int_fields(struct dctx *d, uint64_t addr, unsigned len, const struct ifield *f,
			     size_t n, size_t size)
{
	unsigned char buf[16] = {0};

	if (len > size)
		len = (unsigned)size;
	if (mem_read(d, addr, buf, len) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	for (size_t i = 0; i < n; i++) {
		if (len <= f[i].off)
			break;
		pr_field(d->p, f[i].name);
		if (len < f[i].off + f[i].size) {
			pr_quoted(d->p, (const char *)buf + f[i].off, len - f[i].off, false, false);
			continue;
		}
		int32_t v;
		memcpy(&v, buf + f[i].off, sizeof(v));
		if (f[i].is_id && v != -1)
			pr_uint(d->p, (uint32_t)v);
		else
			pr_int(d->p, v);
	}
	pr_struct_end(d->p);
}

static const struct ifield linger_fields[] = {
    {"l_onoff", 0, 4, false},
    {"l_linger", 4, 4, false},
};
static const struct ifield ucred_fields[] = {
    {"pid", 0, 4, false},
    {"uid", 4, 4, true},
    {"gid", 8, 4, true},
};

/* bytes in hex: what strace shows for a value shorter than its type */
static void print_hex_bytes(struct dctx *d, uint64_t addr, unsigned len)
{
	char buf[64];
	struct strbuf sb = {0};

	if (len > sizeof(buf))
		len = sizeof(buf);
	if (mem_read(d, addr, buf, len) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	sb_quoted(&sb, buf, len, 2, false);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

static void print_so_error(struct dctx *d, uint64_t addr, unsigned len)
{
	int err;

	if (len < sizeof(err)) {
		print_hex_bytes(d, addr, len);
		return;
	}
	if (mem_read_obj(d, addr, err) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	const char *name = errno_name(err);
	struct strbuf sb = {0};
	if (!name || xstyle(d) != XS_ABBREV)
		sb_printf(&sb, "%u", (unsigned)err);
	if (name && xstyle(d) == XS_VERBOSE)
		sb_printf(&sb, " /* %s */", name);
	else if (name && xstyle(d) == XS_ABBREV)
		sb_puts(&sb, name);
	pr_array_begin(d->p);
	pr_raw(d->p, "%s", sb.buf);
	pr_array_end(d->p);
	sb_free(&sb);
}

/* {imr_multiaddr=inet_addr("224.0.0.1"), imr_interface=inet_addr("0.0.0.0")} */
static void print_mreq(struct dctx *d, uint64_t addr, int len)
{
	struct in_addr a[2];

	if (len < (int)sizeof(a) || mem_read(d, addr, a, sizeof(a)) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	print_in_addr_field(d, "imr_multiaddr", &a[0]);
	print_in_addr_field(d, "imr_interface", &a[1]);
	pr_struct_end(d->p);
}

/* {ipv6mr_multiaddr=inet_pton(AF_INET6, "ff02::1", &ipv6mr_multiaddr), ipv6mr_interface=...} */
static void print_mreq6(struct dctx *d, uint64_t addr, int len)
{
	struct ipv6_mreq mr;

	if (len < (int)sizeof(mr) || mem_read_obj(d, addr, mr) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	print_in6_addr_field(d, "ipv6mr_multiaddr", &mr.ipv6mr_multiaddr);
	print_ifindex_field(d, "ipv6mr_interface", mr.ipv6mr_interface);
	pr_struct_end(d->p);
}

/* {gr_interface=..., gr_group={sa_family=AF_INET6, ...}} */
static void print_group_req(struct dctx *d, uint64_t addr, int len)
{
	struct group_req gr;

	if (len < (int)sizeof(gr) || mem_read_obj(d, addr, gr) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	char buf[sizeof(gr.gr_group) + 1] = {0};
	memcpy(buf, &gr.gr_group, sizeof(gr.gr_group));
	pr_struct_begin(d->p);
	print_ifindex_field(d, "gr_interface", gr.gr_interface);
	pr_field(d->p, "gr_group");
	print_sockaddr_data(d, buf, sizeof(gr.gr_group));
	pr_struct_end(d->p);
}

static void print_setsockopt_val(struct dctx *d, unsigned level, unsigned name, uint64_t addr,
				 int len)
{
	if (addr) {
		switch (level) {
		case SOL_SOCKET:
			if (name == SO_LINGER) {
				if (len < 8)
					pr_ptr(d->p, addr);
				else
					print_int_fields(d, addr, 8, linger_fields, 2, 8);
				return;
			}
			if (so_int_like(name)) {
				if (len < 4)
					pr_ptr(d->p, addr);
				else
					print_int_ref(d, addr);
				return;
			}
			break;
		case SOL_IP:
			if (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP) {
				print_mreq(d, addr, len);
				return;
			}
			if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP) {
				print_group_req(d, addr, len);
				return;
			}
			break;
		case SOL_IPV6:
			if (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
			    name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST) {
				print_mreq6(d, addr, len);
				return;
			}
			if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP) {
				print_group_req(d, addr, len);
				return;
			}
			break;
		case SOL_NETLINK:
			if (len < 4)
				pr_ptr(d->p, addr);
			else
				print_int_ref(d, addr);
			return;
		}
	}
	if (len == 4)
		print_int_ref(d, addr);
	else
		print_buf(d, addr, (uint64_t)(int64_t)len);
}

int dec_setsockopt(struct dctx *d)
{
	int len = (int)arg(d, 4);

	print_level_name(d, false);
	print_setsockopt_val(d, (unsigned)arg(d, 1), (unsigned)arg(d, 2), arg(d, 3), len);
	pr_int(d->p, len);
	return DEC_DONE;
}

static bool print_u32_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	uint32_t v;

	(void)size;
	(void)opaque;
	memcpy(&v, elem, sizeof(v));
	pr_uint(d->p, v);
	return true;
}

static void print_getsockopt_val(struct dctx *d, unsigned level, unsigned name, uint64_t addr,
				 int ulen, int rlen)
{
	if (ulen <= 0 || rlen <= 0) {
		pr_ptr(d->p, addr);
		return;
	}
	if (addr) {
		switch (level) {
		case SOL_SOCKET:
			if (name == SO_LINGER) {
				print_int_fields(d, addr, (unsigned)rlen, linger_fields, 2, 8);
				return;
			}
			if (name == SO_PEERCRED) {
				print_int_fields(d, addr, (unsigned)rlen, ucred_fields, 3, 12);
				return;
			}
			if (name == SO_ERROR) {
				print_so_error(d, addr, (unsigned)rlen);
				return;
			}
			if (so_int_like(name)) {
				if (rlen >= 4)
					print_int_ref(d, addr);
				else
					print_hex_bytes(d, addr, (unsigned)rlen);
				return;
			}
			break;
		case SOL_NETLINK:
			if (name == 9) { /* NETLINK_LIST_MEMBERSHIPS: a bitmap of groups */
				print_array(d, addr, (unsigned)(ulen < rlen ? ulen : rlen) / 4, 4,
					    print_u32_elem, NULL);
				return;
			}
			print_int_ref(d, addr);
			return;
		}
	}
	if (rlen == 4)
		print_int_ref(d, addr);
	else
		print_buf(d, addr, (uint64_t)rlen);
}

int dec_getsockopt(struct dctx *d)
{
	int ulen, rlen;

	if (!d->exiting) {
		print_level_name(d, true);
		if (arg(d, 4) && mem_read_obj(d, arg(d, 4), ulen) == 0) {
			d->priv[0] = (uint64_t)(int64_t)ulen;
			return DEC_MORE;
		}
		pr_ptr(d->p, arg(d, 3));
		pr_ptr(d->p, arg(d, 4));
		return DEC_DONE;
	}
	ulen = (int)d->priv[0];
	if (syserror(d) || mem_read_obj(d, arg(d, 4), rlen) < 0) {
		pr_ptr(d->p, arg(d, 3));
		pr_array_begin(d->p);
		pr_int(d->p, ulen);
		pr_array_end(d->p);
		return DEC_DONE;
	}
	print_getsockopt_val(d, (unsigned)arg(d, 1), (unsigned)arg(d, 2), arg(d, 3), ulen, rlen);
	print_len_change(d, ulen, rlen);
	return DEC_DONE;
}
