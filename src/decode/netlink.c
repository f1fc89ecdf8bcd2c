/* Netlink messages in socket buffers: struct nlmsghdr arrays, NLMSG_ERROR and NLMSG_DONE,
 * NETLINK_ROUTE address messages (ifaddrmsg with its attributes), as glibc's getaddrinfo
 * exchanges them, and link messages (rtnl_link.c). Payloads of other families print as hex
 * bytes (strace 6.1 decodes more). */
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "decode/nlattr.h"

/* hex bytes, cut by -s: strace's printstr_ex(..., QUOTE_FORCE_HEX) */
void print_nl_hex_str(struct dctx *d, uint64_t addr, uint64_t len)
{
	uint64_t show = len < d->o->strsize ? len : d->o->strsize;
	char *buf = malloc(show + 1);
	struct strbuf sb = {0};

	if (!addr) {
		pr_raw(d->p, "NULL");
	} else if (mem_read(d, addr, buf, show) < 0) {
		pr_hex(d->p, addr);
	} else {
		sb_quoted(&sb, buf, show, 2, false);
		if (len > show)
			sb_puts(&sb, "...");
		pr_raw(d->p, "%s", sb.buf ? sb.buf : "\"\"");
	}
	sb_free(&sb);
	free(buf);
}

int netlink_family_of_fd(struct dctx *d, int fd)
{
	struct strbuf sb = {0};
	int fam = -1;

	if (!d->fd_describe || fd < 0)
		return -2;
	if (!d->fd_describe(d->fd_ctx, d->ev->tgid, fd, FD_LEVEL_SOCKPROTO, &sb) ||
	    strcmp(sb.buf ? sb.buf : "", "NETLINK") != 0) {
		sb_free(&sb);
		return -2;
	}
	sb_reset(&sb);
	if (d->fd_describe(d->fd_ctx, d->ev->tgid, fd, 2, &sb) && sb.buf &&
	    strncmp(sb.buf, "NETLINK:[", 9) == 0) {
		const char *det = sb.buf + 9;
		const struct xlat *x = &xl_netlink_protocols;
		for (unsigned i = 0; i < x->n && fam < 0; i++) {
			const char *name = x->e[i].name + strlen("NETLINK_");
			size_t n = strlen(name);
			if (strncmp(det, name, n) == 0)
				fam = (int)x->e[i].val;
		}
		if (fam < 0 && *det >= '0' && *det <= '9')
			fam = atoi(det);
	}
	sb_free(&sb);
	return fam;
}

/* the flags of a message: the common ones, then those of its kind */
static void print_nlmsg_flags(struct dctx *d, unsigned flags, unsigned type, int fam)
{
	const struct xlat *second = NULL;
	struct strbuf names = {0};
	unsigned rest = flags, n = 0;

	if (type < NLMSG_MIN_TYPE) {
		if (type == NLMSG_ERROR)
			second = &xl_netlink_ack_flags;
	} else if (fam == NETLINK_ROUTE) {
		if (type == RTM_DELACTION || (type & 3) == 2)
			second = &xl_netlink_get_flags;
		else if ((type & 3) == 0)
			second = &xl_netlink_new_flags;
		else if ((type & 3) == 1)
			second = &xl_netlink_delete_flags;
	} else if (fam == NETLINK_SOCK_DIAG) {
		second = &xl_netlink_get_flags;
	}
	const struct xlat *tabs[2] = {&xl_netlink_flags, second};
	for (int t = 0; t < 2 && tabs[t]; t++)
		for (unsigned i = 0; i < tabs[t]->n && rest; i++) {
			uint64_t v = tabs[t]->e[i].val;
			if (v && (rest & v) == v) {
				if (n++)
					sb_putc(&names, '|');
				sb_puts(&names, tabs[t]->e[i].name);
				rest &= ~(unsigned)v;
			}
		}
	if (n && rest)
		sb_printf(&names, "|%#x", rest);
	if (xstyle(d) == XS_RAW || (!n && xstyle(d) == XS_VERBOSE))
		pr_raw(d->p, "%#x", flags);
	else if (xstyle(d) == XS_VERBOSE)
		pr_raw(d->p, "%#x /* %s */", flags, names.buf);
	else if (n)
		pr_raw(d->p, "%s", names.buf);
	else if (flags)
		pr_raw(d->p, "%#x /* NLM_F_??? */", flags);
	else
		pr_raw(d->p, "0");
	sb_free(&names);
}

