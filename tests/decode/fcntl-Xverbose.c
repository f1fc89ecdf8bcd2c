/* -X verbose: commands, flags and the flags after a return value as numbers with comments;
 * F_GETFL's text stays abbreviated, as in strace. */
/* TRACE: -e trace=fcntl,poll -X verbose */
/* FROM: fcntl(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_fcntl, -1, F_GETFD, 0);
	line(sprintrc(rc), "fcntl(-1, 0x1 /* F_GETFD */)");
	int p[2];
	if (pipe(p))
		fail("pipe");
	rc = syscall(__NR_fcntl, p[0], F_SETFD, FD_CLOEXEC);
	line(sprintrc(rc), "fcntl(%d, 0x2 /* F_SETFD */, 0x1 /* FD_CLOEXEC */)", p[0]);
	rc = syscall(__NR_fcntl, p[0], F_GETFD, 0);
	line("0x1 (flags 0x1 /* FD_CLOEXEC */)", "fcntl(%d, 0x1 /* F_GETFD */)", p[0]);
	rc = syscall(__NR_fcntl, p[1], F_SETFL, O_NONBLOCK);
	line(sprintrc(rc), "fcntl(%d, 0x4 /* F_SETFL */, 0x800 /* O_RDONLY|O_NONBLOCK */)", p[1]);
	rc = syscall(__NR_fcntl, p[1], F_GETFL, 0);
	line("0x801 (flags O_WRONLY|O_NONBLOCK)", "fcntl(%d, 0x3 /* F_GETFL */)", p[1]);
	struct pollfd *pfd = tail_alloc(sizeof(*pfd));
	*pfd = (struct pollfd){p[1], POLLOUT, 0};
	rc = syscall(__NR_poll, pfd, 1, 0);
	char ret[128];
	snprintf(ret, sizeof(ret), "%ld ([{fd=%d, revents=0x4 /* POLLOUT */}])", rc, p[1]);
	line(ret, "poll([{fd=%d, events=0x4 /* POLLOUT */}], 1, 0)", p[1]);
	printf("+++ exited with 0 +++\n");
	return 0;
}
