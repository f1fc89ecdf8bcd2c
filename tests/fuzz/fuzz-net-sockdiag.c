/* Fuzzes the sock_diag reply parser; the first byte picks the inet or the unix layout. */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fuzz-proc-text.h"
#include "net/sockdiag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sock_table t = {0};
	void *buf;

	if (size < 1)
		return 0;
	/* netlink messages are 4-byte aligned in the kernel's buffer */
	buf = aligned_alloc(4, (size + 3) & ~(size_t)3);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	(void)sockdiag_parse(buf, size - 1, data[0] & 1 ? AF_UNIX : AF_INET,
			     data[0] & 2 ? IPPROTO_UDP : IPPROTO_TCP, &t);
	free(buf);
	socktab_free(&t);
	return 0;
}
