/* -yy: socket endpoints of fds: a connected loopback TCP pair, a UNIX socketpair, a UDP socket
 * before and after its automatic bind, and a character device. */
/* TRACE: -yy -e trace=sendto,recvfrom,socketpair,shutdown */
#include "tests.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <stdbool.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>

static unsigned long ino(int fd)
{
	struct stat st;

	if (fstat(fd, &st))
		fail("fstat");
	return (unsigned long)st.st_ino;
}

static unsigned port(int fd, bool peer)
{
	struct sockaddr_in in;
	socklen_t len = sizeof(in);

	if ((peer ? getpeername : getsockname)(fd, (struct sockaddr *)&in, &len))
		fail("getsockname");
	return ntohs(in.sin_port);
}

int main(void)
{
	char call[1024];
	struct sockaddr_in srv = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(srv);
	int l = socket(AF_INET, SOCK_STREAM, 0);
	if (bind(l, (struct sockaddr *)&srv, sizeof(srv)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&srv, &sl))
		fail("listen: %s", strerror(errno));
	int c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&srv, sizeof(srv)))
		fail("connect: %s", strerror(errno));
	int a = accept(l, NULL, NULL);
	unsigned lp = port(a, false), cp = port(c, false);

	long rc = syscall(__NR_sendto, c, "ping", 4, 0, NULL, 0);
	snprintf(call, sizeof(call),
		 "sendto(%d<TCP:[127.0.0.1:%u->127.0.0.1:%u]>, \"ping\", 4, 0, NULL, 0)", c, cp, lp);
	print_line("", call, sprintrc(rc));
	char buf[64];
	rc = syscall(__NR_recvfrom, a, buf, sizeof(buf), 0, NULL, NULL);
	snprintf(call, sizeof(call),
		 "recvfrom(%d<TCP:[127.0.0.1:%u->127.0.0.1:%u]>, \"ping\", 64, 0, NULL, NULL)", a,
		 lp, cp);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shutdown, l, SHUT_RDWR);
	snprintf(call, sizeof(call), "shutdown(%d<TCP:[127.0.0.1:%u]>, SHUT_RDWR)", l,
		 ntohs(srv.sin_port));
	print_line("", call, sprintrc(rc));

	int sv[2];
	rc = syscall(__NR_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	unsigned long i0 = ino(sv[0]), i1 = ino(sv[1]);
	snprintf(call, sizeof(call),
		 "socketpair(AF_UNIX, SOCK_STREAM, 0, [%d<UNIX-STREAM:[%lu->%lu]>, "
		 "%d<UNIX-STREAM:[%lu->%lu]>])", sv[0], i0, i1, sv[1], i1, i0);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shutdown, sv[0], SHUT_WR);
	snprintf(call, sizeof(call), "shutdown(%d<UNIX-STREAM:[%lu->%lu]>, SHUT_WR)", sv[0], i0,
		 i1);
	print_line("", call, sprintrc(rc));

	/* not bound yet when sendto starts: only the inode is known */
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	rc = syscall(__NR_sendto, u, "x", 1, 0, &srv, sizeof(srv));
	snprintf(call, sizeof(call),
		 "sendto(%d<UDP:[%lu]>, \"x\", 1, 0, {sa_family=AF_INET, sin_port=htons(%u), "
		 "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", u, ino(u), ntohs(srv.sin_port));
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_recvfrom, u, buf, sizeof(buf), MSG_DONTWAIT, NULL, NULL);
	snprintf(call, sizeof(call), "recvfrom(%d<UDP:[0.0.0.0:%u]>, %p, 64, MSG_DONTWAIT, NULL, NULL)",
		 u, port(u, false), (void *)buf);
	print_line("", call, sprintrc(rc));

	int dn = open("/dev/null", O_RDONLY);
	struct stat st;
	fstat(dn, &st);
	rc = syscall(__NR_sendto, dn, "x", 1, 0, NULL, 0);
	snprintf(call, sizeof(call), "sendto(%d</dev/null<char %u:%u>>, \"x\", 1, 0, NULL, 0)", dn,
		 major(st.st_rdev), minor(st.st_rdev));
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
