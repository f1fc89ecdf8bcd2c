/* /proc/net/{tcp,tcp6,udp,udp6,unix,netlink,packet} parsers: the fallback when sock_diag is
 * not available, and the only source of the socket address lsof shows for unix sockets. */
#pragma once
#include <stdio.h>

#include "net/socktab.h"

/* family AF_INET or AF_INET6, proto IPPROTO_TCP or IPPROTO_UDP. Returns 0 or -errno. */
int proc_net_inet_parse(FILE *f, int family, int proto, struct sock_table *t);
int proc_net_unix_parse(FILE *f, struct sock_table *t);
int proc_net_netlink_parse(FILE *f, struct sock_table *t);
int proc_net_packet_parse(FILE *f, struct sock_table *t);
