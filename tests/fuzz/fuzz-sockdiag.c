/* Fuzzes the /proc/net parsers of -yy (trace/sockdiag.c): tcp/udp (v4 and v6), unix,
 * netlink text. The first byte picks the parser and the inode to look for. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "trace/sockdiag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf out = {0};

	if (size < 2)
		return 0;
	unsigned which = data[0] % 4;
	unsigned long inode = data[0] / 4; /* small inodes appear in the corpus */
	FILE *f = fmemopen((void *)(data + 1), size - 1, "r");
	if (!f)
		return 0;
	switch (which) {
	case 0:
		procnet_inet_find(f, AF_INET, inode, "TCP", &out);
		break;
	case 1:
		procnet_inet_find(f, AF_INET6, inode, "TCPv6", &out);
		break;
	case 2:
		procnet_unix_find(f, inode, "UNIX", &out);
		break;
	default:
		procnet_netlink_find(f, inode, "NETLINK", &out);
	}
	fclose(f);
	sb_free(&out);
	return 0;
}
