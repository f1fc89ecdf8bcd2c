/* POSIX timers, interval timers and alarm. */
/* TRACE: -e signal=none -e trace=timer_create,timer_settime,timer_gettime,timer_getoverrun,timer_delete,getitimer,setitimer,alarm */
#include "tests.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

int main(void)
{
	char line[512];
	struct sigevent *sev = tail_alloc(sizeof(*sev));
	int *tid = tail_alloc(sizeof(int));
	struct itimerspec *its = tail_alloc(sizeof(*its)), *old = tail_alloc(sizeof(*old));
	struct itimerval *itv = tail_alloc(sizeof(*itv)), *oitv = tail_alloc(sizeof(*oitv));
	long rc;

	signal(SIGUSR1, SIG_IGN); /* the absolute expiry below is in the past */
	memset(sev, 0, sizeof(*sev));
	sev->sigev_notify = SIGEV_SIGNAL;
	sev->sigev_signo = SIGUSR1;
	sev->sigev_value.sival_int = 7;
	rc = syscall(__NR_timer_create, CLOCK_MONOTONIC, sev, tid);
	snprintf(line, sizeof(line),
		 "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=7, sival_ptr=0x7}, "
		 "sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [%d])",
		 *tid);
	print_line("", line, sprintrc(rc));
	int t = *tid;
	rc = syscall(__NR_timer_create, CLOCK_REALTIME, NULL, tid);
	snprintf(line, sizeof(line), "timer_create(CLOCK_REALTIME, NULL, [%d])", *tid);
	print_line("", line, sprintrc(rc));
	int t2 = *tid;

	memset(its, 0, sizeof(*its));
	its->it_value.tv_sec = 100;
	rc = syscall(__NR_timer_settime, t, 0, its, old);
	snprintf(line, sizeof(line),
		 "timer_settime(%d, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, "
		 "tv_nsec=0}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}})",
		 t);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_timer_gettime, t, old);
	snprintf(line, sizeof(line),
		 "timer_gettime(%d, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=%lld, "
		 "tv_nsec=%ld}})",
		 t, (long long)old->it_value.tv_sec, old->it_value.tv_nsec);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_timer_getoverrun, t);
	snprintf(line, sizeof(line), "timer_getoverrun(%d)", t);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_timer_settime, t, TIMER_ABSTIME | 4, its, NULL);
	snprintf(line, sizeof(line),
		 "timer_settime(%d, TIMER_ABSTIME|0x4, {it_interval={tv_sec=0, tv_nsec=0}, "
		 "it_value={tv_sec=100, tv_nsec=0}}, NULL)",
		 t);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_timer_delete, t);
	snprintf(line, sizeof(line), "timer_delete(%d)", t);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_timer_delete, t2);
	snprintf(line, sizeof(line), "timer_delete(%d)", t2);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_timer_gettime, t, old);
	snprintf(line, sizeof(line), "timer_gettime(%d, %p)", t, (void *)old);
	print_line("", line, sprintrc(rc));

	memset(itv, 0, sizeof(*itv));
	itv->it_value.tv_sec = 100;
	rc = syscall(__NR_setitimer, ITIMER_REAL, itv, oitv);
	print_line("",
		   "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=100, "
		   "tv_usec=0}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}})",
		   sprintrc(rc));
	rc = syscall(__NR_getitimer, ITIMER_REAL, oitv);
	snprintf(line, sizeof(line),
		 "getitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=%lld, "
		 "tv_usec=%ld}})",
		 (long long)oitv->it_value.tv_sec, (long)oitv->it_value.tv_usec);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_alarm, 0);
	print_line("", "alarm(0)", sprintrc(rc));
	rc = syscall(__NR_getitimer, 5, oitv);
	snprintf(line, sizeof(line), "getitimer(0x5 /* ITIMER_??? */, %p)", (void *)oitv);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
