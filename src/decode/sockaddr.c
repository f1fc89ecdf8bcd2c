/* Socket addresses: AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, others as raw bytes. */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "decode/net.h"

#define FAMILY_SIZE ((int)sizeof(sa_family_t))
/* the kernel accepts an AF_INET6 address without sin6_scope_id (RFC 2133) */
#define SIN6_MIN_LEN ((int)offsetof(struct sockaddr_in6, sin6_scope_id))

void sb_xval(struct strbuf *sb, int style, const struct xlat *x, uint64_t v, const char *dflt)
{
	const char *name = xlat_name(x, v);

	if (!name || style == XS_RAW) {
		sb_printf(sb, "%#" PRIx64, v);
		if (!name && dflt && style != XS_RAW)
			sb_printf(sb, " /* %s */", dflt);
	} else if (style == XS_VERBOSE) {
		sb_printf(sb, "%#" PRIx64 " /* %s */", v, name);
	} else {
		sb_puts(sb, name);
	}
}

void print_fd_list(struct dctx *d, const int *fds, size_t n)
{
	pr_array_begin(d->p);
	for (size_t i = 0; i < n; i++)
		print_fd(d, fds[i]);
	pr_array_end(d->p);
}

/* A value whose bytes strace shows under -X raw/verbose, and a readable form otherwise:
 * "\x00\x50" /\* htons(80) *\/ */
