/* recvmsg control messages with receive timestamps: SO_TIMESTAMP (timeval) and
 * SO_TIMESTAMPNS (timespec). */
/* TRACE: -e trace=recvmsg */
#include "tests.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <stdbool.h>
#include <sys/time.h>
#include <time.h>

static void one(int u, struct sockaddr_in *a, int opt, const char *name, bool ns)
{
	char call[1024], data[128];
	int on = 1;

	setsockopt(u, SOL_SOCKET, opt, &on, sizeof(on));
	sendto(u, "x", 1, 0, (struct sockaddr *)a, sizeof(*a));
	char *b = tail_alloc(4);
	union {
		char buf[CMSG_SPACE(sizeof(struct timespec))];
		struct cmsghdr align;
	} *c = tail_alloc(sizeof(*c));
	struct iovec iov = {b, 4};
	struct msghdr *m = tail_alloc(sizeof(*m));
	*m = (struct msghdr){.msg_iov = &iov, .msg_iovlen = 1, .msg_control = c->buf,
			     .msg_controllen = sizeof(c->buf)};
	long rc = syscall(__NR_recvmsg, u, m, 0);
	struct cmsghdr *cm = CMSG_FIRSTHDR(m);
	if (!cm)
		fail("no control message");
	if (ns) {
		struct timespec ts;
		memcpy(&ts, CMSG_DATA(cm), sizeof(ts));
		snprintf(data, sizeof(data), "{tv_sec=%lld, tv_nsec=%llu}", (long long)ts.tv_sec,
			 (unsigned long long)ts.tv_nsec);
	} else {
		struct timeval tv;
		memcpy(&tv, CMSG_DATA(cm), sizeof(tv));
		snprintf(data, sizeof(data), "{tv_sec=%lld, tv_usec=%llu}", (long long)tv.tv_sec,
			 (unsigned long long)tv.tv_usec);
	}
	snprintf(call, sizeof(call),
		 "recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=4}], "
		 "msg_iovlen=1, msg_control=[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=%s, "
		 "cmsg_data=%s}], msg_controllen=%zu, msg_flags=0}, 0)",
		 u, (size_t)cm->cmsg_len, name, data, (size_t)m->msg_controllen);
	print_line("", call, sprintrc(rc));
	on = 0;
	setsockopt(u, SOL_SOCKET, opt, &on, sizeof(on));
}

int main(void)
{
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof(a);
	if (bind(u, (struct sockaddr *)&a, sizeof(a)) || getsockname(u, (struct sockaddr *)&a, &al))
		fail("bind");
	one(u, &a, SO_TIMESTAMP, "SO_TIMESTAMP_OLD", false);
	one(u, &a, SO_TIMESTAMPNS, "SO_TIMESTAMPNS_OLD", true);
	printf("+++ exited with 0 +++\n");
	return 0;
}