static void print_nlmsghdr(struct dctx *d, int fam, const struct nlmsghdr *h)
{
	pr_struct_begin(d->p);
	pr_field(d->p, "nlmsg_len");
	pr_uint(d->p, h->nlmsg_len);
	pr_field(d->p, "nlmsg_type");
	if (h->nlmsg_type >= NLMSG_MIN_TYPE && fam == NETLINK_ROUTE)
		pr_xval(d->p, &xl_nl_route_types, h->nlmsg_type, "RTM_???");
	else if (h->nlmsg_type >= NLMSG_MIN_TYPE && fam == NETLINK_SOCK_DIAG)
		pr_xval(d->p, &xl_nl_sock_diag_types, h->nlmsg_type, "SOCK_DIAG_???");
	else
		pr_xval(d->p, &xl_netlink_types, h->nlmsg_type, "NLMSG_???");
	pr_field(d->p, "nlmsg_flags");
	print_nlmsg_flags(d, h->nlmsg_flags, h->nlmsg_type, fam);
	pr_field(d->p, "nlmsg_seq");
	pr_uint(d->p, h->nlmsg_seq);
	pr_field(d->p, "nlmsg_pid");
	pr_int(d->p, (int)h->nlmsg_pid);
	pr_struct_end(d->p);
}

/* --- attributes --- */

bool nla_str(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	char *buf = malloc(len + 1);

	(void)opaque;
	if (mem_read(d, addr, buf, len) < 0) {
		pr_hex(d->p, addr);
	} else {
		size_t n = len && buf[len - 1] == '\0' ? len - 1 : len;
		size_t show = n < d->o->strsize ? n : d->o->strsize;
		pr_quoted(d->p, buf, show, n > show, false);
	}
	free(buf);
	return true;
}

/* An integer attribute of size bytes (host order); false when the payload is shorter. */
static bool nla_int(struct dctx *d, uint64_t addr, unsigned len, unsigned size, bool is_signed)
{
	union {
		uint8_t u8;
		uint32_t u32;
		int32_t s32;
	} v;

	if (len < size)
		return false;
	if (mem_read(d, addr, &v, size) < 0)
		pr_hex(d->p, addr);
	else if (size == 1)
		pr_uint(d->p, v.u8);
	else if (is_signed)
		pr_int(d->p, v.s32);
	else
		pr_uint(d->p, v.u32);
	return true;
}

bool nla_u8(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	(void)opaque;
	return nla_int(d, addr, len, 1, false);
}

bool nla_u32(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	(void)opaque;
	return nla_int(d, addr, len, 4, false);
}

bool nla_s32(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	(void)opaque;
	return nla_int(d, addr, len, 4, true);
}

static bool ifa_address(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	const struct ifaddrmsg *ifa = opaque;
	unsigned size = ifa->ifa_family == AF_INET ? 4 : ifa->ifa_family == AF_INET6 ? 16 : 0;
	unsigned char a[16];

	if (!size || len < size)
		print_nl_hex_str(d, addr, len);
	else if (mem_read(d, addr, a, size) < 0)
		pr_hex(d->p, addr);
	else if (size == 4)
		print_in_addr_field(d, NULL, (const struct in_addr *)a);
	else
		print_in6_addr_field(d, NULL, (const struct in6_addr *)a);
	return true;
}

