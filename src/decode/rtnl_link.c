/* NETLINK_ROUTE link messages: struct ifinfomsg and its IFLA_* attributes, as strace 6.1
 * prints them. Nested attributes (IFLA_LINKINFO, IFLA_AF_SPEC, IFLA_XDP, IFLA_PROP_LIST, VF
 * lists) print as hex bytes: strace 6.1 decodes those further. */
#include <linux/if_link.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <string.h>

#include "decode/nlattr.h"

/* struct rtnl_link_stats and rtnl_link_stats64 share the order of their fields; the 64-bit
 * one has rx_otherhost_dropped at the end */
static const char *const link_stats_fields[] = {
    "rx_packets",
    "tx_packets",
    "rx_bytes",
    "tx_bytes",
    "rx_errors",
    "tx_errors",
    "rx_dropped",
    "tx_dropped",
    "multicast",
    "collisions",
    "rx_length_errors",
    "rx_over_errors",
    "rx_crc_errors",
    "rx_frame_errors",
    "rx_fifo_errors",
    "rx_missed_errors",
    "tx_aborted_errors",
    "tx_carrier_errors",
    "tx_fifo_errors",
    "tx_heartbeat_errors",
    "tx_window_errors",
    "rx_compressed",
    "tx_compressed",
    "rx_nohandler",
    "rx_otherhost_dropped",
};
#define STATS_THROUGH_TX_COMPRESSED 23
#define STATS_THROUGH_RX_NOHANDLER  24
#define STATS64_ALL		    25

/* n fields of width bytes each; the sizes strace accepts: the whole struct (or more) or exactly
 * one of its older sizes */
static bool print_link_stats(struct dctx *d, uint64_t addr, unsigned len, unsigned width,
			     unsigned all)
{
	uint64_t v[STATS64_ALL];
	unsigned n = len >= all * width				  ? all
		     : len == STATS_THROUGH_RX_NOHANDLER * width  ? STATS_THROUGH_RX_NOHANDLER
		     : len == STATS_THROUGH_TX_COMPRESSED * width ? STATS_THROUGH_TX_COMPRESSED
								  : 0;
	unsigned char raw[STATS64_ALL * sizeof(uint64_t)];

	if (!n || n > all)
		return false;
	if (mem_read(d, addr, raw, n * width) < 0) {
		pr_hex(d->p, addr);
		return true;
	}
	for (unsigned i = 0; i < n; i++) {
		if (width == sizeof(uint32_t)) {
			uint32_t x;
			memcpy(&x, raw + i * width, sizeof(x));
			v[i] = x;
		} else {
			memcpy(&v[i], raw + i * width, sizeof(v[i]));
		}
	}
	pr_struct_begin(d->p);
	for (unsigned i = 0; i < n; i++) {
		pr_field(d->p, link_stats_fields[i]);
		pr_uint(d->p, v[i]);
	}
	pr_struct_end(d->p);
	return true;
}

static bool ifla_stats(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	(void)opaque;
	return print_link_stats(d, addr, len, sizeof(uint32_t), STATS_THROUGH_RX_NOHANDLER);
}

static bool ifla_stats64(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	(void)opaque;
	return print_link_stats(d, addr, len, sizeof(uint64_t), STATS64_ALL);
}

/* A link-layer address: 00:11:22:33:44:55; -X raw the hex bytes, -X verbose both. strace
 * 6.1 takes the address size from a table indexed by the message's ifi_family: for AF_UNSPEC,
 * what the kernel answers with, that is the whole attribute, as here. */
static bool ifla_hwaddr(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	unsigned char a[MAX_ADDR_LEN];
	struct strbuf sb = {0};

	(void)opaque;
	if (len > MAX_ADDR_LEN)
		return false;
	if (mem_read(d, addr, a, len) < 0) {
		pr_hex(d->p, addr);
		return true;
	}
	if (xstyle(d) != XS_ABBREV)
		sb_quoted(&sb, (const char *)a, len, 2, false);
	if (xstyle(d) == XS_VERBOSE)
		sb_puts(&sb, " /* ");
	if (xstyle(d) != XS_RAW)
		for (unsigned i = 0; i < len; i++)
			sb_printf(&sb, "%s%02x", i ? ":" : "", a[i]);
	if (xstyle(d) == XS_VERBOSE)
		sb_puts(&sb, " */");
	pr_raw(d->p, "%s", sb.buf ? sb.buf : "");
	sb_free(&sb);
	return true;
}

static bool ifla_ext_mask(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	uint32_t v;

	(void)opaque;
	if (len < sizeof(v) || len > sizeof(uint64_t))
		return false;
	if (mem_read_obj(d, addr, v) < 0)
		pr_hex(d->p, addr);
	else
		pr_flags(d->p, &xl_rtnl_ifla_ext_filter_flags, v, "RTEXT_FILTER_???");
	return true;
}

