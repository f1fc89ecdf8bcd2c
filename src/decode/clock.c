/* Clocks, sleeps, interval timers and POSIX timers. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "decode/proc.h"
#include "decode/siginfo.h"

/* strace 6.1 as built here prints dynamic clock ids (process CPU clocks, FD_TO_CLOCKID)
 * as unknown 32-bit values: 0xfffffffa / * CLOCK_??? * / */
void print_clockid(struct dctx *d, int clockid)
{
	print_xval(d, &xl_clock_ids, (unsigned)clockid, "CLOCK_???");
}

/* clock_gettime, clock_getres */
int dec_clock_gettime(struct dctx *d)
{
	if (!d->exiting) {
		print_clockid(d, (int)arg(d, 0));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_timespec(d, arg(d, 1));
	return DEC_DONE;
}

int dec_clock_settime(struct dctx *d)
{
	print_clockid(d, (int)arg(d, 0));
	print_timespec(d, arg(d, 1));
	return DEC_DONE;
}

/* The remaining time is only written when the sleep was interrupted. */
int dec_nanosleep(struct dctx *d)
{
	if (!d->exiting) {
		print_timespec(d, arg(d, 0));
		return entry_more(d);
	}
	if (is_erestart(d))
		print_timespec(d, arg(d, 1));
	else
		pr_ptr(d->p, arg(d, 1));
	return DEC_DONE;
}

int dec_clock_nanosleep(struct dctx *d)
{
	if (!d->exiting) {
		print_clockid(d, (int)arg(d, 0));
		print_flags(d, &xl_timer_flags, arg(d, 1), "TIMER_???");
		print_timespec(d, arg(d, 2));
		return entry_more(d);
	}
	if (!arg(d, 1) && is_erestart(d))
		print_timespec(d, arg(d, 3));
	else
		pr_ptr(d->p, arg(d, 3));
	return DEC_DONE;
}

static void print_timezone(struct dctx *d, uint64_t addr)
{
	struct timezone tz;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, tz) < 0)
		pr_hex(d->p, addr);
	else {
		pr_struct_begin(d->p);
		pr_field(d->p, "tz_minuteswest");
		pr_int(d->p, tz.tz_minuteswest);
		pr_field(d->p, "tz_dsttime");
		pr_int(d->p, tz.tz_dsttime);
		pr_struct_end(d->p);
	}
}

int dec_gettimeofday(struct dctx *d)
{
	if (!d->exiting)
		return entry_more(d);
	if (!out_failed(d, arg(d, 0)))
		print_timeval(d, arg(d, 0));
	if (!out_failed(d, arg(d, 1)))
		print_timezone(d, arg(d, 1));
	return DEC_DONE;
}

int dec_settimeofday(struct dctx *d)
{
	print_timeval(d, arg(d, 0));
	print_timezone(d, arg(d, 1));
	return DEC_DONE;
}

/* 2023-11-14T22:13:20+0000, as strace's sprinttime; false for 0 */
static bool format_time(char *buf, size_t len, int64_t sec)
{
	time_t t = (time_t)sec;
	struct tm tm;

	if (!sec || !localtime_r(&t, &tm))
		return false;
	size_t n = strftime(buf, len, "%FT%T", &tm);
	return n && strftime(buf + n, len - n, "%z", &tm);
}

int dec_time(struct dctx *d)
{
	char buf[64];
	int64_t t;

	if (!d->exiting)
		return entry_more(d);
	uint64_t addr = arg(d, 0);
	if (out_failed(d, addr))
		;
	else if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, t) < 0)
		pr_hex(d->p, addr);
	else {
		pr_array_begin(d->p);
		pr_int(d->p, t);
		if (format_time(buf, sizeof(buf), t))
			pr_comment(d->p, "%s", buf);
		pr_array_end(d->p);
	}
	if (!syserror(d) && format_time(buf, sizeof(buf), d->ev->ret))
		sb_puts(&d->aux, buf);
	return DEC_DONE;
}