static bool ifa_cacheinfo(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	struct ifa_cacheinfo ci;

	(void)opaque;
	if (len < sizeof(ci))
		return false;
	if (mem_read_obj(d, addr, ci) < 0) {
		pr_hex(d->p, addr);
		return true;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "ifa_prefered");
	pr_uint(d->p, ci.ifa_prefered);
	pr_field(d->p, "ifa_valid");
	pr_uint(d->p, ci.ifa_valid);
	pr_field(d->p, "cstamp");
	pr_uint(d->p, ci.cstamp);
	pr_field(d->p, "tstamp");
	pr_uint(d->p, ci.tstamp);
	pr_struct_end(d->p);
	return true;
}

static bool ifa_flags(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	uint32_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (mem_read_obj(d, addr, v) < 0)
		pr_hex(d->p, addr);
	else
		pr_flags(d->p, &xl_ifaddrflags, v, "IFA_F_???");
	return true;
}

/* strace 6.1's decoders, indexed by IFA_* (IFA_PROTO has none: hex bytes) */
static const nla_fn ifa_decoders[] = {
    [IFA_ADDRESS] = ifa_address,    [IFA_LOCAL] = ifa_address,	 [IFA_LABEL] = nla_str,
    [IFA_BROADCAST] = ifa_address,  [IFA_ANYCAST] = ifa_address, [IFA_CACHEINFO] = ifa_cacheinfo,
    [IFA_MULTICAST] = ifa_address,  [IFA_FLAGS] = ifa_flags,	 [IFA_RT_PRIORITY] = nla_u32,
    [IFA_TARGET_NETNSID] = nla_s32,
};
#define NIFA_DECODERS (sizeof(ifa_decoders) / sizeof(ifa_decoders[0]))

static void print_nlattr_hdr(struct dctx *d, const struct nlattr *nla, const struct xlat *x,
			     const char *dflt)
{
	struct strbuf sb = {0};

	pr_struct_begin(d->p);
	pr_field(d->p, "nla_len");
	pr_uint(d->p, nla->nla_len);
	pr_field(d->p, "nla_type");
	if (nla->nla_type & NLA_F_NESTED)
		sb_puts(&sb, "NLA_F_NESTED|");
	if (nla->nla_type & NLA_F_NET_BYTEORDER)
		sb_puts(&sb, "NLA_F_NET_BYTEORDER|");
	sb_xval(&sb, xstyle(d), x, nla->nla_type & NLA_TYPE_MASK, dflt);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
	pr_struct_end(d->p);
}

void print_nlattrs(struct dctx *d, uint64_t addr, unsigned len, const struct xlat *x,
		   const char *dflt, const nla_fn *decoders, unsigned ndec, const void *opaque)
{
	bool is_array = false;

	for (unsigned elt = 0;; elt++) {
		struct nlattr nla;
		if (len < sizeof(nla)) {
			print_nl_hex_str(d, addr, len);
			break;
		}
		if (mem_read_obj(d, addr, nla) < 0) {
			if (is_array) {
				pr_more(d->p);
				pr_comment(d->p, "%#" PRIx64, addr);
			} else {
				pr_hex(d->p, addr);
			}
			break;
		}
		if (!d->o->verbose && elt == d->o->strsize) {
			pr_more(d->p);
			break;
		}
		unsigned alen = NLA_ALIGN(nla.nla_len), next_len = 0;
		uint64_t next = 0;
		if (nla.nla_len >= NLA_HDRLEN) {
			next_len = len >= alen ? len - alen : 0;
			if (next_len && addr + alen > addr)
				next = addr + alen;
		}
		if (!is_array && next) {
			pr_array_begin(d->p);
			is_array = true;
		}
		unsigned nla_len = nla.nla_len < len ? nla.nla_len : len;
		if (nla_len > NLA_HDRLEN)
			pr_array_begin(d->p);
		print_nlattr_hdr(d, &nla, x, dflt);
		if (nla_len > NLA_HDRLEN) {
			unsigned idx = nla.nla_type & NLA_TYPE_MASK;
			if (idx >= ndec || !decoders[idx] ||
			    !decoders[idx](d, addr + NLA_HDRLEN, nla_len - NLA_HDRLEN, opaque))
				print_nl_hex_str(d, addr + NLA_HDRLEN, nla_len - NLA_HDRLEN);
			pr_array_end(d->p);
		}
		if (!next)
			break;
		addr = next;
		len = next_len;
	}
	if (is_array)
		pr_array_end(d->p);
}

