/* sched_* calls: affinity masks, policies, parameters, attributes. */
/* TRACE: -e trace=sched_getaffinity,sched_setaffinity,sched_getscheduler,sched_setscheduler,sched_getparam,sched_setparam,sched_get_priority_max,sched_get_priority_min,sched_yield,sched_rr_get_interval,sched_getattr,sched_setattr */
#include "tests.h"
#include <sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	char line[1024];
	size_t size = 128;
	unsigned char *mask = tail_alloc(size);
	pid_t me = getpid();

	long rc = syscall(__NR_sched_getaffinity, 0, size, mask);
	size_t n = (size_t)snprintf(line, sizeof(line), "sched_getaffinity(0, %zu, [", size);
	int first = 1;
	for (long i = 0; rc > 0 && i < rc * 8; i++)
		if (mask[i / 8] >> (i % 8) & 1) {
			n += (size_t)snprintf(line + n, sizeof(line) - n, first ? "%ld" : " %ld", i);
			first = 0;
		}
	snprintf(line + n, sizeof(line) - n, "])");
	print_line("", line, sprintrc(rc));
	long len = rc;
	rc = syscall(__NR_sched_setaffinity, me, len, mask);
	n = (size_t)snprintf(line, sizeof(line), "sched_setaffinity(%d, %ld, [", me, len);
	first = 1;
	for (long i = 0; i < len * 8; i++)
		if (mask[i / 8] >> (i % 8) & 1) {
			n += (size_t)snprintf(line + n, sizeof(line) - n, first ? "%ld" : " %ld", i);
			first = 0;
		}
	snprintf(line + n, sizeof(line) - n, "])");
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_sched_getaffinity, 0, 1, mask);
	snprintf(line, sizeof(line), "sched_getaffinity(0, 1, %p)", (void *)mask);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_sched_getscheduler, 0);
	print_line("", "sched_getscheduler(0)", rc == 0 ? "0 (SCHED_OTHER)" : sprintrc(rc));
	int *param = tail_alloc(sizeof(int));
	rc = syscall(__NR_sched_getparam, 0, param);
	snprintf(line, sizeof(line), "sched_getparam(0, [%d])", *param);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_sched_setparam, 0, param);
	snprintf(line, sizeof(line), "sched_setparam(0, [%d])", *param);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_sched_setscheduler, 0, SCHED_OTHER, param);
	snprintf(line, sizeof(line), "sched_setscheduler(0, SCHED_OTHER, [%d])", *param);
	print_line("", line, sprintrc(rc));
	struct {
		uint32_t size, policy;
		uint64_t flags;
		int32_t nice;
		uint32_t prio;
		uint64_t runtime, deadline, period;
		uint32_t util_min, util_max;
	} *attr = tail_alloc(56);
	rc = syscall(__NR_sched_getattr, 0, attr, 56, 0);
	snprintf(line, sizeof(line),
		 "sched_getattr(0, {size=%u, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=%d, "
		 "sched_priority=0, sched_runtime=%llu, sched_deadline=0, sched_period=0, "
		 "sched_util_min=%u, sched_util_max=%u}, 56, 0)",
		 attr->size, attr->nice, (unsigned long long)attr->runtime, attr->util_min, attr->util_max);
	print_line("", line, sprintrc(rc));
	attr->size = 48;
	rc = syscall(__NR_sched_setattr, 0, attr, 0);
	snprintf(line, sizeof(line),
		 "sched_setattr(0, {size=48, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=%d, "
		 "sched_priority=0, sched_runtime=%llu, sched_deadline=0, sched_period=0}, 0)",
		 attr->nice, (unsigned long long)attr->runtime);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_sched_getattr, 0, attr, 0, 0);
	snprintf(line, sizeof(line), "sched_getattr(0, %p, 0, 0)", (void *)attr);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_sched_setscheduler, 0, 0x40000000 | SCHED_BATCH, param);
	snprintf(line, sizeof(line), "sched_setscheduler(0, 0x40000003 /* SCHED_??? */, [%d])", *param);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_sched_get_priority_max, SCHED_FIFO);
	print_line("", "sched_get_priority_max(SCHED_FIFO)", sprintrc(rc));
	rc = syscall(__NR_sched_get_priority_min, 9);
	print_line("", "sched_get_priority_min(0x9 /* SCHED_??? */)", sprintrc(rc));
	rc = syscall(__NR_sched_yield);
	print_line("", "sched_yield()", sprintrc(rc));
	struct timespec *ts = tail_alloc(sizeof(*ts));
	rc = syscall(__NR_sched_rr_get_interval, 0, ts);
	snprintf(line, sizeof(line), "sched_rr_get_interval(0, {tv_sec=%lld, tv_nsec=%ld})",
		 (long long)ts->tv_sec, ts->tv_nsec);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_sched_getparam, -1, param);
	snprintf(line, sizeof(line), "sched_getparam(-1, %p)", (void *)param);
	print_line("", line, sprintrc(rc));

	printf("+++ exited with 0 +++\n");
	return 0;
}
