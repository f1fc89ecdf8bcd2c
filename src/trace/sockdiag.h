/* -yy: the endpoints of a socket, as strace 6.1 prints them inside <...>:
 *   TCP:[127.0.0.1:59548->127.0.0.1:39669]   TCPv6:[[::1]:80]   UDP:[0.0.0.0:68]
 *   UNIX-STREAM:[12345->12346]   UNIX:[12345,"/run/x"]   UNIX:[12345,@"abstract"]
 *   NETLINK:[ROUTE:1234]   TCP:[12345] when the endpoints are unknown.
 * Asked through the kernel's sock_diag netlink interface, with /proc/PID/net/{tcp,tcp6,udp,
 * udp6,unix,netlink} as the fallback where sock_diag is missing. */
#pragma once
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "basic/strbuf.h"

/* Appends the description of socket inode, fd of tgid, to out. Returns false (out unchanged)
 * when not even its protocol is known: the caller prints socket:[inode]. Like strace, an
 * answer found once is remembered per inode. */
bool sockdiag_describe(pid_t tgid, int fd, unsigned long inode, struct strbuf *out);

/* A socket as the bpf backend captured it at the call (its fields as in struct scry_sock). */
struct sock_state {
	const char *proto; /* the kernel's protocol name: "TCP", "UNIX-STREAM" */
	int family;
	unsigned state; /* TCP_* */
	unsigned sport, dport;
	const void *src, *dst; /* 4 or 16 bytes, by family */
	unsigned peer;	       /* AF_UNIX: the peer's inode */
	const char *path;      /* AF_UNIX: the bound name, path_len bytes */
	size_t path_len;
	unsigned protocol, portid; /* AF_NETLINK */
};

/* As sockdiag_describe, from a captured state instead of asking the kernel now (the socket
 * may be closed by the time its line is printed): the same text for what sock_diag would
 * have listed, proto:[inode] for what it would not, and the same per-inode memory. Returns
 * false (out unchanged) when the protocol is not one strace knows. */
bool sockdiag_describe_state(const struct sock_state *ss, unsigned long inode, struct strbuf *out);

/* /proc/net parsers: each reads the text of one file and appends the description of the
 * socket with this inode, labelled proto ("TCP", "UNIX-STREAM", ...). Return whether found. */
bool procnet_inet_find(FILE *f, int family, unsigned long inode, const char *proto,
		       struct strbuf *out);
bool procnet_unix_find(FILE *f, unsigned long inode, const char *proto, struct strbuf *out);
bool procnet_netlink_find(FILE *f, unsigned long inode, const char *proto, struct strbuf *out);
