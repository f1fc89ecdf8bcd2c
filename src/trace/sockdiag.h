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

/* /proc/net parsers: each reads the text of one file and appends the description of the
 * socket with this inode, labelled proto ("TCP", "UNIX-STREAM", ...). Return whether found. */
bool procnet_inet_find(FILE *f, int family, unsigned long inode, const char *proto,
		       struct strbuf *out);
bool procnet_unix_find(FILE *f, unsigned long inode, const char *proto, struct strbuf *out);
bool procnet_netlink_find(FILE *f, unsigned long inode, const char *proto, struct strbuf *out);
