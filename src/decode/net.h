/* Shared by the network and ipc decoders: socket addresses, names of constants in text. */
#pragma once
#include "decode/dctx.h"

/* {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")} from addrlen bytes
 * at addr; the address when addrlen < 2 or the memory is unreadable. Returns the family, or -1
 * when only the address was printed. */
int print_sockaddr(struct dctx *d, uint64_t addr, int addrlen);
/* The same, from a copy in our memory (len bytes; buf must have len + 1 bytes, zero-padded). */
void print_sockaddr_data(struct dctx *d, const void *buf, int len);

/* The text strace prints for an enum value under the -X style: NAME, 0x2 or 0x2 \/\* NAME *\/;
 * an unknown value as hex with dflt in a comment. */
void sb_xval(struct strbuf *sb, int style, const struct xlat *x, uint64_t v, const char *dflt);

/* [fd, fd]: n ints in our memory, each decorated by -y. */
void print_fd_list(struct dctx *d, const int *fds, size_t n);

/* The -X style of this trace. */
static inline int xstyle(const struct dctx *d)
{
	return d->o->xlat_style;
}

/* An int the tracee passes by reference: [42]; the address if unreadable. */

/* [128 => 16] for an in/out length the kernel changed, [16] when it did not */
void print_len_change(struct dctx *d, int before, int after);

/* name=inet_addr("127.0.0.1") (under -X raw/verbose with the bytes) */
struct in_addr;
void print_in_addr_field(struct dctx *d, const char *field, const struct in_addr *a);
struct in6_addr;
void print_in6_addr_field(struct dctx *d, const char *field, const struct in6_addr *a);
/* field=if_nametoindex("lo"), or the number */
void print_ifindex_field(struct dctx *d, const char *field, unsigned idx);

/* fd_describe level that answers the kernel's protocol name of a socket ("TCP", "NETLINK") */
#define FD_LEVEL_SOCKPROTO 3

/* NETLINK_* of a netlink socket fd (-1 when unknown), -2 when fd is not a netlink socket */
int netlink_family_of_fd(struct dctx *d, int fd);
/* netlink messages, len bytes at addr, of family fam (NETLINK_*, or -1) */
void print_netlink(struct dctx *d, int fam, uint64_t addr, uint64_t len);
