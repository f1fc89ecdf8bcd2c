/* -X raw: socket constants as numbers, ports and addresses as bytes. */
/* TRACE: -X raw -e trace=socket,bind */
#include "tests.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_socket, AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	print_line("", "socket(0xa, 0x2|0x800, 0)", sprintrc(rc));
	struct sockaddr_in6 *in6 = tail_alloc(sizeof(*in6));
	memset(in6, 0, sizeof(*in6));
	in6->sin6_family = AF_INET6;
	in6->sin6_port = htons(0x1234);
	in6->sin6_addr = in6addr_loopback;
	rc = syscall(__NR_bind, -1, in6, sizeof(*in6));
	print_line("", "bind(-1, {sa_family=0xa, sin6_port=\"\\x12\\x34\", "
		       "sin6_flowinfo=\"\\x00\\x00\\x00\\x00\", sin6_addr=\"\\x00\\x00\\x00\\x00\\x00"
		       "\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\", sin6_scope_id=0}, 28)",
		   sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
