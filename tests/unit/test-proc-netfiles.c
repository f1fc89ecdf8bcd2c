/* /proc/net/{tcp,tcp6,udp,unix,netlink,packet} parsers on captured lines. */
#include <netinet/in.h>
#include <sys/socket.h>

#include "proc/netfiles.h"
#include "test-proc-helpers.h"

static const char tcp[] =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode\n"
    "   0: 0100007F:D7A1 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0  "
    "      0 34684 1 0000000000000000 100 0 0 10 0\n"
    "   1: 0100007F:D4CA 0100007F:D7A1 01 00000000:00000000 00:00000000 00000000     0  "
    "      0 34685 1 0000000000000000 20 4 30 10 -1\n"
    "   2: 0100007F:D4CB 0100007F:D7A1 06 00000000:00000000 03:00001771 00000000     0  "
    "      0 0 3 0000000000000000\n";

static const char tcp6[] =
    "  sl  local_address                         remote_address                        st "
    "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000000000000000000001000000:E45B 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000     0        0 34687 1 0000000000000000 100 0 0 "
    "10 0\n";

static const char udp[] =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode ref pointer drops\n"
    "  123: 0100007F:EBCF 00000000:0000 07 00000000:00000000 00:00000000 00000000     0  "
    "      0 34690 2 0000000000000000 0\n";

static const char unx[] =
    "Num       RefCount Protocol Flags    Type St Inode Path\n"
    "0000000066ebcab4: 00000002 00000000 00010000 0001 01 34694 /tmp/mkfds.x/sock\n"
    "00000000f0662fd3: 00000003 00000000 00000000 0001 03 34695\n"
    "00000000a740dd6c: 00000002 00000000 00000000 0002 01 34699 @abstract name\n";

static const char netlink[] =
    "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
    "0000000012345678 0   19205      00000000 0        0        0     2        0        34702\n"
    "0000000012345679 15  -4000      00000001 0        0        0     2        0        99\n";

static const char packet[] = "sk               RefCnt Type Proto  Iface R Rmem   User   Inode\n"
			     "00000000abcdef01 3      3    0003   0     1 0      0      34703\n";

int main(void)
{
	struct sock_table t = {0};
	const struct sock_entry *s;
	FILE *f;

	f = text_file(tcp);
	CHECK(proc_net_inet_parse(f, AF_INET, IPPROTO_TCP, &t) == 0);
	fclose(f);
	s = socktab_get(&t, 34684, false);
	CHECK(s && s->family == AF_INET && s->state == 10 && s->lport == 0xD7A1 && s->rport == 0);
	CHECK(s && s->laddr[0] == 127 && s->laddr[1] == 0 && s->laddr[3] == 1);
	s = socktab_get(&t, 34685, false);
	CHECK(s && s->state == 1 && s->rport == 0xD7A1 && s->raddr[0] == 127 &&
	      s->type == SOCK_STREAM);
	CHECK(socktab_get(&t, 0, false) == NULL); /* TIME_WAIT has no inode */
	CHECK(t.n == 2);

	f = text_file(tcp6);
	CHECK(proc_net_inet_parse(f, AF_INET6, IPPROTO_TCP, &t) == 0);
	fclose(f);
	s = socktab_get(&t, 34687, false);
	CHECK(s && s->family == AF_INET6 && s->laddr[15] == 1 && s->laddr[0] == 0 &&
	      s->lport == 0xE45B);

	f = text_file(udp);
	CHECK(proc_net_inet_parse(f, AF_INET, IPPROTO_UDP, &t) == 0);
	fclose(f);
	s = socktab_get(&t, 34690, false);
	CHECK(s && s->proto == IPPROTO_UDP && s->type == SOCK_DGRAM && s->lport == 0xEBCF);

	f = text_file(unx);
	CHECK(proc_net_unix_parse(f, &t) == 0);
	fclose(f);
	s = socktab_get(&t, 34694, false);
	CHECK(s && s->family == AF_UNIX && s->state == UNIX_LISTEN && s->type == SOCK_STREAM &&
	      s->kaddr == 0x66ebcab4);
	CHECK_STR(s ? s->path : NULL, "/tmp/mkfds.x/sock");
	s = socktab_get(&t, 34695, false);
	CHECK(s && s->state == UNIX_CONNECTED && s->path == NULL);
	s = socktab_get(&t, 34699, false);
	CHECK(s && s->type == SOCK_DGRAM && s->state == UNIX_UNCONNECTED);
	CHECK_STR(s ? s->path : NULL, "@abstract name");

	f = text_file(netlink);
	CHECK(proc_net_netlink_parse(f, &t) == 0);
	fclose(f);
	s = socktab_get(&t, 34702, false);
	CHECK(s && s->family == AF_NETLINK && s->proto == 0);
	s = socktab_get(&t, 99, false);
	CHECK(s && s->proto == 15);

	f = text_file(packet);
	CHECK(proc_net_packet_parse(f, &t) == 0);
	fclose(f);
	s = socktab_get(&t, 34703, false);
	CHECK(s && s->family == AF_PACKET && s->proto == 3 && s->type == SOCK_RAW);

	CHECK_STR(tcp_state_name(10), "LISTEN");
	CHECK(tcp_state_name(0) == NULL && tcp_state_name(99) == NULL);

	/* growth keeps every entry findable */
	for (uint64_t i = 1; i <= 5000; i++)
		CHECK(socktab_get(&t, 1000000 + i, true) != NULL);
	for (uint64_t i = 1; i <= 5000; i++)
		CHECK(socktab_get(&t, 1000000 + i, false) != NULL);
	CHECK(socktab_get(&t, 34694, false) != NULL);
	socktab_free(&t);
	return failures != 0;
}
