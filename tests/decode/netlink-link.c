/* NETLINK_ROUTE link messages in sendto buffers: an RTM_GETLINK request as ip(8) sends it
 * (IFLA_EXT_MASK, IFLA_IFNAME) and an RTM_SETLINK for an interface that does not exist with
 * attributes of every kind the decoder prints: u32, u8, a link-layer address, a type strace
 * 6.1 does not know, struct rtnl_link_ifmap and struct rtnl_link_stats64. */
/* TRACE: -e trace=sendto */
#include "tests.h"
#include <net/if.h> /* before the linux headers: libc-compat.h then skips their IFF_* */
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static char msg[1024];
static size_t msg_len;

/* appends one attribute; returns its nla_len */
static unsigned add_attr(unsigned short type, const void *data, unsigned len)
{
	struct nlattr nla = {.nla_len = NLA_HDRLEN + len, .nla_type = type};

	memcpy(msg + msg_len, &nla, sizeof(nla));
	memcpy(msg + msg_len + NLA_HDRLEN, data, len);
	msg_len += NLA_ALIGN(nla.nla_len);
	return nla.nla_len;
}

static void start(unsigned short type, unsigned short flags, unsigned seq,
		  const struct ifinfomsg *ifi)
{
	struct nlmsghdr h = {.nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = seq};

	memset(msg, 0, sizeof(msg));
	memcpy(msg, &h, sizeof(h));
	memcpy(msg + NLMSG_HDRLEN, ifi, sizeof(*ifi));
	msg_len = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(*ifi));
}

static long send_msg(int fd, char **copy)
{
	((struct nlmsghdr *)msg)->nlmsg_len = msg_len;
	*copy = tail_alloc(msg_len);
	memcpy(*copy, msg, msg_len);
	return syscall(__NR_sendto, fd, *copy, msg_len, MSG_DONTWAIT, NULL, 0);
}

static void drain(int fd)
{
	char buf[65536];

	while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) /* not traced */
		;
}

int main(void)
{
	static const char *const stats[] = {
	    "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
	    "rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
	    "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
	    "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	    "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
	    "rx_nohandler", "rx_otherhost_dropped"};
	char call[4096], text[2048];
	char *sent;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		skip("no NETLINK_ROUTE socket");
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	if (bind(fd, (struct sockaddr *)&nl, sizeof(nl)))
		fail("bind");
	unsigned lo = if_nametoindex("lo");
	if (!lo)
		skip("no loopback interface");

	struct ifinfomsg get = {.ifi_family = AF_UNSPEC, .ifi_index = (int)lo};
	start(RTM_GETLINK, NLM_F_REQUEST, 1, &get);
	uint32_t mask = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;
	add_attr(IFLA_EXT_MASK, &mask, sizeof(mask));
	add_attr(IFLA_IFNAME, "lo", 3);
	long rc = send_msg(fd, &sent);
	snprintf(call, sizeof(call),
		 "sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, "
		 "nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
		 "ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, ifi_change=0}, "
		 "[[{nla_len=8, nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF|RTEXT_FILTER_SKIP_STATS], "
		 "[{nla_len=7, nla_type=IFLA_IFNAME}, \"lo\"]]], %zu, MSG_DONTWAIT, NULL, 0)",
		 fd, msg_len, msg_len);
	print_line("", call, sprintrc(rc));
	drain(fd);

	/* no interface has this index: the kernel changes nothing */
	struct ifinfomsg set = {.ifi_family = AF_UNSPEC, .ifi_type = ARPHRD_ETHER,
				.ifi_index = 0x7ffffff0,
				.ifi_flags = IFF_UP | IFF_BROADCAST | IFF_MULTICAST,
				.ifi_change = 0xffffffff};
	start(RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK, 2, &set);
	uint32_t mtu = 1500;
	add_attr(IFLA_MTU, &mtu, sizeof(mtu));
	const unsigned char mac[6] = {0x02, 0, 0, 0xab, 0xcd, 0xef};
	add_attr(IFLA_ADDRESS, mac, sizeof(mac));
	uint8_t oper = 6;
	add_attr(IFLA_OPERSTATE, &oper, sizeof(oper));
	uint8_t unknown = 1;
	add_attr(0x43, &unknown, sizeof(unknown));
	struct rtnl_link_ifmap map = {.mem_start = 0x1000, .base_addr = 0x3f8, .irq = 4,
				      .port = 1};
	unsigned map_len = add_attr(IFLA_MAP, &map, sizeof(map));
	uint64_t st[25];
	for (unsigned i = 0; i < 25; i++)
		st[i] = 1000 + i;
	unsigned st_len = add_attr(IFLA_STATS64, st, sizeof(st));
	size_t off = 0;
	for (unsigned i = 0; i < 25; i++)
		off += snprintf(text + off, sizeof(text) - off, "%s%s=%u", i ? ", " : "", stats[i],
				1000 + i);
	rc = send_msg(fd, &sent);
	snprintf(call, sizeof(call),
		 "sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_SETLINK, "
		 "nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=2, nlmsg_pid=0}, "
		 "{ifi_family=AF_UNSPEC, ifi_type=ARPHRD_ETHER, ifi_index=%u, "
		 "ifi_flags=IFF_UP|IFF_BROADCAST|IFF_MULTICAST, ifi_change=0xffffffff}, "
		 "[[{nla_len=8, nla_type=IFLA_MTU}, 1500], "
		 "[{nla_len=10, nla_type=IFLA_ADDRESS}, 02:00:00:ab:cd:ef], "
		 "[{nla_len=5, nla_type=IFLA_OPERSTATE}, 6], "
		 "[{nla_len=5, nla_type=0x43 /* IFLA_??? */}, \"\\x01\"], "
		 "[{nla_len=%u, nla_type=IFLA_MAP}, {mem_start=0x1000, mem_end=0, base_addr=0x3f8, "
		 "irq=4, dma=0, port=1}], "
		 "[{nla_len=%u, nla_type=IFLA_STATS64}, {%s}]]], %zu, MSG_DONTWAIT, NULL, 0)",
		 fd, msg_len, 0x7ffffff0u, map_len, st_len, text, msg_len);
	print_line("", call, sprintrc(rc));
	drain(fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
