/* Netlink attribute arrays and family payloads, shared by the netlink message decoders
 * (netlink.c, rtnl_link.c, sock_diag.c). */
#pragma once
#include "decode/net.h"

/* Prints the payload of one attribute, len bytes at addr; false when it does not fit the
 * decoder (the caller prints hex bytes instead). opaque is the message header's struct. */
typedef bool (*nla_fn)(struct dctx *d, uint64_t addr, unsigned len, const void *opaque);

/* [[{nla_len=8, nla_type=NAME}, value], ...]: the attributes in len bytes at addr, names from
 * x (dflt for unknown types), payloads by decoders[type] (ndec entries, NULL: hex bytes). */
void print_nlattrs(struct dctx *d, uint64_t addr, unsigned len, const struct xlat *x,
		   const char *dflt, const nla_fn *decoders, unsigned ndec, const void *opaque);

/* hex bytes, cut by -s: "\x01\x02" */
void print_nl_hex_str(struct dctx *d, uint64_t addr, uint64_t len);

bool nla_str(struct dctx *d, uint64_t addr, unsigned len, const void *opaque);
bool nla_u8(struct dctx *d, uint64_t addr, unsigned len, const void *opaque);
bool nla_u32(struct dctx *d, uint64_t addr, unsigned len, const void *opaque);
bool nla_s32(struct dctx *d, uint64_t addr, unsigned len, const void *opaque);

/* NETLINK_ROUTE link messages (RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK): struct
 * ifinfomsg, then its IFLA_* attributes; family is the message's first byte. */
void print_ifinfomsg(struct dctx *d, uint8_t family, uint64_t addr, unsigned len);

/* NETLINK_SOCK_DIAG payloads (sock_diag.c); false when the caller prints hex bytes */
struct nlmsghdr;
bool print_sock_diag_payload(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, unsigned len);
