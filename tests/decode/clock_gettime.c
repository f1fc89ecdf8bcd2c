/* clock_gettime, clock_getres, clock_settime, clock_nanosleep, nanosleep: clock names and
 * timespecs; the remaining time only when a sleep was interrupted. */
/* TRACE: -e trace=clock_gettime,clock_getres,clock_settime,clock_nanosleep,nanosleep */
#include "tests.h"
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	char line[512];
	struct timespec *ts = tail_alloc(sizeof(*ts)), *rem = tail_alloc(sizeof(*rem));
	long rc;

	rc = syscall(__NR_clock_gettime, CLOCK_MONOTONIC, ts);
	snprintf(line, sizeof(line), "clock_gettime(CLOCK_MONOTONIC, {tv_sec=%lld, tv_nsec=%ld})",
		 (long long)ts->tv_sec, ts->tv_nsec);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_clock_getres, CLOCK_REALTIME, ts);
	snprintf(line, sizeof(line), "clock_getres(CLOCK_REALTIME, {tv_sec=%lld, tv_nsec=%ld})",
		 (long long)ts->tv_sec, ts->tv_nsec);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_clock_getres, CLOCK_BOOTTIME, NULL);
	print_line("", "clock_getres(CLOCK_BOOTTIME, NULL)", sprintrc(rc));
	rc = syscall(__NR_clock_gettime, 99, ts);
	snprintf(line, sizeof(line), "clock_gettime(0x63 /* CLOCK_??? */, %p)", (void *)ts);
	print_line("", line, sprintrc(rc));
	/* dynamic clocks: a process's CPU clock, an fd's clock */
	rc = syscall(__NR_clock_gettime, -6, ts); /* (~0 << 3) | 2: pid 0, CPUCLOCK_SCHED */
	/* strace 6.1 (Debian's build) does not name dynamic clocks */
	snprintf(line, sizeof(line), "clock_gettime(0xfffffffa /* CLOCK_??? */, %p)", (void *)ts);
	if (rc == 0)
		snprintf(line, sizeof(line),
			 "clock_gettime(0xfffffffa /* CLOCK_??? */, {tv_sec=%lld, tv_nsec=%ld})",
			 (long long)ts->tv_sec, ts->tv_nsec);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_clock_gettime, -45, ts); /* (~5 << 3) | 3: FD_TO_CLOCKID(5) */
	snprintf(line, sizeof(line), "clock_gettime(0xffffffd3 /* CLOCK_??? */, %p)", (void *)ts);
	print_line("", line, sprintrc(rc));

	ts->tv_sec = 1;
	ts->tv_nsec = 0;
	rc = syscall(__NR_clock_settime, CLOCK_MONOTONIC, ts);
	print_line("", "clock_settime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=0})", sprintrc(rc));

	ts->tv_sec = 0;
	ts->tv_nsec = 1000;
	rc = syscall(__NR_nanosleep, ts, rem);
	snprintf(line, sizeof(line), "nanosleep({tv_sec=0, tv_nsec=1000}, %p)", (void *)rem);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, ts, NULL);
	print_line("", "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL)", sprintrc(rc));
	rc = syscall(__NR_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, ts, rem);
	snprintf(line, sizeof(line), "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1000}, %p)",
		 (void *)rem);
	print_line("", line, sprintrc(rc));
	ts->tv_nsec = 1000000000;
	rc = syscall(__NR_nanosleep, ts, NULL);
	print_line("", "nanosleep({tv_sec=0, tv_nsec=1000000000}, NULL)", sprintrc(rc));
	rc = syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 2, ts + 1, NULL);
	snprintf(line, sizeof(line), "clock_nanosleep(CLOCK_MONOTONIC, 0x2 /* TIMER_??? */, %p, NULL)",
		 (void *)(ts + 1));
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
