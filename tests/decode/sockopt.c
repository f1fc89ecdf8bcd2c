/* setsockopt and getsockopt: SOL_SOCKET int options, SO_LINGER, SO_ERROR, SO_PEERCRED, TCP,
 * IP and IPv6 options, unknown levels and names, short and failed buffers. */
/* TRACE: -e trace=setsockopt,getsockopt */
#include "tests.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static long so(int nr, int fd, int level, int name, void *val, long len)
{
	return syscall(nr, fd, level, name, val, len);
}

int main(void)
{
	char call[512];
	int t = socket(AF_INET, SOCK_STREAM, 0);
	int *iv = tail_alloc(sizeof(int));
	socklen_t *len = tail_alloc(sizeof(*len));

	*iv = 1;
	long rc = so(__NR_setsockopt, t, SOL_SOCKET, SO_REUSEADDR, iv, sizeof(int));
	snprintf(call, sizeof(call), "setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4)", t);
	print_line("", call, sprintrc(rc));
	*iv = 65536;
	rc = so(__NR_setsockopt, t, SOL_SOCKET, SO_SNDBUF, iv, sizeof(int));
	snprintf(call, sizeof(call), "setsockopt(%d, SOL_SOCKET, SO_SNDBUF, [65536], 4)", t);
	print_line("", call, sprintrc(rc));
	rc = so(__NR_setsockopt, t, SOL_SOCKET, SO_KEEPALIVE, iv, 2);
	snprintf(call, sizeof(call), "setsockopt(%d, SOL_SOCKET, SO_KEEPALIVE, %p, 2)", t,
		 (void *)iv);
	print_line("", call, sprintrc(rc));
	*iv = 1;
	rc = so(__NR_setsockopt, t, IPPROTO_TCP, TCP_NODELAY, iv, sizeof(int));
	snprintf(call, sizeof(call), "setsockopt(%d, SOL_TCP, TCP_NODELAY, [1], 4)", t);
	print_line("", call, sprintrc(rc));
	*iv = 64;
	rc = so(__NR_setsockopt, t, IPPROTO_IP, IP_TTL, iv, sizeof(int));
	snprintf(call, sizeof(call), "setsockopt(%d, SOL_IP, IP_TTL, [64], 4)", t);
	print_line("", call, sprintrc(rc));
	char *cc = tail_alloc(5);
	memcpy(cc, "cubic", 5);
	rc = so(__NR_setsockopt, t, IPPROTO_TCP, TCP_CONGESTION, cc, 5);
	snprintf(call, sizeof(call), "setsockopt(%d, SOL_TCP, TCP_CONGESTION, \"cubic\", 5)", t);
	print_line("", call, sprintrc(rc));

	struct linger *lg = tail_alloc(sizeof(*lg));
	*lg = (struct linger){1, 5};
	rc = so(__NR_setsockopt, t, SOL_SOCKET, SO_LINGER, lg, sizeof(*lg));
	snprintf(call, sizeof(call),
		 "setsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8)", t);
	print_line("", call, sprintrc(rc));

	struct ip_mreq *mr = tail_alloc(sizeof(*mr));
	int ud = socket(AF_INET, SOCK_DGRAM, 0);
	inet_pton(AF_INET, "224.0.0.251", &mr->imr_multiaddr);
	mr->imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	rc = so(__NR_setsockopt, ud, IPPROTO_IP, IP_ADD_MEMBERSHIP, mr, sizeof(*mr));
	snprintf(call, sizeof(call),
		 "setsockopt(%d, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.251\"), "
		 "imr_interface=inet_addr(\"127.0.0.1\")}, 8)", ud);
	print_line("", call, sprintrc(rc));

	int s6 = socket(AF_INET6, SOCK_STREAM, 0);
	*iv = 1;
	rc = so(__NR_setsockopt, s6, IPPROTO_IPV6, IPV6_V6ONLY, iv, sizeof(int));
	snprintf(call, sizeof(call), "setsockopt(%d, SOL_IPV6, IPV6_V6ONLY, [1], 4)", s6);
	print_line("", call, sprintrc(rc));

	rc = so(__NR_setsockopt, -1, 12345, 678, NULL, 0);
	print_line("", "setsockopt(-1, 0x3039 /* SOL_?? */, 678, NULL, 0)", sprintrc(rc));
	rc = so(__NR_setsockopt, -1, SOL_SOCKET, 9999, NULL, 4);
	print_line("", "setsockopt(-1, SOL_SOCKET, 0x270f /* SO_??? */, NULL, 4)", sprintrc(rc));

	*len = sizeof(int);
	rc = so(__NR_getsockopt, t, SOL_SOCKET, SO_ERROR, iv, (long)len);
	snprintf(call, sizeof(call), "getsockopt(%d, SOL_SOCKET, SO_ERROR, [0], [4])", t);
	print_line("", call, sprintrc(rc));
	*len = sizeof(int);
	rc = so(__NR_getsockopt, t, SOL_SOCKET, SO_TYPE, iv, (long)len);
	snprintf(call, sizeof(call), "getsockopt(%d, SOL_SOCKET, SO_TYPE, [%d], [4])", t, *iv);
	print_line("", call, sprintrc(rc));
	*len = 8;
	rc = so(__NR_getsockopt, t, SOL_SOCKET, SO_LINGER, lg, (long)len);
	snprintf(call, sizeof(call),
		 "getsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=%d, l_linger=%d}, [8])", t,
		 lg->l_onoff, lg->l_linger);
	print_line("", call, sprintrc(rc));
	*len = 2;
	rc = so(__NR_getsockopt, t, SOL_SOCKET, SO_RCVBUF, iv, (long)len);
	snprintf(call, sizeof(call), "getsockopt(%d, SOL_SOCKET, SO_RCVBUF, \"\\x%02x\\x%02x\", [2])",
		 t, ((unsigned char *)iv)[0], ((unsigned char *)iv)[1]);
	print_line("", call, sprintrc(rc));

	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	struct ucred *uc = tail_alloc(sizeof(*uc));
	*len = 64;
	rc = so(__NR_getsockopt, sv[0], SOL_SOCKET, SO_PEERCRED, uc, (long)len);
	snprintf(call, sizeof(call),
		 "getsockopt(%d, SOL_SOCKET, SO_PEERCRED, {pid=%d, uid=%u, gid=%u}, [64 => 12])",
		 sv[0], getpid(), getuid(), getgid());
	print_line("", call, sprintrc(rc));

	*len = sizeof(int);
	rc = so(__NR_getsockopt, -1, SOL_SOCKET, SO_ERROR, iv, (long)len);
	snprintf(call, sizeof(call), "getsockopt(-1, SOL_SOCKET, SO_ERROR, %p, [4])", (void *)iv);
	print_line("", call, sprintrc(rc));
	rc = so(__NR_getsockopt, t, SOL_SOCKET, SO_ERROR, iv, 0);
	snprintf(call, sizeof(call), "getsockopt(%d, SOL_SOCKET, SO_ERROR, %p, NULL)", t,
		 (void *)iv);
	print_line("", call, sprintrc(rc));
	*len = sizeof(int);
	rc = so(__NR_getsockopt, t, SOL_TCP, TCP_MAXSEG, iv, (long)len);
	snprintf(call, sizeof(call), "getsockopt(%d, SOL_TCP, TCP_MAXSEG, [%d], [4])", t, *iv);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
