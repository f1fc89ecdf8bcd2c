/* socket and socketpair: families, types with flags, per-family protocols, bad values. */
/* TRACE: -e trace=socket,socketpair */
#include "tests.h"
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static void sock(int fam, int type, int proto, const char *text)
{
	long rc = syscall(__NR_socket, fam, type, proto);
	char call[256];

	snprintf(call, sizeof(call), "socket(%s)", text);
	print_line("", call, sprintrc(rc));
}

int main(void)
{
	sock(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP,
	     "AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP");
	sock(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, 0, "AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP");
	sock(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0,
	     "AF_UNIX, SOCK_SEQPACKET|SOCK_CLOEXEC|SOCK_NONBLOCK, 0");
	sock(AF_NETLINK, SOCK_RAW, NETLINK_KOBJECT_UEVENT,
	     "AF_NETLINK, SOCK_RAW, NETLINK_KOBJECT_UEVENT");
	sock(AF_NETLINK, SOCK_DGRAM, 99, "AF_NETLINK, SOCK_DGRAM, 0x63 /* NETLINK_??? */");
	sock(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL), "AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)");
	sock(AF_PACKET, SOCK_DGRAM, htons(0x1234),
	     "AF_PACKET, SOCK_DGRAM, htons(0x1234 /* ETH_P_??? */)");
	sock(AF_INET, SOCK_STREAM | 0x10, 999,
	     "AF_INET, SOCK_STREAM|0x10 /* SOCK_??? */, 0x3e7 /* IPPROTO_??? */");
	sock(0xdead, 0xff, 7, "0xdead /* AF_??? */, 0xff /* SOCK_??? */, 7");
	sock(AF_UNIX, 0xf | SOCK_CLOEXEC, 0, "AF_UNIX, SOCK_CLOEXEC|0xf, 0");

	int *sv = tail_alloc(2 * sizeof(int));
	char call[256];
	long rc = syscall(__NR_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	snprintf(call, sizeof(call), "socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d])", sv[0], sv[1]);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_socketpair, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, NULL);
	print_line("", "socketpair(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0, NULL)", sprintrc(rc));
	rc = syscall(__NR_socketpair, AF_INET, SOCK_STREAM, IPPROTO_TCP, sv);
	snprintf(call, sizeof(call), "socketpair(AF_INET, SOCK_STREAM, %d, %p)", IPPROTO_TCP,
		 (void *)sv);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_socketpair, AF_UNIX, SOCK_STREAM, 0, sv + 1);
	snprintf(call, sizeof(call), "socketpair(AF_UNIX, SOCK_STREAM, 0, %p)", (void *)(sv + 1));
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
