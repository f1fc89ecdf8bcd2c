/* sendto and recvfrom on UDP over loopback: addresses, flags, -s cut, failures. */
/* TRACE: -e trace=sendto,recvfrom */
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
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in self = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(self);
	if (bind(u, (struct sockaddr *)&self, sizeof(self)) ||
	    getsockname(u, (struct sockaddr *)&self, &sl))
		fail("bind: %s", strerror(errno));

	struct sockaddr_in *dst = tail_alloc(sizeof(*dst));
	*dst = self;
	char *msg = tail_alloc(5);
	memcpy(msg, "hello", 5);
	long rc = syscall(__NR_sendto, u, msg, 5, MSG_DONTWAIT | MSG_NOSIGNAL, dst, sizeof(*dst));
	snprintf(call, sizeof(call), "sendto(%d, \"hello\", 5, MSG_DONTWAIT|MSG_NOSIGNAL, %s, 16)", u,
		 in_text(dst));
	print_line("", call, sprintrc(rc));

	char *big = tail_alloc(40);
	memset(big, 'a', 40);
	big[3] = '\n';
	rc = syscall(__NR_sendto, u, big, 40, 0, dst, sizeof(*dst));
	snprintf(call, sizeof(call), "sendto(%d, %s..., 40, 0, %s, 16)", u, quote(big, 32),
		 in_text(dst));
	print_line("", call, sprintrc(rc));

	char *buf = tail_alloc(64);
	struct sockaddr_storage *from = tail_alloc(sizeof(*from));
	socklen_t *len = tail_alloc(sizeof(*len));
	*len = sizeof(*from);
	rc = syscall(__NR_recvfrom, u, buf, 64, 0, from, len);
	snprintf(call, sizeof(call), "recvfrom(%d, \"hello\", 64, 0, %s, [128 => 16])", u,
		 in_text((struct sockaddr_in *)from));
	print_line("", call, sprintrc(rc));
	/* the datagram is longer than the buffer: MSG_TRUNC returns its real length */
	rc = syscall(__NR_recvfrom, u, buf, 8, MSG_TRUNC, NULL, NULL);
	snprintf(call, sizeof(call), "recvfrom(%d, %s, 8, MSG_TRUNC, NULL, NULL)", u,
		 quote(buf, 8));
	print_line("", call, sprintrc(rc));

	*len = sizeof(*from);
	rc = syscall(__NR_recvfrom, u, buf, 64, MSG_DONTWAIT, from, len);
	snprintf(call, sizeof(call), "recvfrom(%d, %p, 64, MSG_DONTWAIT, %p, [128])", u,
		 (void *)buf, (void *)from);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_recvfrom, u, buf, 64, MSG_DONTWAIT | MSG_PEEK, NULL, NULL);
	snprintf(call, sizeof(call), "recvfrom(%d, %p, 64, MSG_PEEK|MSG_DONTWAIT, NULL, NULL)", u,
		 (void *)buf);
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_sendto, -1, NULL, 0, MSG_OOB | 0x100000, NULL, 0);
	print_line("", "sendto(-1, NULL, 0, MSG_OOB|0x100000, NULL, 0)", sprintrc(rc));
	rc = syscall(__NR_sendto, -1, msg + 5, 3, 0, NULL, 0);
	snprintf(call, sizeof(call), "sendto(-1, %p, 3, 0, NULL, 0)", (void *)(msg + 5));
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