/* --- NETLINK_ROUTE --- */

static void print_ifaddrmsg(struct dctx *d, uint8_t family, uint64_t addr, unsigned len)
{
	struct ifaddrmsg ifa = {.ifa_family = family};
	bool attrs = false;

	pr_struct_begin(d->p);
	pr_field(d->p, "ifa_family");
	pr_xval(d->p, &xl_addrfams, family, "AF_???");
	if (len >= sizeof(ifa)) {
		if (mem_read(d, addr + 1, (char *)&ifa + 1, sizeof(ifa) - 1) < 0) {
			pr_hex(d->p, addr + 1);
		} else {
			pr_field(d->p, "ifa_prefixlen");
			pr_uint(d->p, ifa.ifa_prefixlen);
			pr_field(d->p, "ifa_flags");
			pr_flags(d->p, &xl_ifaddrflags, ifa.ifa_flags, "IFA_F_???");
			pr_field(d->p, "ifa_scope");
			pr_xval(d->p, &xl_routing_scopes, ifa.ifa_scope, NULL);
			print_ifindex_field(d, "ifa_index", ifa.ifa_index);
			attrs = true;
		}
	} else {
		pr_more(d->p);
	}
	pr_struct_end(d->p);
	unsigned off = NLMSG_ALIGN(sizeof(ifa));
	if (attrs && len > off)
		print_nlattrs(d, addr + off, len - off, &xl_rtnl_addr_attrs, "IFA_???",
			      ifa_decoders, NIFA_DECODERS, &ifa);
}

/* Returns false when the payload is not for this decoder. */
static bool print_route_payload(struct dctx *d, const struct nlmsghdr *h, uint64_t addr,
				unsigned len)
{
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (mem_read_obj(d, addr, family) < 0) {
		pr_hex(d->p, addr);
		return true;
	}
	switch (h->nlmsg_type) {
	case RTM_NEWADDR:
	case RTM_DELADDR:
	case RTM_GETADDR:
	case RTM_GETMULTICAST:
	case RTM_GETANYCAST:
		print_ifaddrmsg(d, family, addr, len);
		break;
	case RTM_NEWLINK:
	case RTM_DELLINK:
	case RTM_GETLINK:
	case RTM_SETLINK:
		print_ifinfomsg(d, family, addr, len);
		break;
	default:
		/* strace 6.1 decodes the other messages too; scry shows family and bytes */
		pr_struct_begin(d->p);
		pr_field(d->p, "family");
		pr_xval(d->p, &xl_addrfams, family, "AF_???");
		if (len > 1) {
			pr_field(d->p, "data");
			print_nl_hex_str(d, addr + 1, len - 1);
		}
		pr_struct_end(d->p);
	}
	return true;
}

/* --- messages --- */

static void print_nlmsg(struct dctx *d, int fam, const struct nlmsghdr *h, uint64_t addr,
			uint64_t len);

