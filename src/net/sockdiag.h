/* The kernel's socket-diag netlink interface (what ss uses): every TCP/UDP socket of the
 * caller's network namespace in one dump, and unix socket peers. */
#pragma once
#include "net/socktab.h"

/* Dumps family (AF_INET/AF_INET6) sockets of proto (IPPROTO_TCP/UDP) into t.
 * Returns 0, or -errno (e.g. -EPROTONOSUPPORT when sock_diag is missing). */
int sockdiag_inet(struct sock_table *t, int family, int proto);

/* Dumps unix sockets: type, state, name and peer inode. Returns 0 or -errno. */
int sockdiag_unix(struct sock_table *t);

/* Parses one buffer of sock_diag replies (for tests and fuzzers). family AF_UNIX selects the
 * unix message layout. Returns 1 when NLMSG_DONE was seen, 0 for more, -errno on error. */
int sockdiag_parse(const void *buf, size_t len, int family, int proto, struct sock_table *t);