int dec_times(struct dctx *d)
{
	struct tms t;

	if (!d->exiting)
		return entry_more(d);
	uint64_t addr = arg(d, 0);
	if (out_failed(d, addr))
		return DEC_DONE;
	if (!addr) {
		pr_raw(d->p, "NULL");
	} else if (mem_read_obj(d, addr, t) < 0) {
		pr_hex(d->p, addr);
	} else {
		pr_struct_begin(d->p);
		pr_field(d->p, "tms_utime");
		print_clock_t(d, (uint64_t)t.tms_utime);
		pr_field(d->p, "tms_stime");
		print_clock_t(d, (uint64_t)t.tms_stime);
		pr_field(d->p, "tms_cutime");
		print_clock_t(d, (uint64_t)t.tms_cutime);
		pr_field(d->p, "tms_cstime");
		print_clock_t(d, (uint64_t)t.tms_cstime);
		pr_struct_end(d->p);
	}
	return DEC_DONE;
}

static void print_tv_val(struct dctx *d, const struct timeval *tv)
{
	pr_struct_begin(d->p);
	pr_field(d->p, "tv_sec");
	pr_int(d->p, tv->tv_sec);
	pr_field(d->p, "tv_usec");
	pr_uint(d->p, (uint64_t)tv->tv_usec);
	pr_struct_end(d->p);
}

static void print_itimerval(struct dctx *d, uint64_t addr)
{
	struct itimerval it;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, it) < 0)
		pr_hex(d->p, addr);
	else {
		pr_struct_begin(d->p);
		pr_field(d->p, "it_interval");
		print_tv_val(d, &it.it_interval);
		pr_field(d->p, "it_value");
		print_tv_val(d, &it.it_value);
		pr_struct_end(d->p);
	}
}

int dec_getitimer(struct dctx *d)
{
	if (!d->exiting) {
		print_xval(d, &xl_itimer_which, (unsigned)arg(d, 0), "ITIMER_???");
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_itimerval(d, arg(d, 1));
	return DEC_DONE;
}

int dec_setitimer(struct dctx *d)
{
	if (!d->exiting) {
		print_xval(d, &xl_itimer_which, (unsigned)arg(d, 0), "ITIMER_???");
		print_itimerval(d, arg(d, 1));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 2)))
		print_itimerval(d, arg(d, 2));
	return DEC_DONE;
}

static void print_itimerspec(struct dctx *d, uint64_t addr)
{
	struct itimerspec it;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, it) < 0)
		pr_hex(d->p, addr);
	else {
		pr_struct_begin(d->p);
		pr_field(d->p, "it_interval");
		print_timespec_val(d, &it.it_interval);
		pr_field(d->p, "it_value");
		print_timespec_val(d, &it.it_value);
		pr_struct_end(d->p);
	}
}

/* the kernel's struct sigevent on x86_64 */
struct k_sigevent {
	uint64_t value;
	int32_t signo;
	int32_t notify;
	union {
		int32_t tid;
		struct {
			uint64_t function, attribute;
		} thread;
	} un;
};

static void print_sigevent(struct dctx *d, uint64_t addr)
{
	struct k_sigevent sev;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if (mem_read_obj(d, addr, sev) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	if (sev.value) {
		pr_field(d->p, "sigev_value");
		pr_struct_begin(d->p);
		pr_field(d->p, "sival_int");
		pr_int(d->p, (int32_t)sev.value);
		pr_field(d->p, "sival_ptr");
		pr_ptr(d->p, sev.value);
		pr_struct_end(d->p);
	}
	pr_field(d->p, "sigev_signo");
	if (sev.notify == SIGEV_SIGNAL || sev.notify == SIGEV_THREAD ||
	    sev.notify == SIGEV_THREAD_ID)
		print_signo(d, sev.signo);
	else
		pr_uint(d->p, (unsigned)sev.signo);
	pr_field(d->p, "sigev_notify");
	print_xval(d, &xl_sigev_notify, (unsigned)sev.notify, "SIGEV_???");
	if (sev.notify == SIGEV_THREAD_ID) {
		pr_field(d->p, "sigev_notify_thread_id");
		pr_int(d->p, sev.un.tid);
	} else if (sev.notify == SIGEV_THREAD) {
		pr_field(d->p, "sigev_notify_function");
		pr_ptr(d->p, sev.un.thread.function);
		pr_field(d->p, "sigev_notify_attributes");
		pr_ptr(d->p, sev.un.thread.attribute);
	}
	pr_struct_end(d->p);
}

int dec_timer_create(struct dctx *d)
{
	if (!d->exiting) {
		print_clockid(d, (int)arg(d, 0));
		print_sigevent(d, arg(d, 1));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 2)))
		print_int_ref(d, arg(d, 2));
	return DEC_DONE;
}

