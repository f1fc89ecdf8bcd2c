/* setsockopt multicast requests (ipv6_mreq, group_req) and getsockopt
 * NETLINK_LIST_MEMBERSHIPS. */
/* TRACE: -e trace=setsockopt,getsockopt */
#include "tests.h"
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static const char *ifindex(unsigned idx)
{
	static char buf[64];
	char name[IF_NAMESIZE];

	if (if_indextoname(idx, name))
		snprintf(buf, sizeof(buf), "if_nametoindex(\"%s\")", name);
	else
		snprintf(buf, sizeof(buf), "%u", idx);
	return buf;
}

int main(void)
{
	char call[1024];
	struct ipv6_mreq *mr = tail_alloc(sizeof(*mr));
	inet_pton(AF_INET6, "ff02::fb", &mr->ipv6mr_multiaddr);
	mr->ipv6mr_interface = 1;
	long rc = syscall(__NR_setsockopt, -1, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, mr, sizeof(*mr));
	snprintf(call, sizeof(call),
		 "setsockopt(-1, SOL_IPV6, IPV6_ADD_MEMBERSHIP, {inet_pton(AF_INET6, \"ff02::fb\", "
		 "&ipv6mr_multiaddr), ipv6mr_interface=%s}, %zu)", ifindex(1), sizeof(*mr));
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_setsockopt, -1, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, mr, 4);
	snprintf(call, sizeof(call), "setsockopt(-1, SOL_IPV6, IPV6_DROP_MEMBERSHIP, %p, 4)",
		 (void *)mr);
	print_line("", call, sprintrc(rc));

	struct group_req *gr = tail_alloc(sizeof(*gr));
	memset(gr, 0, sizeof(*gr));
	gr->gr_interface = 1;
	struct sockaddr_in *g = (struct sockaddr_in *)&gr->gr_group;
	g->sin_family = AF_INET;
	inet_pton(AF_INET, "224.0.0.251", &g->sin_addr);
	rc = syscall(__NR_setsockopt, -1, IPPROTO_IP, MCAST_JOIN_GROUP, gr, sizeof(*gr));
	snprintf(call, sizeof(call),
		 "setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, {gr_interface=%s, gr_group={sa_family=AF_INET, "
		 "sin_port=htons(0), sin_addr=inet_addr(\"224.0.0.251\")}}, %zu)",
		 ifindex(1), sizeof(*gr));
	print_line("", call, sprintrc(rc));

	int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK, .nl_groups = 5};
	if (n < 0 || bind(n, (struct sockaddr *)&nl, sizeof(nl)))
		skip("no NETLINK_ROUTE socket");
	unsigned *grp = tail_alloc(2 * sizeof(unsigned));
	socklen_t *len = tail_alloc(sizeof(*len));
	*len = 2 * sizeof(unsigned);
	rc = syscall(__NR_getsockopt, n, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, grp, len);
	snprintf(call, sizeof(call),
		 "getsockopt(%d, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [%u, %u], [8 => %u])", n,
		 grp[0], grp[1], *len);
	if (*len == 8)
		snprintf(call, sizeof(call),
			 "getsockopt(%d, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [%u, %u], [8])", n,
			 grp[0], grp[1]);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
