/* adjtimex, clock_adjtime: struct timex at exit, the clock state after the return value. */
/* TRACE: -e trace=adjtimex,clock_adjtime */
#include "tests.h"
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>

static const char *const states[] = {"TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT", "TIME_ERROR"};

static const char *status(int s)
{
	static const char *const names[] = {"STA_PLL", "STA_PPSFREQ", "STA_PPSTIME", "STA_FLL",
					    "STA_INS", "STA_DEL", "STA_UNSYNC", "STA_FREQHOLD",
					    "STA_PPSSIGNAL", "STA_PPSJITTER", "STA_PPSWANDER",
					    "STA_PPSERROR", "STA_CLOCKERR", "STA_NANO", "STA_MODE",
					    "STA_CLK"};
	static char buf[256];
	buf[0] = '\0';
	for (int i = 0; i < 16; i++)
		if (s & (1 << i))
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s", buf[0] ? "|" : "",
				 names[i]);
	if (!buf[0])
		snprintf(buf, sizeof(buf), "0");
	return buf;
}

static const char *timex(const struct timex *t)
{
	static char buf[1024];
	snprintf(buf, sizeof(buf),
		 "{modes=0, offset=%ld, freq=%ld, maxerror=%ld, esterror=%ld, status=%s, constant=%ld, "
		 "precision=%ld, tolerance=%ld, time={tv_sec=%lld, tv_usec=%ld}, tick=%ld, ppsfreq=%ld, "
		 "jitter=%ld, shift=%d, stabil=%ld, jitcnt=%ld, calcnt=%ld, errcnt=%ld, stbcnt=%ld, tai=%d}",
		 t->offset, t->freq, t->maxerror, t->esterror, status(t->status), t->constant,
		 t->precision, t->tolerance, (long long)t->time.tv_sec, (long)t->time.tv_usec, t->tick,
		 t->ppsfreq, t->jitter, t->shift, t->stabil, t->jitcnt, t->calcnt, t->errcnt, t->stbcnt,
		 t->tai);
	return buf;
}

int main(void)
{
	char line[2048], ret[64];
	struct timex *t = tail_alloc(sizeof(*t));

	memset(t, 0, sizeof(*t));
	long rc = syscall(__NR_adjtimex, t);
	snprintf(line, sizeof(line), "adjtimex(%s)", timex(t));
	snprintf(ret, sizeof(ret), "%ld (%s)", rc, rc >= 0 && rc <= 5 ? states[rc] : "?");
	print_line("", line, ret);
	memset(t, 0, sizeof(*t));
	rc = syscall(__NR_clock_adjtime, CLOCK_REALTIME, t);
	snprintf(line, sizeof(line), "clock_adjtime(CLOCK_REALTIME, %s)", timex(t));
	snprintf(ret, sizeof(ret), "%ld (%s)", rc, rc >= 0 && rc <= 5 ? states[rc] : "?");
	print_line("", line, ret);
	rc = syscall(__NR_clock_adjtime, CLOCK_MONOTONIC, t);
	snprintf(line, sizeof(line), "clock_adjtime(CLOCK_MONOTONIC, %p)", (void *)t);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_adjtimex, (char *)t + 1);
	snprintf(line, sizeof(line), "adjtimex(%p)", (void *)((char *)t + 1));
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
