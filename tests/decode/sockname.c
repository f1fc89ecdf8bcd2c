/* bind, listen, getsockname, getpeername, accept, accept4 on a loopback TCP connection: the
 * in/out address length ([128 => 16], [16]), failures, short buffers. */
/* TRACE: -e trace=bind,listen,getsockname,getpeername,accept,accept4 */
#include "tests.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static const char *in_text(const struct sockaddr_in *in)
{
	static char buf[2][128];
	static int i;

	i ^= 1;
	snprintf(buf[i], sizeof(buf[i]),
		 "{sa_family=AF_INET, sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}",
		 ntohs(in->sin_port), inet_ntoa(in->sin_addr));
	return buf[i];
}

int main(void)
{
	char call[1024];
	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in *in = tail_alloc(sizeof(*in));
	in->sin_family = AF_INET;
	in->sin_port = 0;
	in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	long rc = syscall(__NR_bind, l, in, sizeof(*in));
	snprintf(call, sizeof(call), "bind(%d, %s, 16)", l, in_text(in));
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_listen, l, 7);
	snprintf(call, sizeof(call), "listen(%d, 7)", l);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_listen, -1, -1);
	print_line("", "listen(-1, -1)", sprintrc(rc));

	struct sockaddr_storage *ss = tail_alloc(sizeof(*ss));
	socklen_t *len = tail_alloc(sizeof(*len));
	*len = sizeof(*ss);
	rc = syscall(__NR_getsockname, l, ss, len);
	snprintf(call, sizeof(call), "getsockname(%d, %s, [128 => 16])", l,
		 in_text((struct sockaddr_in *)ss));
	print_line("", call, sprintrc(rc));
	struct sockaddr_in srv = *(struct sockaddr_in *)ss;

	/* a short buffer: the kernel cuts the address and returns the full length */
	*len = 4;
	rc = syscall(__NR_getsockname, l, ss, len);
	snprintf(call, sizeof(call), "getsockname(%d, {sa_family=AF_INET, sa_data=%s}, [4 => 16])",
		 l, quote((const char *)ss + 2, 2));
	print_line("", call, sprintrc(rc));

	*len = sizeof(*ss);
	rc = syscall(__NR_getsockname, -1, ss, len);
	snprintf(call, sizeof(call), "getsockname(-1, %p, [128])", (void *)ss);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_getsockname, l, ss, NULL);
	snprintf(call, sizeof(call), "getsockname(%d, %p, NULL)", l, (void *)ss);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_getsockname, l, ss, len + 1);
	snprintf(call, sizeof(call), "getsockname(%d, %p, %p)", l, (void *)ss, (void *)(len + 1));
	print_line("", call, sprintrc(rc));

	int c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&srv, sizeof(srv)))
		fail("connect: %s", strerror(errno));
	struct sockaddr_in cli;
	socklen_t clen = sizeof(cli);
	getsockname(c, (struct sockaddr *)&cli, &clen); /* traced: printed below */
	snprintf(call, sizeof(call), "getsockname(%d, %s, [16])", c, in_text(&cli));
	print_line("", call, "0");

	*len = sizeof(*ss);
	rc = syscall(__NR_accept4, l, ss, len, SOCK_CLOEXEC | SOCK_NONBLOCK);
	snprintf(call, sizeof(call), "accept4(%d, %s, [128 => 16], SOCK_CLOEXEC|SOCK_NONBLOCK)", l,
		 in_text((struct sockaddr_in *)ss));
	print_line("", call, sprintrc(rc));
	int a = (int)rc;

	*len = sizeof(struct sockaddr_in);
	rc = syscall(__NR_getpeername, a, ss, len);
	snprintf(call, sizeof(call), "getpeername(%d, %s, [16])", a,
		 in_text((struct sockaddr_in *)ss));
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_getpeername, l, ss, len);
	snprintf(call, sizeof(call), "getpeername(%d, %p, [16])", l, (void *)ss);
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_accept, -1, NULL, NULL);
	print_line("", "accept(-1, NULL, NULL)", sprintrc(rc));
	rc = syscall(__NR_accept4, -1, NULL, NULL, 0x40000000);
	print_line("", "accept4(-1, NULL, NULL, 0x40000000 /* SOCK_??? */)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
