/* poll and ppoll: the pollfd array at entry, what became ready after the return value. */
/* TRACE: -e trace=poll,ppoll */
/* FROM: poll(NULL, */
#include "desc-tests.h"
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	long rc = syscall(__NR_poll, NULL, 0, 0);
	line("0 (Timeout)", "poll(NULL, 0, 0)");
	int p[2];
	if (pipe(p))
		fail("pipe");
	struct pollfd *pfd = tail_alloc(3 * sizeof(*pfd));
	pfd[0] = (struct pollfd){p[0], POLLIN | POLLPRI, 0};
	pfd[1] = (struct pollfd){-1, POLLIN, 0};
	pfd[2] = (struct pollfd){p[1], POLLOUT | 0x4000, 0};
	rc = syscall(__NR_poll, pfd, 3, 0);
	char ret[256];
	snprintf(ret, sizeof(ret), "%ld ([{fd=%d, revents=POLLOUT}])", rc, p[1]);
	line(ret, "poll([{fd=%d, events=POLLIN|POLLPRI}, {fd=-1}, {fd=%d, events=POLLOUT|0x4000}], 3, 0)",
	     p[0], p[1]);
	write(p[1], "x", 1);
	rc = syscall(__NR_poll, pfd, 3, 10);
	snprintf(ret, sizeof(ret), "%ld ([{fd=%d, revents=POLLIN}, {fd=%d, revents=POLLOUT}])", rc,
		 p[0], p[1]);
	line(ret, "poll([{fd=%d, events=POLLIN|POLLPRI}, {fd=-1}, {fd=%d, events=POLLOUT|0x4000}], 3, 10)",
	     p[0], p[1]);
	rc = syscall(__NR_poll, pfd, 1, -1);
	snprintf(ret, sizeof(ret), "%ld ([{fd=%d, revents=POLLIN}])", rc, p[0]);
	line(ret, "poll([{fd=%d, events=POLLIN|POLLPRI}], 1, -1)", p[0]);
	rc = syscall(__NR_poll, pfd + 3, 1, 0);
	line(sprintrc(rc), "poll(%p, 1, 0)", (void *)(pfd + 3));

	struct timespec *ts = tail_alloc(sizeof(*ts));
	*ts = (struct timespec){0, 999};
	sigset_t *mask = tail_alloc(8);
	memset(mask, 0, 8);
	sigaddset(mask, SIGUSR1);
	pfd[0] = (struct pollfd){p[0], POLLOUT, 0};
	rc = syscall(__NR_ppoll, pfd, 1, ts, mask, 8);
	line("0 (Timeout)", "ppoll([{fd=%d, events=POLLOUT}], 1, {tv_sec=0, tv_nsec=999}, [USR1], 8)",
	     p[0]);
	*ts = (struct timespec){5, 0};
	pfd[0].events = POLLIN;
	rc = syscall(__NR_ppoll, pfd, 1, ts, NULL, 8);
	snprintf(ret, sizeof(ret), "%ld ([{fd=%d, revents=POLLIN}], left {tv_sec=%lld, tv_nsec=%llu})",
		 rc, p[0], (long long)ts->tv_sec, (unsigned long long)ts->tv_nsec);
	line(ret, "ppoll([{fd=%d, events=POLLIN}], 1, {tv_sec=5, tv_nsec=0}, NULL, 8)", p[0]);
	rc = syscall(__NR_ppoll, pfd, 1, NULL, mask, 7);
	line(sprintrc(rc), "ppoll([{fd=%d, events=POLLIN}], 1, NULL, %p, 7)", p[0], (void *)mask);
	printf("+++ exited with 0 +++\n");
	return 0;
}