static void print_nlmsgerr(struct dctx *d, int fam, uint64_t addr, unsigned len, bool capped)
{
	struct nlmsgerr err;

	if (len < sizeof(err)) {
		print_nl_hex_str(d, addr, len);
		return;
	}
	if (mem_read_obj(d, addr, err) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	addr += offsetof(struct nlmsgerr, msg);
	len -= offsetof(struct nlmsgerr, msg);
	unsigned msg_len =
	    err.msg.nlmsg_len > sizeof(err.msg) ? err.msg.nlmsg_len : sizeof(err.msg);
	unsigned payload = capped ? sizeof(err.msg) : msg_len;
	if (payload > len)
		payload = len;
	if (len > payload)
		pr_array_begin(d->p);
	pr_struct_begin(d->p);
	pr_field(d->p, "error");
	const char *name = err.error < 0 ? errno_name(-err.error) : NULL;
	if (name && xstyle(d) == XS_ABBREV)
		pr_raw(d->p, "-%s", name);
	else if (name && xstyle(d) == XS_VERBOSE)
		pr_raw(d->p, "%d /* -%s */", err.error, name);
	else
		pr_int(d->p, err.error);
	pr_field(d->p, "msg");
	print_nlmsg(d, fam, &err.msg, addr, payload);
	pr_struct_end(d->p);
	if (len > payload) {
		/* extended ACK attributes: not decoded by scry */
		print_nl_hex_str(d, addr + payload, len - payload);
		pr_array_end(d->p);
	}
}

static void print_payload(struct dctx *d, int fam, const struct nlmsghdr *h, uint64_t addr,
			  unsigned len)
{
	if (h->nlmsg_type == NLMSG_ERROR) {
		print_nlmsgerr(d, fam, addr, len, h->nlmsg_flags & NLM_F_CAPPED);
		return;
	}
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) &&
	    fam == NETLINK_ROUTE && print_route_payload(d, h, addr, len))
		return;
	if (h->nlmsg_type >= NLMSG_MIN_TYPE && fam == NETLINK_SOCK_DIAG &&
	    print_sock_diag_payload(d, h, addr, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(int)) {
		int num;
		if (mem_read_obj(d, addr, num) < 0)
			pr_hex(d->p, addr);
		else
			pr_int(d->p, num);
		return;
	}
	print_nl_hex_str(d, addr, len);
}

static void print_nlmsg(struct dctx *d, int fam, const struct nlmsghdr *h, uint64_t addr,
			uint64_t len)
{
	unsigned msg_len = h->nlmsg_len < len ? h->nlmsg_len : (unsigned)len;

	if (msg_len > NLMSG_HDRLEN)
		pr_array_begin(d->p);
	print_nlmsghdr(d, fam, h);
	if (msg_len > NLMSG_HDRLEN) {
		print_payload(d, fam, h, addr + NLMSG_HDRLEN, msg_len - NLMSG_HDRLEN);
		pr_array_end(d->p);
	}
}

void print_netlink(struct dctx *d, int fam, uint64_t addr, uint64_t len)
{
	bool is_array = false;

	for (unsigned elt = 0;; elt++) {
		struct nlmsghdr h;
		if (len < sizeof(h)) {
			print_nl_hex_str(d, addr, len);
			break;
		}
		if (mem_read_obj(d, addr, h) < 0) {
			if (is_array) {
				pr_more(d->p);
				pr_comment(d->p, "%#" PRIx64, addr);
			} else {
				pr_hex(d->p, addr);
			}
			break;
		}
		if (!d->o->verbose && elt == d->o->strsize) {
			pr_more(d->p);
			break;
		}
		unsigned alen = NLMSG_ALIGN(h.nlmsg_len);
		uint64_t next = 0, next_len = 0;
		if (h.nlmsg_len >= NLMSG_HDRLEN) {
			next_len = len >= alen ? len - alen : 0;
			if (next_len && addr + alen > addr)
				next = addr + alen;
		}
		if (!is_array && next) {
			pr_array_begin(d->p);
			is_array = true;
		}
		print_nlmsg(d, fam, &h, addr, len);
		if (!next)
			break;
		addr = next;
		len = next_len;
	}
	if (is_array)
		pr_array_end(d->p);
}
