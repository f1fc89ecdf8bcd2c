/* -X verbose: socket constants with their numbers, ports and addresses with their bytes. */
/* TRACE: -X verbose -e trace=socket,connect,setsockopt,shutdown */
#include "tests.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

int main(void)
{
	char call[512];
	long rc = syscall(__NR_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	print_line("", "socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */, "
		       "0x6 /* IPPROTO_TCP */)", sprintrc(rc));
	int fd = (int)rc;
	struct sockaddr_in *in = tail_alloc(sizeof(*in));
	in->sin_family = AF_INET;
	in->sin_port = htons(1);
	in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rc = syscall(__NR_connect, -1, in, sizeof(*in));
	print_line("", "connect(-1, {sa_family=0x2 /* AF_INET */, sin_port=\"\\x00\\x01\" /* htons(1) */, "
		       "sin_addr=\"\\x7f\\x00\\x00\\x01\" /* inet_addr(\"127.0.0.1\") */}, 16)",
		   sprintrc(rc));
	int *one = tail_alloc(sizeof(int));
	*one = 1;
	rc = syscall(__NR_setsockopt, fd, SOL_SOCKET, SO_REUSEADDR, one, sizeof(int));
	snprintf(call, sizeof(call),
		 "setsockopt(%d, 0x1 /* SOL_SOCKET */, 0x2 /* SO_REUSEADDR */, [1], 4)", fd);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shutdown, fd, 9);
	snprintf(call, sizeof(call), "shutdown(%d, 0x9 /* SHUT_??? */)", fd);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