int dec_timer_settime(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		print_flags(d, &xl_timer_flags, arg(d, 1), "TIMER_???");
		print_itimerspec(d, arg(d, 2));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 3)))
		print_itimerspec(d, arg(d, 3));
	return DEC_DONE;
}

int dec_timer_gettime(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_itimerspec(d, arg(d, 1));
	return DEC_DONE;
}

/* struct timex, at exit; the clock state after the return value */
static bool print_timex(struct dctx *d, uint64_t addr)
{
	struct timex tx;

	if (out_failed(d, addr))
		return false;
	if (!addr) {
		pr_raw(d->p, "NULL");
		return false;
	}
	if (mem_read_obj(d, addr, tx) < 0) {
		pr_hex(d->p, addr);
		return false;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "modes");
	print_flags(d, &xl_adjtimex_modes, tx.modes, "ADJ_???");
	const struct {
		const char *name;
		long v;
	} a[] = {
	    {"offset", tx.offset},
	    {"freq", tx.freq},
	    {"maxerror", tx.maxerror},
	    {"esterror", tx.esterror},
	};
	for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
		pr_field(d->p, a[i].name);
		pr_int(d->p, a[i].v);
	}
	pr_field(d->p, "status");
	print_flags(d, &xl_adjtimex_status, (unsigned)tx.status, "STA_???");
	const struct {
		const char *name;
		long v;
	} b[] = {
	    {"constant", tx.constant},
	    {"precision", tx.precision},
	    {"tolerance", tx.tolerance},
	};
	for (size_t i = 0; i < sizeof(b) / sizeof(b[0]); i++) {
		pr_field(d->p, b[i].name);
		pr_int(d->p, b[i].v);
	}
	pr_field(d->p, "time");
	pr_struct_begin(d->p);
	pr_field(d->p, "tv_sec");
	pr_int(d->p, tx.time.tv_sec);
	pr_field(d->p, "tv_usec");
	pr_uint(d->p, (uint64_t)tx.time.tv_usec);
	pr_struct_end(d->p);
	const struct {
		const char *name;
		long v;
	} c[] = {
	    {"tick", tx.tick},	   {"ppsfreq", tx.ppsfreq}, {"jitter", tx.jitter},
	    {"shift", tx.shift},   {"stabil", tx.stabil},   {"jitcnt", tx.jitcnt},
	    {"calcnt", tx.calcnt}, {"errcnt", tx.errcnt},   {"stbcnt", tx.stbcnt},
	    {"tai", tx.tai},
	};
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		pr_field(d->p, c[i].name);
		pr_int(d->p, c[i].v);
	}
	pr_struct_end(d->p);
	return true;
}

static void adjtimex_exit(struct dctx *d, uint64_t addr)
{
	if (print_timex(d, addr) && !syserror(d)) {
		const char *state = xlat_name(&xl_adjtimex_state, (uint64_t)d->ev->ret);
		if (state)
			sb_puts(&d->aux, state);
	}
}

int dec_adjtimex(struct dctx *d)
{
	if (!d->exiting)
		return DEC_MORE;
	adjtimex_exit(d, arg(d, 0));
	return DEC_DONE;
}

int dec_clock_adjtime(struct dctx *d)
{
	if (!d->exiting) {
		print_clockid(d, (int)arg(d, 0));
		return entry_more(d);
	}
	adjtimex_exit(d, arg(d, 1));
	return DEC_DONE;
}
