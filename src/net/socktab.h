/* Sockets of one network namespace, by inode: what the kernel knows about each endpoint.
 * Filled from sock_diag (sockdiag.c) or /proc/net files (proc/netfiles.c); read by scry fds. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum unix_state {
	UNIX_UNCONNECTED,
	UNIX_CONNECTING,
	UNIX_CONNECTED,
	UNIX_DISCONNECTING,
	UNIX_LISTEN,
};

struct sock_entry {
	uint64_t ino;
	int family; /* AF_INET, AF_INET6, AF_UNIX, AF_NETLINK, AF_PACKET */
	int proto;  /* IPPROTO_TCP/UDP; netlink protocol; packet ethertype */
	int type;   /* SOCK_STREAM, SOCK_DGRAM, ... */
	int state;  /* TCP state (1..12) for inet, enum unix_state for unix */
	uint8_t laddr[16], raddr[16];
	uint16_t lport, rport; /* host order */
	uint32_t rq, sq;       /* inet: receive and send queue bytes (lsof's TQR, TQS) */
	uint64_t kaddr;	       /* unix: the socket address /proc/net/unix shows */
	uint64_t peer;	       /* unix: peer inode, 0 when unknown */
	char *path;	       /* unix: bound name, "@..." when abstract; NULL when unbound */
};

struct sock_table {
	struct sock_entry *slots; /* open addressing, ino 0 = empty */
	size_t cap, n;
	unsigned int loaded; /* bit per SOCKTAB_* source already read */
};

enum {
	SOCKTAB_TCP = 1 << 0,
	SOCKTAB_UDP = 1 << 1,
	SOCKTAB_UNIX = 1 << 2,
	SOCKTAB_NETLINK = 1 << 3,
	SOCKTAB_PACKET = 1 << 4,
	SOCKTAB_UNIX_PEERS = 1 << 5,
};

/* Returns the entry for ino, creating an empty one (family 0) when create is set; NULL when
 * absent or out of memory. */
struct sock_entry *socktab_get(struct sock_table *t, uint64_t ino, bool create);
void socktab_free(struct sock_table *t);

/* "ESTABLISHED", ... for a TCP state number; NULL when unknown. */
const char *tcp_state_name(int state);
