/* epoll_create, epoll_create1, epoll_ctl, epoll_wait, epoll_pwait, epoll_pwait2. */
/* TRACE: -e trace=epoll_create,epoll_create1,epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2 */
/* FROM: epoll_create(-1) */
#include "desc-tests.h"
#include <signal.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>

#ifndef __NR_epoll_pwait2
#define __NR_epoll_pwait2 441
#endif

int main(void)
{
	long rc = syscall(__NR_epoll_create, -1);
	line(sprintrc(rc), "epoll_create(-1)");
	int e1 = (int)syscall(__NR_epoll_create, 5);
	line(sprintrc(e1), "epoll_create(5)");
	int ep = (int)syscall(__NR_epoll_create1, EPOLL_CLOEXEC);
	line(sprintrc(ep), "epoll_create1(EPOLL_CLOEXEC)");
	rc = syscall(__NR_epoll_create1, 1);
	line(sprintrc(rc), "epoll_create1(0x1 /* EPOLL_??? */)");
	int p[2];
	if (pipe(p))
		fail("pipe");
	struct epoll_event *ev = tail_alloc(2 * sizeof(*ev));
	ev[0].events = EPOLLIN | EPOLLET;
	ev[0].data.u64 = 0x100000001ULL;
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], ev);
	line(sprintrc(rc), "epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLIN|EPOLLET, "
			   "data={u32=1, u64=4294967297}})", ep, p[0]);
	ev[0].events = EPOLLOUT;
	ev[0].data.u64 = 7;
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], ev);
	line(sprintrc(rc), "epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLOUT, data={u32=7, u64=7}})",
	     ep, p[1]);
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_MOD, p[1], ev + 2);
	line(sprintrc(rc), "epoll_ctl(%d, EPOLL_CTL_MOD, %d, %p)", ep, p[1], (void *)(ev + 2));
	rc = syscall(__NR_epoll_ctl, ep, 9, p[1], NULL);
	line(sprintrc(rc), "epoll_ctl(%d, 0x9 /* EPOLL_CTL_??? */, %d, NULL)", ep, p[1]);

	rc = syscall(__NR_epoll_wait, ep, ev, 2, 0);
	line(sprintrc(rc), "epoll_wait(%d, [{events=EPOLLOUT, data={u32=7, u64=7}}], 2, 0)", ep);
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_DEL, p[1], NULL);
	line(sprintrc(rc), "epoll_ctl(%d, EPOLL_CTL_DEL, %d, NULL)", ep, p[1]);
	rc = syscall(__NR_epoll_wait, ep, ev, 2, 0);
	line(sprintrc(rc), "epoll_wait(%d, [], 2, 0)", ep);
	rc = syscall(__NR_epoll_wait, ep, ev, 0, 0);
	line(sprintrc(rc), "epoll_wait(%d, %p, 0, 0)", ep, (void *)ev);
	write(p[1], "x", 1);
	sigset_t *mask = tail_alloc(8);
	memset(mask, 0, 8);
	sigaddset(mask, SIGTERM);
	rc = syscall(__NR_epoll_pwait, ep, ev, 2, -1, mask, 8);
	line(sprintrc(rc), "epoll_pwait(%d, [{events=EPOLLIN, data={u32=1, u64=4294967297}}], 2, -1, "
			   "[TERM], 8)", ep);
	rc = syscall(__NR_epoll_wait, e1, ev, 2, 0);
	line(sprintrc(rc), "epoll_wait(%d, [], 2, 0)", e1);
	struct timespec *ts = tail_alloc(sizeof(*ts));
	*ts = (struct timespec){0, 1};
	rc = syscall(__NR_epoll_pwait2, e1, ev, 2, ts, NULL, 8);
	if (rc < 0 && errno == ENOSYS)
		line(sprintrc(rc), "epoll_pwait2(%d, %p, 2, {tv_sec=0, tv_nsec=1}, NULL, 8)", e1,
		     (void *)ev);
	else
		line(sprintrc(rc), "epoll_pwait2(%d, [], 2, {tv_sec=0, tv_nsec=1}, NULL, 8)", e1);
	rc = syscall(__NR_epoll_wait, -1, ev, 2, 0);
	line(sprintrc(rc), "epoll_wait(-1, %p, 2, 0)", (void *)ev);
	printf("+++ exited with 0 +++\n");
	return 0;
}
