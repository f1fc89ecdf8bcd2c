/* sock_diag reply parser on hand-built netlink messages (inet and unix layouts). */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "net/sockdiag.h"
#include "test-proc-helpers.h"

static char buf[4096] __attribute__((aligned(4)));
static size_t used;

static void *msg(int type, size_t payload)
{
	struct nlmsghdr *h = (struct nlmsghdr *)(buf + used);

	memset(h, 0, NLMSG_SPACE(payload));
	h->nlmsg_len = NLMSG_LENGTH(payload);
	h->nlmsg_type = (uint16_t)type;
	used += NLMSG_SPACE(payload);
	return NLMSG_DATA(h);
}

int main(void)
{
	struct sock_table t = {0};
	const struct sock_entry *s;

	struct inet_diag_msg *m = msg(SOCK_DIAG_BY_FAMILY, sizeof(*m));

	m->idiag_family = AF_INET;
	m->idiag_state = 1;
	m->id.idiag_sport = htons(5432);
	m->id.idiag_dport = htons(40112);
	m->id.idiag_src[0] = htonl(0x7f000001);
	m->id.idiag_dst[0] = htonl(0x7f000001);
	m->idiag_inode = 4242;
	m = msg(SOCK_DIAG_BY_FAMILY, sizeof(*m));
	m->idiag_family = AF_INET6;
	m->idiag_state = 10;
	m->idiag_inode = 4343;
	msg(NLMSG_DONE, 4);
	CHECK(sockdiag_parse(buf, used, AF_INET, IPPROTO_TCP, &t) == 1);
	s = socktab_get(&t, 4242, false);
	CHECK(s && s->family == AF_INET && s->state == 1 && s->lport == 5432 && s->rport == 40112);
	CHECK(s && s->laddr[0] == 127 && s->laddr[3] == 1 && s->proto == IPPROTO_TCP);
	s = socktab_get(&t, 4343, false);
	CHECK(s && s->family == AF_INET6 && s->state == 10);

	/* unix: name (abstract) and peer attributes */
	used = 0;
	size_t name_len = 5, pl = sizeof(struct unix_diag_msg) + RTA_SPACE(name_len) + RTA_SPACE(4);
	struct unix_diag_msg *u = msg(SOCK_DIAG_BY_FAMILY, pl);

	u->udiag_family = AF_UNIX;
	u->udiag_type = SOCK_STREAM;
	u->udiag_state = 1;
	u->udiag_ino = 77;
	struct rtattr *a = (struct rtattr *)(u + 1);

	a->rta_type = UNIX_DIAG_NAME;
	a->rta_len = (unsigned short)RTA_LENGTH(name_len);
	memcpy(RTA_DATA(a), "\0abcd", name_len);
	a = (struct rtattr *)((char *)a + RTA_SPACE(name_len));
	a->rta_type = UNIX_DIAG_PEER;
	a->rta_len = RTA_LENGTH(4);
	uint32_t peer = 78;

	memcpy(RTA_DATA(a), &peer, 4);
	CHECK(sockdiag_parse(buf, used, AF_UNIX, 0, &t) == 0);
	s = socktab_get(&t, 77, false);
	CHECK(s && s->family == AF_UNIX && s->peer == 78 && s->state == UNIX_CONNECTED);
	CHECK_STR(s ? s->path : NULL, "@abcd");

	/* an error reply */
	used = 0;
	struct nlmsgerr *e = msg(NLMSG_ERROR, sizeof(*e));

	e->error = -EPROTONOSUPPORT;
	CHECK(sockdiag_parse(buf, used, AF_INET, IPPROTO_TCP, &t) == -EPROTONOSUPPORT);
	/* truncated message: ignored, not over-read */
	CHECK(sockdiag_parse(buf, 10, AF_INET, IPPROTO_TCP, &t) == 0);
	socktab_free(&t);

	/* the live kernel: our own listening socket must show up */
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(sa);
	struct stat st;

	CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 && listen(fd, 1) == 0);
	getsockname(fd, (struct sockaddr *)&sa, &sl);
	fstat(fd, &st);
	int r = sockdiag_inet(&t, AF_INET, IPPROTO_TCP);

	if (r == -EPROTONOSUPPORT || r == -ENOENT) {
		fprintf(stderr, "no sock_diag for inet here: %s\n", strerror(-r));
	} else {
		CHECK(r == 0);
		s = socktab_get(&t, st.st_ino, false);
		CHECK(s && s->state == 10 && s->lport == ntohs(sa.sin_port));
	}
	socktab_free(&t);
	return failures != 0;
}
