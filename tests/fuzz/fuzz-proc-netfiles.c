/* Fuzzes the /proc/net/{tcp,tcp6,udp,unix,netlink,packet} parsers: every input goes to each. */
#include <netinet/in.h>
#include <sys/socket.h>

#include "fuzz-proc-text.h"
#include "proc/netfiles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sock_table t = {0};
	FILE *f = fuzz_file(data, size);

	if (!f)
		return 0;
	(void)proc_net_inet_parse(f, AF_INET, IPPROTO_TCP, &t);
	rewind(f);
	(void)proc_net_inet_parse(f, AF_INET6, IPPROTO_UDP, &t);
	rewind(f);
	(void)proc_net_unix_parse(f, &t);
	rewind(f);
	(void)proc_net_netlink_parse(f, &t);
	rewind(f);
	(void)proc_net_packet_parse(f, &t);
	fclose(f);
	socktab_free(&t);
	return 0;
}
