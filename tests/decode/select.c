/* select and pselect6: fd sets at entry, the ready ones and the time left after the return. */
/* TRACE: -e trace=select,pselect6 */
/* FROM: select(0, */
#include "desc-tests.h"
#include <signal.h>
#include <sys/select.h>
#include <sys/syscall.h>

int main(void)
{
	struct timeval *tv = tail_alloc(sizeof(*tv));
	*tv = (struct timeval){0, 100};
	long rc = syscall(__NR_select, 0, NULL, NULL, NULL, tv);
	line("0 (Timeout)", "select(0, NULL, NULL, NULL, {tv_sec=0, tv_usec=100})");
	int p[2];
	if (pipe(p))
		fail("pipe");
	fd_set *r = tail_alloc(sizeof(*r)), *w = tail_alloc(sizeof(*w));
	FD_ZERO(r);
	FD_ZERO(w);
	FD_SET(p[0], r);
	FD_SET(p[1], w);
	FD_SET(p[0], w);
	int n = p[1] + 1;
	*tv = (struct timeval){1, 0};
	rc = syscall(__NR_select, n, r, w, NULL, tv);
	char ret[256];
	snprintf(ret, sizeof(ret), "%ld (out [%d], left {tv_sec=%lld, tv_usec=%llu})", rc, p[1],
		 (long long)tv->tv_sec, (unsigned long long)tv->tv_usec);
	line(ret, "select(%d, [%d], [%d %d], NULL, {tv_sec=1, tv_usec=0})", n, p[0], p[0], p[1]);
	write(p[1], "x", 1);
	FD_ZERO(r);
	FD_SET(p[0], r);
	FD_SET(p[1], r);
	rc = syscall(__NR_select, n, r, NULL, NULL, NULL);
	snprintf(ret, sizeof(ret), "%ld (in [%d])", rc, p[0]);
	line(ret, "select(%d, [%d %d], NULL, NULL, NULL)", n, p[0], p[1]);
	rc = syscall(__NR_select, -1, NULL, NULL, NULL, NULL);
	line(sprintrc(rc), "select(-1, NULL, NULL, NULL, NULL)");
	rc = syscall(__NR_select, n, (char *)r + sizeof(*r), NULL, NULL, NULL);
	line(sprintrc(rc), "select(%d, %p, NULL, NULL, NULL)", n, (void *)((char *)r + sizeof(*r)));

	struct timespec *ts = tail_alloc(sizeof(*ts));
	*ts = (struct timespec){0, 1000};
	sigset_t *mask = tail_alloc(8);
	memset(mask, 0, 8);
	sigaddset(mask, SIGHUP);
	struct {
		void *ss;
		size_t len;
	} *sm = tail_alloc(16);
	sm->ss = mask;
	sm->len = 8;
	FD_ZERO(r);
	FD_SET(p[1], r);
	rc = syscall(__NR_pselect6, n, r, NULL, NULL, ts, sm);
	line("0 (Timeout)", "pselect6(%d, [%d], NULL, NULL, {tv_sec=0, tv_nsec=1000}, "
			    "{sigmask=[HUP], sigsetsize=8})", n, p[1]);
	/* the timeout cleared the set */
	FD_SET(p[0], r);
	FD_SET(p[1], r);
	rc = syscall(__NR_pselect6, n, r, NULL, NULL, NULL, NULL);
	snprintf(ret, sizeof(ret), "%ld (in [%d])", rc, p[0]);
	line(ret, "pselect6(%d, [%d %d], NULL, NULL, NULL, NULL)", n, p[0], p[1]);
	rc = syscall(__NR_pselect6, n, NULL, NULL, NULL, NULL, (char *)sm + 16);
	line(sprintrc(rc), "pselect6(%d, NULL, NULL, NULL, NULL, %p)", n, (void *)((char *)sm + 16));
	printf("+++ exited with 0 +++\n");
	return 0;
}
