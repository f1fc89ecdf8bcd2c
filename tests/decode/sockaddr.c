/* Socket addresses of connect and bind: AF_UNIX (path, abstract), AF_INET, AF_INET6 (with and
 * without sin6_scope_id, link-local), AF_NETLINK, AF_PACKET, unknown families, short lengths,
 * NULL and unreadable addresses. */
/* TRACE: -e trace=connect,bind */
#include "tests.h"
#include <arpa/inet.h>
#include <net/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>

static void call(const char *name, const void *addr, int len, const char *addr_text)
{
	long rc = syscall(name[0] == 'c' ? __NR_connect : __NR_bind, -1, addr, len);
	char buf[1024];

	snprintf(buf, sizeof(buf), "%s(-1, %s, %d)", name, addr_text, len);
	print_line("", buf, sprintrc(rc));
}

/* if_nametoindex("lo") or the number, as strace prints an interface index */
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
	char text[1024];

	struct sockaddr_un *un = tail_alloc(sizeof(*un));
	memset(un, 0, sizeof(*un));
	un->sun_family = AF_UNIX;
	strcpy(un->sun_path, "/run/x");
	call("connect", un, offsetof(struct sockaddr_un, sun_path) + 7,
	     "{sa_family=AF_UNIX, sun_path=\"/run/x\"}");
	call("bind", un, sizeof(*un), "{sa_family=AF_UNIX, sun_path=\"/run/x\"}");
	memset(un->sun_path, 0, sizeof(un->sun_path));
	memcpy(un->sun_path + 1, "abs\0tr", 6);
	call("connect", un, offsetof(struct sockaddr_un, sun_path) + 7,
	     "{sa_family=AF_UNIX, sun_path=@\"abs\\0tr\"}");
	/* the whole sun_path without a NUL: strace reads one byte past it (zero) */
	memset(un->sun_path, 'z', sizeof(un->sun_path));
	snprintf(text, sizeof(text), "{sa_family=AF_UNIX, sun_path=%s}",
		 quote(un->sun_path, sizeof(un->sun_path)));
	call("connect", un, sizeof(*un), text);
	call("connect", un, 2, "{sa_family=AF_UNIX}");

	struct sockaddr_in *in = tail_alloc(sizeof(*in));
	in->sin_family = AF_INET;
	in->sin_port = htons(80);
	in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	call("connect", in, sizeof(*in),
	     "{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}");
	/* a length past the readable memory: the address */
	snprintf(text, sizeof(text), "%p", (void *)in);
	call("bind", in, sizeof(*in) + 4, text);
	/* shorter than sockaddr_in: raw bytes */
	snprintf(text, sizeof(text), "{sa_family=AF_INET, sa_data=%s}",
		 quote((const char *)in + 2, 6));
	call("connect", in, 8, text);

	struct sockaddr_in6 *in6 = tail_alloc(sizeof(*in6));
	memset(in6, 0, sizeof(*in6));
	in6->sin6_family = AF_INET6;
	in6->sin6_port = htons(443);
	in6->sin6_flowinfo = htonl(5);
	in6->sin6_addr = in6addr_loopback;
	in6->sin6_scope_id = 7;
	call("connect", in6, sizeof(*in6),
	     "{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(5), "
	     "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=7}");
	call("connect", in6, offsetof(struct sockaddr_in6, sin6_scope_id),
	     "{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(5), "
	     "inet_pton(AF_INET6, \"::1\", &sin6_addr)}");
	inet_pton(AF_INET6, "fe80::1", &in6->sin6_addr);
	in6->sin6_scope_id = 1;
	snprintf(text, sizeof(text),
		 "{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(5), "
		 "inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), sin6_scope_id=%s}",
		 ifindex(1));
	call("bind", in6, sizeof(*in6), text);

	struct sockaddr_nl *nl = tail_alloc(sizeof(*nl));
	memset(nl, 0, sizeof(*nl));
	nl->nl_family = AF_NETLINK;
	call("bind", nl, sizeof(*nl), "{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}");
	nl->nl_pid = 1234;
	nl->nl_groups = 5;
	nl->nl_pad = 3;
	call("connect", nl, sizeof(*nl),
	     "{sa_family=AF_NETLINK, nl_pad=0x3, nl_pid=1234, nl_groups=0x000005}");

	struct sockaddr_ll *ll = tail_alloc(sizeof(*ll));
	memset(ll, 0, sizeof(*ll));
	ll->sll_family = AF_PACKET;
	ll->sll_protocol = htons(ETH_P_IP);
	ll->sll_ifindex = 1;
	ll->sll_hatype = ARPHRD_ETHER;
	ll->sll_pkttype = PACKET_HOST;
	ll->sll_halen = 6;
	for (int i = 0; i < 6; i++)
		ll->sll_addr[i] = (unsigned char)(i * 0x11);
	snprintf(text, sizeof(text),
		 "{sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), sll_ifindex=%s, "
		 "sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=6, "
		 "sll_addr=[00, 0x11, 0x22, 0x33, 0x44, 0x55]}", ifindex(1));
	call("bind", ll, sizeof(*ll), text);

	unsigned char *raw = tail_alloc(6);
	raw[0] = 0xff;
	raw[1] = 0;
	memcpy(raw + 2, "\1\2\3x", 4);
	call("connect", raw, 6, "{sa_family=0xff /* AF_??? */, sa_data=\"\\1\\2\\3x\"}");

	call("connect", NULL, 16, "NULL");
	snprintf(text, sizeof(text), "%p", (void *)raw);
	call("connect", raw, 1, text);
	call("connect", raw, -1, text);
	snprintf(text, sizeof(text), "%p", (void *)(raw + 2));
	call("bind", raw + 2, 16, text);
	printf("+++ exited with 0 +++\n");
	return 0;
}
