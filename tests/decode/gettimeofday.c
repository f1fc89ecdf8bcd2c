/* gettimeofday, settimeofday, time, times. */
/* TRACE: -e trace=gettimeofday,settimeofday,time,times */
#include "tests.h"
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

static const char *fmt_time(time_t t)
{
	static char buf[64];
	struct tm tm;
	localtime_r(&t, &tm);
	size_t n = strftime(buf, sizeof(buf), "%FT%T", &tm);
	strftime(buf + n, sizeof(buf) - n, "%z", &tm);
	return buf;
}

static const char *clk(clock_t v)
{
	static char buf[4][64];
	static int i;
	long tck = sysconf(_SC_CLK_TCK);
	i = (i + 1) % 4;
	if (v)
		snprintf(buf[i], sizeof(buf[i]), "%llu /* %llu.%02llu s */", (unsigned long long)v,
			 (unsigned long long)v / (unsigned long long)tck,
			 (unsigned long long)v % (unsigned long long)tck * 100 / (unsigned long long)tck);
	else
		snprintf(buf[i], sizeof(buf[i]), "0");
	return buf[i];
}

int main(void)
{
	char line[512], ret[128];
	struct timeval *tv = tail_alloc(sizeof(*tv));
	struct timezone *tz = tail_alloc(sizeof(*tz));
	time_t *t = tail_alloc(sizeof(*t));
	struct tms *tms = tail_alloc(sizeof(*tms));
	long rc;

	rc = syscall(__NR_gettimeofday, tv, tz);
	snprintf(line, sizeof(line),
		 "gettimeofday({tv_sec=%lld, tv_usec=%ld}, {tz_minuteswest=%d, tz_dsttime=%d})",
		 (long long)tv->tv_sec, (long)tv->tv_usec, tz->tz_minuteswest, tz->tz_dsttime);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_gettimeofday, tv, NULL);
	snprintf(line, sizeof(line), "gettimeofday({tv_sec=%lld, tv_usec=%ld}, NULL)",
		 (long long)tv->tv_sec, (long)tv->tv_usec);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_gettimeofday, tv + 1, NULL);
	snprintf(line, sizeof(line), "gettimeofday(%p, NULL)", (void *)(tv + 1));
	print_line("", line, sprintrc(rc));
	tv->tv_sec = 0;
	tv->tv_usec = 1000000;
	rc = syscall(__NR_settimeofday, tv, NULL);
	print_line("", "settimeofday({tv_sec=0, tv_usec=1000000}, NULL)", sprintrc(rc));

	rc = syscall(__NR_time, NULL);
	snprintf(ret, sizeof(ret), "%ld (%s)", rc, fmt_time((time_t)rc));
	print_line("", "time(NULL)", ret);
	rc = syscall(__NR_time, t);
	snprintf(line, sizeof(line), "time([%lld /* %s */])", (long long)*t, fmt_time(*t));
	snprintf(ret, sizeof(ret), "%ld (%s)", rc, fmt_time((time_t)rc));
	print_line("", line, ret);

	rc = syscall(__NR_times, tms);
	snprintf(line, sizeof(line), "times({tms_utime=%s, tms_stime=%s, tms_cutime=%s, tms_cstime=%s})",
		 clk(tms->tms_utime), clk(tms->tms_stime), clk(tms->tms_cutime), clk(tms->tms_cstime));
	snprintf(ret, sizeof(ret), "%ld", rc);
	print_line("", line, ret);
	rc = syscall(__NR_times, NULL);
	snprintf(ret, sizeof(ret), "%ld", rc);
	print_line("", "times(NULL)", ret);
	printf("+++ exited with 0 +++\n");
	return 0;
}