static void field_bytes_and_text(struct dctx *d, const char *field, const void *bytes, size_t n,
				 const char *text)
{
	struct strbuf sb = {0};
	int style = xstyle(d);

	if (style != XS_ABBREV)
		sb_quoted(&sb, bytes, n, 2, false);
	if (style == XS_VERBOSE)
		sb_printf(&sb, " /* %s */", text);
	else if (style == XS_ABBREV)
		sb_puts(&sb, text);
	if (field)
		pr_field(d->p, field);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

static void print_port(struct dctx *d, const char *field, uint16_t port_be)
{
	char text[32];

	if (d->p->json) { /* JSON: the number */
		pr_field(d->p, field);
		pr_uint(d->p, ntohs(port_be));
		return;
	}
	snprintf(text, sizeof(text), "htons(%u)", ntohs(port_be));
	field_bytes_and_text(d, field, &port_be, sizeof(port_be), text);
}

void print_in_addr_field(struct dctx *d, const char *field, const struct in_addr *a)
{
	char ip[INET_ADDRSTRLEN];
	struct strbuf text = {0};

	inet_ntop(AF_INET, a, ip, sizeof(ip));
	if (d->p->json) { /* JSON: the address text */
		if (field)
			pr_field(d->p, field);
		pr_quoted(d->p, ip, strlen(ip), false, false);
		return;
	}
	sb_puts(&text, "inet_addr(");
	sb_quoted(&text, ip, strlen(ip), d->o->xflag, false);
	sb_putc(&text, ')');
	field_bytes_and_text(d, field, a, sizeof(*a), text.buf);
	sb_free(&text);
}

/* abbreviated, strace names the field inside the call: inet_pton(AF_INET6, "::1", &sin6_addr);
 * field NULL: a value without a name (netlink attributes) */
void print_in6_addr_field(struct dctx *d, const char *field, const struct in6_addr *a)
{
	char ip[INET6_ADDRSTRLEN];
	struct strbuf text = {0};

	inet_ntop(AF_INET6, a, ip, sizeof(ip));
	if (d->p->json) {
		if (field)
			pr_field(d->p, field);
		pr_quoted(d->p, ip, strlen(ip), false, false);
		return;
	}
	sb_puts(&text, "inet_pton(AF_INET6, ");
	sb_quoted(&text, ip, strlen(ip), d->o->xflag, false);
	if (xstyle(d) == XS_ABBREV && field)
		sb_printf(&text, ", &%s", field);
	sb_putc(&text, ')');
	field_bytes_and_text(d, xstyle(d) == XS_ABBREV ? NULL : field, a, sizeof(*a), text.buf);
	sb_free(&text);
}

/* if_nametoindex("lo"), or the number */
void print_ifindex_field(struct dctx *d, const char *field, unsigned idx)
{
	char name[IF_NAMESIZE];
	struct strbuf sb = {0};

	pr_field(d->p, field);
	if (!if_indextoname(idx, name)) {
		pr_uint(d->p, idx);
		return;
	}
	if (xstyle(d) != XS_ABBREV)
		sb_printf(&sb, "%u", idx);
	if (xstyle(d) == XS_VERBOSE)
		sb_puts(&sb, " /* ");
	if (xstyle(d) != XS_RAW) {
		sb_puts(&sb, "if_nametoindex(");
		sb_quoted(&sb, name, strlen(name), d->o->xflag, true);
		sb_putc(&sb, ')');
	}
	if (xstyle(d) == XS_VERBOSE)
		sb_puts(&sb, " */");
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

static void print_un(struct dctx *d, const void *buf, int len)
{
	const struct sockaddr_un *un = buf;
	int ulen = len > (int)sizeof(*un) ? (int)sizeof(*un) : len;
	int path_len = ulen - FAMILY_SIZE;
	struct strbuf sb = {0};

	pr_field(d->p, "sun_path");
	if (un->sun_path[0]) {
		/* the byte after the path is in the zero padding */
		pr_quoted(d->p, un->sun_path, (size_t)path_len + 1, false, true);
		return;
	}
	sb_putc(&sb, '@');
	sb_quoted(&sb, un->sun_path + 1, (size_t)path_len - 1, d->o->xflag, false);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

static void print_in(struct dctx *d, const void *buf)
{
	const struct sockaddr_in *in = buf;

	print_port(d, "sin_port", in->sin_port);
	print_in_addr_field(d, "sin_addr", &in->sin_addr);
}

static void print_in6(struct dctx *d, const void *buf, int len)
{
	const struct sockaddr_in6 *in6 = buf;
	char text[32];

	print_port(d, "sin6_port", in6->sin6_port);
	snprintf(text, sizeof(text), "htonl(%u)", ntohl(in6->sin6_flowinfo));
	field_bytes_and_text(d, "sin6_flowinfo", &in6->sin6_flowinfo, sizeof(in6->sin6_flowinfo),
			     text);
	print_in6_addr_field(d, "sin6_addr", &in6->sin6_addr);
	if (len <= SIN6_MIN_LEN)
		return;
	if (IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&in6->sin6_addr)) {
		print_ifindex_field(d, "sin6_scope_id", in6->sin6_scope_id);
	} else {
		pr_field(d->p, "sin6_scope_id");
		pr_uint(d->p, in6->sin6_scope_id);
	}
}

static void print_nl(struct dctx *d, const void *buf)
{
	const struct sockaddr_nl *nl = buf;

	if (nl->nl_pad) {
		pr_field(d->p, "nl_pad");
		pr_hex(d->p, nl->nl_pad);
	}
	pr_field(d->p, "nl_pid");
	pr_int(d->p, (int)nl->nl_pid);
	pr_field(d->p, "nl_groups");
	pr_raw(d->p, "%#08x", nl->nl_groups);
}

static void print_ll(struct dctx *d, const void *buf, int len)
{
	const struct sockaddr_ll *ll = buf;
	struct strbuf sb = {0};
	uint16_t proto = ll->sll_protocol;

	sb_puts(&sb, "htons(");
	sb_xval(&sb, XS_ABBREV, &xl_ethernet_protocols, ntohs(proto), "ETH_P_???");
	sb_putc(&sb, ')');
	field_bytes_and_text(d, "sll_protocol", &proto, sizeof(proto), sb.buf);
	sb_free(&sb);
	print_ifindex_field(d, "sll_ifindex", (unsigned)ll->sll_ifindex);
	pr_field(d->p, "sll_hatype");
	pr_xval(d->p, &xl_arp_hardware_types, ll->sll_hatype, "ARPHRD_???");
	pr_field(d->p, "sll_pkttype");
	pr_xval(d->p, &xl_af_packet_types, ll->sll_pkttype, "PACKET_???");
	pr_field(d->p, "sll_halen");
	pr_uint(d->p, ll->sll_halen);
	if (!ll->sll_halen)
		return;
	int in_buf = len - (int)offsetof(struct sockaddr_ll, sll_addr);
	pr_field(d->p, "sll_addr");
	pr_array_begin(d->p);
	for (int i = 0; i < ll->sll_halen; i++) {
		/* sll_addr has 8 bytes but sll_halen may claim more: the rest follows it */
		if (i >= in_buf) {
			pr_more(d->p);
			break;
		}
		pr_raw(d->p, "%#02x", ((const uint8_t *)ll->sll_addr)[i]);
	}
	pr_array_end(d->p);
}

void print_sockaddr_data(struct dctx *d, const void *buf, int len)
{
	const struct sockaddr *sa = buf;
	int fam = sa->sa_family;

	pr_struct_begin(d->p);
	pr_field(d->p, "sa_family");
	pr_xval(d->p, &xl_addrfams, (unsigned)fam, "AF_???");
	if (len > FAMILY_SIZE) {
		if (fam == AF_UNIX)
			print_un(d, buf, len);
		else if (fam == AF_INET && len >= (int)sizeof(struct sockaddr_in))
			print_in(d, buf);
		else if (fam == AF_INET6 && len >= SIN6_MIN_LEN)
			print_in6(d, buf, len);
		else if (fam == AF_NETLINK && len >= (int)sizeof(struct sockaddr_nl))
			print_nl(d, buf);
		else if (fam == AF_PACKET && len >= (int)sizeof(struct sockaddr_ll))
			print_ll(d, buf, len);
		else {
			pr_field(d->p, "sa_data");
			pr_quoted(d->p, (const char *)buf + FAMILY_SIZE,
				  (size_t)(len - FAMILY_SIZE), false, false);
		}
	}
	pr_struct_end(d->p);
}

int print_sockaddr(struct dctx *d, uint64_t addr, int addrlen)
{
	union {
		struct sockaddr_storage ss;
		char pad[sizeof(struct sockaddr_storage) + 1];
	} u;

	if (addrlen < 2) {
		pr_ptr(d->p, addr);
		return -1;
	}
	if ((size_t)addrlen > sizeof(u.ss))
		addrlen = sizeof(u.ss);
	if (!addr) {
		pr_raw(d->p, "NULL");
		return -1;
	}
	if (mem_read(d, addr, u.pad, (size_t)addrlen) < 0) {
		pr_hex(d->p, addr);
		return -1;
	}
	memset(u.pad + addrlen, 0, sizeof(u.pad) - (size_t)addrlen);
	print_sockaddr_data(d, &u, addrlen);
	return u.ss.ss_family;
}
