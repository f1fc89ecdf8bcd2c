/* -y decorates fds in arguments and inside structures (pollfd, fd sets); -xx prints data in hex. */
/* TRACE: -e trace=read,poll,select -y -xx */
/* FROM: read(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/syscall.h>

int main(void)
{
	char *buf = tail_alloc(4);
	long rc = syscall(__NR_read, -1, buf, 4);
	line(sprintrc(rc), "read(-1, %p, 4)", buf);
	int fd = open("/dev/zero", O_RDONLY);
	if (fd < 0)
		fail("open");
	/* -xx: the path in hex too */
	const char *zero = "\\x2f\\x64\\x65\\x76\\x2f\\x7a\\x65\\x72\\x6f";
	rc = syscall(__NR_read, fd, buf, 4);
	line(sprintrc(rc), "read(%d<%s>, \"\\x00\\x00\\x00\\x00\", 4)", fd, zero);
	struct pollfd *pfd = tail_alloc(sizeof(*pfd));
	*pfd = (struct pollfd){fd, POLLIN, 0};
	rc = syscall(__NR_poll, pfd, 1, 0);
	char ret[128];
	snprintf(ret, sizeof(ret), "%ld ([{fd=%d, revents=POLLIN}])", rc, fd);
	line(ret, "poll([{fd=%d<%s>, events=POLLIN}], 1, 0)", fd, zero);
	fd_set *r = tail_alloc(sizeof(*r));
	FD_ZERO(r);
	FD_SET(fd, r);
	rc = syscall(__NR_select, fd + 1, r, NULL, NULL, NULL);
	snprintf(ret, sizeof(ret), "%ld (in [%d])", rc, fd);
	line(ret, "select(%d, [%d<%s>], NULL, NULL, NULL)", fd + 1, fd, zero);
	printf("+++ exited with 0 +++\n");
	return 0;
}