static bool ifla_map(struct dctx *d, uint64_t addr, unsigned len, const void *opaque)
{
	struct rtnl_link_ifmap map;
	const unsigned size = offsetof(struct rtnl_link_ifmap, port) + sizeof(map.port);

	(void)opaque;
	if (len < size)
		return false;
	if (mem_read(d, addr, &map, size) < 0) {
		pr_hex(d->p, addr);
		return true;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "mem_start");
	pr_hex(d->p, map.mem_start);
	pr_field(d->p, "mem_end");
	pr_hex(d->p, map.mem_end);
	pr_field(d->p, "base_addr");
	pr_hex(d->p, map.base_addr);
	pr_field(d->p, "irq");
	pr_uint(d->p, map.irq);
	pr_field(d->p, "dma");
	pr_uint(d->p, map.dma);
	pr_field(d->p, "port");
	pr_uint(d->p, map.port);
	pr_struct_end(d->p);
	return true;
}

/* strace 6.1's decoders by IFLA_* (numbers as in its table: rtnl_link_attrs.def) */
static const nla_fn ifla_decoders[] = {
    [IFLA_ADDRESS] = ifla_hwaddr,
    [IFLA_BROADCAST] = ifla_hwaddr,
    [IFLA_IFNAME] = nla_str,
    [IFLA_MTU] = nla_u32,
    [IFLA_LINK] = nla_u32,
    [IFLA_QDISC] = nla_str,
    [IFLA_STATS] = ifla_stats,
    [IFLA_MASTER] = nla_u32,
    [IFLA_TXQLEN] = nla_u32,
    [IFLA_MAP] = ifla_map,
    [IFLA_WEIGHT] = nla_u32,
    [IFLA_OPERSTATE] = nla_u8,
    [IFLA_LINKMODE] = nla_u8,
    [IFLA_NET_NS_PID] = nla_u32,
    [IFLA_IFALIAS] = nla_str,
    [IFLA_NUM_VF] = nla_u32,
    [IFLA_STATS64] = ifla_stats64,
    [IFLA_GROUP] = nla_u32,
    [IFLA_EXT_MASK] = ifla_ext_mask,
    [IFLA_PROMISCUITY] = nla_u32,
    [IFLA_NUM_TX_QUEUES] = nla_u32,
    [IFLA_NUM_RX_QUEUES] = nla_u32,
    [IFLA_CARRIER] = nla_u8,
    [IFLA_CARRIER_CHANGES] = nla_u32,
    [IFLA_LINK_NETNSID] = nla_s32,
    [IFLA_PHYS_PORT_NAME] = nla_str,
    [IFLA_PROTO_DOWN] = nla_u8,
    [IFLA_GSO_MAX_SEGS] = nla_u32,
    [IFLA_GSO_MAX_SIZE] = nla_u32,
    [IFLA_NEW_NETNSID] = nla_s32,
    [IFLA_IF_NETNSID] = nla_s32,
    [IFLA_CARRIER_UP_COUNT] = nla_u32,
    [IFLA_CARRIER_DOWN_COUNT] = nla_u32,
    [IFLA_MIN_MTU] = nla_u32,
    [IFLA_MAX_MTU] = nla_u32,
    [IFLA_ALT_IFNAME] = nla_str,
    [IFLA_PERM_ADDRESS] = ifla_hwaddr,
    [IFLA_PARENT_DEV_NAME] = nla_str,
    [IFLA_PARENT_DEV_BUS_NAME] = nla_str,
    [IFLA_GRO_MAX_SIZE] = nla_u32,
    [IFLA_TSO_MAX_SIZE] = nla_u32,
    [IFLA_TSO_MAX_SEGS] = nla_u32,
    [IFLA_ALLMULTI] = nla_u32,
};
#define NIFLA_DECODERS (sizeof(ifla_decoders) / sizeof(ifla_decoders[0]))

void print_ifinfomsg(struct dctx *d, uint8_t family, uint64_t addr, unsigned len)
{
	struct ifinfomsg ifi = {.ifi_family = family};
	const size_t skip = offsetof(struct ifinfomsg, ifi_type);
	bool attrs = false;

	pr_struct_begin(d->p);
	pr_field(d->p, "ifi_family");
	pr_xval(d->p, &xl_addrfams, family, "AF_???");
	if (len >= sizeof(ifi)) {
		if (mem_read(d, addr + skip, (char *)&ifi + skip, sizeof(ifi) - skip) < 0) {
			pr_hex(d->p, addr + skip);
		} else {
			pr_field(d->p, "ifi_type");
			pr_xval(d->p, &xl_arp_hardware_types, ifi.ifi_type, "ARPHRD_???");
			print_ifindex_field(d, "ifi_index", (unsigned)ifi.ifi_index);
			pr_field(d->p, "ifi_flags");
			pr_flags(d->p, &xl_iffflags, ifi.ifi_flags, "IFF_???");
			pr_field(d->p, "ifi_change");
			pr_hex(d->p, ifi.ifi_change);
			attrs = true;
		}
	} else {
		pr_more(d->p);
	}
	pr_struct_end(d->p);
	unsigned off = NLMSG_ALIGN(sizeof(ifi));
	if (attrs && len > off)
		print_nlattrs(d, addr + off, len - off, &xl_rtnl_link_attrs, "IFLA_???",
			      ifla_decoders, NIFLA_DECODERS, &ifi);
}
