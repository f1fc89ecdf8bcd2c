/* The /proc/net fallback of -yy: captured /proc/net/{tcp,tcp6,udp,unix,netlink} text in,
 * strace's endpoint text out. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "trace/sockdiag.h"
#include "unit.h"

static const char tcp[] =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode\n"
    "   0: 0100007F:EA3F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0    "
    "    0 109659 1 00000000aadddabf 100 0 0 10 0\n"
    "   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0    "
    "    0 115 1 00000000e02620ca 100 0 0 10 0\n"
    "   2: 0100007F:E89C 0100007F:9B95 01 00000000:00000000 00:00000000 00000000  1000    "
    "    0 4242 1 0000000012345678 20 4 30 10 -1\n";

static const char tcp6[] =
    "  sl  local_address                         remote_address                        st "
    "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000000000000000000001000000:E46B 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000     0        0 34687 1 00000000c99c40b1 100 0 0 "
    "10 0\n"
    "   1: 0000000000000000FFFF00000100007F:0050 0000000000000000FFFF00000100007F:C001 01 "
    "00000000:00000000 00:00000000 00000000     0        0 777 1 00000000f529c07d 100 0 0 "
    "10 0\n";

static const char udp[] =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode ref pointer drops\n"
    " 4204: 0100007F:862B 0100007F:EB5F 01 00000000:00000000 00:00000000 00000000     0    "
    "    0 34691 2 00000000e9159090 0\n"
    " 4977: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0    "
    "    0 311751 2 00000000b7ab02fa 0\n";

static const char unix_[] =
    "Num       RefCount Protocol Flags    Type St Inode Path\n"
    "0000000066ebcab4: 00000002 00000000 00010000 0001 01 34694 /tmp/mkfds.tmoWqE/sock\n"
    "0000000090009a1d: 00000003 00000000 00000000 0001 03 109672\n"
    "00000000a740dd6c: 00000002 00000000 00000000 0002 01 34699 @abstract\n"
    "00000000a740dd6d: 00000002 00000000 00000000 0002 01 34700 /run/with \"quote\"\n";

static const char netlink[] =
    "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
    "0000000012107a22 0   19766      00000000 0        0        0     2        0        109677\n"
    "000000001724dfd3 4   10610      00000000 0        0        0     2        0        311763\n"
    "000000001724dfd4 99  0          00000000 0        0        0     2        0        311764\n";

/* runs one parser on text and returns what it appended, or "(not found)" */
static const char *find(const char *text, int kind, int family, unsigned long inode,
			const char *proto)
{
	static struct strbuf out;
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	bool found;

	sb_reset(&out);
	if (kind == 0)
		found = procnet_inet_find(f, family, inode, proto, &out);
	else if (kind == 1)
		found = procnet_unix_find(f, inode, proto, &out);
	else
		found = procnet_netlink_find(f, inode, proto, &out);
	fclose(f);
	return found ? out.buf : "(not found)";
}

int main(void)
{
	CHECK_STR(find(tcp, 0, AF_INET, 109659, "TCP"), "TCP:[127.0.0.1:59967]");
	CHECK_STR(find(tcp, 0, AF_INET, 115, "TCP"), "TCP:[0.0.0.0:2024]");
	CHECK_STR(find(tcp, 0, AF_INET, 4242, "TCP"), "TCP:[127.0.0.1:59548->127.0.0.1:39829]");
	CHECK_STR(find(tcp, 0, AF_INET, 4243, "TCP"), "(not found)");
	CHECK_STR(find(tcp, 0, AF_INET, 0, "TCP"), "(not found)"); /* the header line */
	CHECK_STR(find(tcp6, 0, AF_INET6, 34687, "TCPv6"), "TCPv6:[[::1]:58475]");
	CHECK_STR(find(tcp6, 0, AF_INET6, 777, "TCPv6"),
		  "TCPv6:[[::ffff:127.0.0.1]:80->[::ffff:127.0.0.1]:49153]");
	/* a tcp line is not a tcp6 line */
	CHECK_STR(find(tcp, 0, AF_INET6, 4242, "TCPv6"), "(not found)");
	CHECK_STR(find(udp, 0, AF_INET, 34691, "UDP"), "UDP:[127.0.0.1:34347->127.0.0.1:60255]");
	CHECK_STR(find(udp, 0, AF_INET, 311751, "UDP"), "UDP:[0.0.0.0:68]");
	CHECK_STR(find(unix_, 1, 0, 34694, "UNIX-STREAM"),
		  "UNIX-STREAM:[34694,\"/tmp/mkfds.tmoWqE/sock\"]");
	/* without a path /proc/net/unix knows nothing to print (it has no peers) */
	CHECK_STR(find(unix_, 1, 0, 109672, "UNIX-STREAM"), "(not found)");
	CHECK_STR(find(unix_, 1, 0, 34699, "UNIX"), "UNIX:[34699,@\"abstract\"]");
	CHECK_STR(find(unix_, 1, 0, 34700, "UNIX"), "UNIX:[34700,\"/run/with \\\"quote\\\"\"]");
	CHECK_STR(find(netlink, 2, 0, 109677, "NETLINK"), "NETLINK:[ROUTE:19766]");
	CHECK_STR(find(netlink, 2, 0, 311763, "NETLINK"), "NETLINK:[SOCK_DIAG:10610]");
	CHECK_STR(find(netlink, 2, 0, 311764, "NETLINK"), "NETLINK:[99]");
	CHECK_STR(find("garbage\n\n: : :\n", 0, AF_INET, 1, "TCP"), "(not found)");
	CHECK_STR(find("", 1, 0, 1, "UNIX"), "(not found)");
	UNIT_DONE();
}
