/* The text sink: strace's output, line by line, with its rules for interleaved tracees
 * ("<unfinished ...>" / "<... NAME resumed>"), pid prefixes, timestamps and column 40. */
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "basic/log.h"
#include "decode/siginfo.h"
#include "trace/session.h"

static bool output_separately(const struct session *s)
{
	return s->o->follow >= 2 && s->o->outfile;
}

static bool print_pid_prefix(const struct session *s)
{
	return s->o->outfile && !output_separately(s) && (s->o->follow || s->o->npids > 1);
}

/* Everything written goes through here so that curcol stays right. */
static void emit(struct tracee *t, const char *buf, size_t len)
{
	if (!len)
		return;
	if (t->flags & TF_STAGED)
		sb_add(&t->staged, buf, len);
	else
		fwrite(buf, 1, len, t->outf);
	const char *nl = memrchr(buf, '\n', len);
	t->curcol = nl ? (unsigned)(len - (size_t)(nl + 1 - buf)) : t->curcol + (unsigned)len;
}

static void emitf(struct tracee *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emitf(struct tracee *t, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		emit(t, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* Moves what the decoder printed so far to the output. */
static void emit_printer(struct tracee *t)
{
	emit(t, t->p.out.buf ? t->p.out.buf : "", t->p.out.len);
	sb_reset(&t->p.out);
}

/* stderr is unbuffered; files are flushed by the backend whenever it is about to wait for the
 * tracees (so the entry of a blocked syscall is on disk while it blocks), not per line. */
static void flush_line(struct session *s, struct tracee *t)
{
	(void)s;
	(void)t;
}

static void line_ended(struct session *s, struct tracee *t)
{
	t->curcol = 0;
	flush_line(s, t);
	if (s->printing) {
		s->printing->curcol = 0;
		s->printing = NULL;
	}
}

static void print_timestamp(struct session *s, struct tracee *t)
{
	const struct trace_opts *o = s->o;

	if (o->tflag) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		if (o->tflag >= 3) {
			emitf(t, "%lld.%06ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000);
		} else {
			struct tm tm;
			char str[32];
			time_t sec = ts.tv_sec;
			localtime_r(&sec, &tm);
			strftime(str, sizeof(str), "%H:%M:%S", &tm);
			if (o->tflag == 2)
				emitf(t, "%s.%06ld ", str, ts.tv_nsec / 1000);
			else
				emitf(t, "%s ", str);
		}
	}
	if (o->rflag) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		uint64_t now = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
		if (!s->r_last_ns)
			s->r_last_ns = now;
		uint64_t d = now - s->r_last_ns;
		s->r_last_ns = now;
		emitf(t, "%s%6ld.%06ld%s", o->tflag ? "(+" : "", (long)(d / 1000000000ull),
		      (long)(d % 1000000000ull / 1000), o->tflag ? ") " : " ");
	}
}

static void printleader(struct session *s, struct tracee *t)
{
	if (output_separately(s))
		s->printing = t;
	struct tracee *p = s->printing;
	if (p && !(t->flags & TF_STAGED) && p->curcol != 0 && (!output_separately(s) || p == t)) {
		emit(p, " <unfinished ...>\n", 18);
		p->curcol = 0;
		flush_line(s, p);
	}
	s->printing = t;
	t->curcol = 0;
	if (print_pid_prefix(s))
		emitf(t, "%-5u ", (unsigned)t->pid);
	else if (s->nprocs - s->nsilent > 1 && !s->o->outfile)
		emitf(t, "[pid %5u] ", (unsigned)t->pid);
	print_timestamp(s, t);
	if (s->o->iflag)
		emitf(t, "[%016" PRIx64 "] ", t->ev.ip);
}

static void tabto(struct session *s, struct tracee *t)
{
	static const char spaces[] =
	    "                                                                "
	    "                                                                ";
	unsigned col = s->o->acolumn;

	while (t->curcol < col) {
		unsigned n = col - t->curcol;
		if (n > sizeof(spaces) - 1)
			n = sizeof(spaces) - 1;
		emit(t, spaces, n);
	}
}

static const char *syscall_name_of(const struct tracee *t, char *buf, size_t len)
{
	const struct syscall_info *si = syscall_get(t->ev.nr);

	if (si)
		return si->name;
	snprintf(buf, len, "syscall_%#lx", (unsigned long)t->ev.nr);
	return buf;
}

/* -k: the stack after the line that ends at this stop (the one taken at entry if queued). */
static void print_stack(struct session *s, struct tracee *t)
{
	if (!s->o->kflag)
		return;
	if (t->flags & TF_STACK_QUEUED) {
		t->flags &= ~TF_STACK_QUEUED;
		emit(t, t->stack_queued.buf, t->stack_queued.len);
		sb_reset(&t->stack_queued);
		return;
	}
	struct strbuf sb = {0};
	stack_format(s, t, false, &sb);
	emit(t, sb.buf, sb.len);
	sb_free(&sb);
}

static bool status_filtering(const struct session *s)
{
	return s->o->filter.status != ST_ALL;
}

static void text_syscall_enter(struct session *s, struct tracee *t)
{
	char nbuf[32];

	if (status_filtering(s)) {
		t->flags |= TF_STAGED;
		sb_reset(&t->staged);
	}
	printleader(s, t);
	emitf(t, "%s(", syscall_name_of(t, nbuf, sizeof(nbuf)));
	emit_printer(t);
}

static void print_resumed(struct session *s, struct tracee *t)
{
	char nbuf[32];

	if (((!output_separately(s) && s->printing != t) || (t->flags & TF_REPRINT)) &&
	    !(t->flags & TF_STAGED)) {
		t->flags &= ~TF_REPRINT;
		printleader(s, t);
		emitf(t, "<... %s resumed>", syscall_name_of(t, nbuf, sizeof(nbuf)));
	}
}

/* Writes the staged line if its status is wanted; returns whether it was. */
static bool publish_staged(struct session *s, struct tracee *t, unsigned status)
{
	if (!(t->flags & TF_STAGED))
		return true;
	t->flags &= ~TF_STAGED;
	if (!(s->o->filter.status & status)) {
		sb_reset(&t->staged);
		t->curcol = 0;
		if (s->printing == t)
			s->printing = NULL;
		return false;
	}
	fwrite(t->staged.buf, 1, t->staged.len, t->outf);
	sb_reset(&t->staged);
	return true;
}

static void print_return(struct session *s, struct tracee *t)
{
	const struct sc_event *ev = &t->ev;

	if (ev->is_error) {
		int err = (int)-ev->ret;
		switch (err) {
		case 512:
			emitf(t, "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
			break;
		case 513:
			emitf(t, "= ? ERESTARTNOINTR (To be restarted)");
			break;
		case 514:
			emitf(t, "= ? ERESTARTNOHAND (To be restarted if no handler)");
			break;
		case 516:
			emitf(t, "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
			break;
		default: {
			const char *name = errno_name(err);
			if (name)
				emitf(t, "= -1 %s (%s)", name, errno_message(err));
			else
				emitf(t, "= -1 (errno %d)", err);
		}
		}
		if (t->d.aux.len)
			emitf(t, " (%s)", t->d.aux.buf);
		return;
	}
	switch (t->d.rval) {
	case RV_HEX:
		emitf(t, "= %#" PRIx64, (uint64_t)ev->ret);
		break;
	case RV_OCT:
		emitf(t, "= %#03" PRIo64, (uint64_t)ev->ret);
		break;
	case RV_FD:
		if (ev->ret >= 0 && ev->ret <= INT32_MAX) {
			emit(t, "= ", 2);
			/* the arguments were emitted already: no ", " before the fd */
			printer_reset(&t->p);
			print_fd(&t->d, (int)ev->ret);
			emit_printer(t);
		} else {
			emitf(t, "= %" PRId64, ev->ret);
		}
		break;
	default:
		emitf(t, "= %" PRId64, ev->ret);
	}
	if (t->d.aux.len)
		emitf(t, " (%s)", t->d.aux.buf);
}

static void text_syscall_exit(struct session *s, struct tracee *t)
{
	print_resumed(s, t);
	s->printing = t;
	emit_printer(t);
	emit(t, ") ", 2);
	tabto(s, t);
	print_return(s, t);
	if (s->o->Tflag) {
		uint64_t d = t->ev.t_exit - t->ev.t_enter;
		emitf(t, " <%" PRIu64 ".%06" PRIu64 ">", d / UINT64_C(1000000000),
		      d % UINT64_C(1000000000) / 1000);
	}
	emit(t, "\n", 1);
	if (!publish_staged(s, t, t->ev.is_error ? ST_FAILED : ST_SUCCESSFUL))
		return;
	line_ended(s, t);
	print_stack(s, t);
}

static void text_exit_event(struct session *s, struct tracee *t)
{
	struct tracee *p = s->printing;

	if (!output_separately(s) && p && p != t && p->curcol != 0) {
		emit(p, " <unfinished ...>\n", 18);
		p->curcol = 0;
		flush_line(s, p);
	}
	print_resumed(s, t);
	if (t->dec_state != DEC_DONE)
		emit(t, " <unfinished ...>", 17);
	s->printing = t;
	emit(t, ") ", 2);
	tabto(s, t);
	emit(t, "= ?\n", 4);
	if (!publish_staged(s, t, ST_UNFINISHED))
		return;
	line_ended(s, t);
}

static void text_signal(struct session *s, struct tracee *t, const void *siginfo)
{
	const siginfo_t *si = siginfo;

	printleader(s, t);
	emitf(t, "--- %s ", signal_name(si->si_signo) ? signal_name(si->si_signo) : "SIG???");
	struct printer tmp = {.o = &s->o->print};
	t->d.p = &tmp;
	print_siginfo(&t->d, si);
	t->d.p = &t->p;
	emit(t, tmp.out.buf, tmp.out.len);
	sb_free(&tmp.out);
	emit(t, " ---\n", 5);
	line_ended(s, t);
	print_stack(s, t);
}

static void signame(int sig, char *buf, size_t len)
{
	const char *n = signal_name(sig);

	if (n)
		snprintf(buf, len, "%s", n);
	else if (sig == 32)
		snprintf(buf, len, "SIGRTMIN");
	else if (sig > 32 && sig <= 64)
		snprintf(buf, len, "SIGRT_%d", sig - 32);
	else
		snprintf(buf, len, "%d", sig);
}

static void text_stopped(struct session *s, struct tracee *t, int sig)
{
	char n[16];

	signame(sig, n, sizeof(n));
	printleader(s, t);
	emitf(t, "--- stopped by %s ---\n", n);
	line_ended(s, t);
	print_stack(s, t);
}

static void text_exited(struct session *s, struct tracee *t, int status)
{
	char n[16];

	if (WIFSIGNALED(status)) {
		if (numset_has(&s->o->filter.signals, (unsigned)WTERMSIG(status))) {
			signame(WTERMSIG(status), n, sizeof(n));
			printleader(s, t);
			emitf(t, "+++ killed by %s %s+++\n", n,
			      WCOREDUMP(status) ? "(core dumped) " : "");
			line_ended(s, t);
		}
	} else if (s->o->quiet < 2) {
		printleader(s, t);
		emitf(t, "+++ exited with %d +++\n", WEXITSTATUS(status));
		line_ended(s, t);
	}
	/* strace prints the stack taken at exit/exit_group's entry when it lets the thread go */
	if (t->flags & TF_STACK_QUEUED)
		print_stack(s, t);
}

static void text_superseded(struct session *s, struct tracee *t, pid_t old)
{
	if (s->o->quiet >= 3)
		return;
	printleader(s, t);
	emitf(t, "+++ superseded by execve in pid %lu +++\n", (unsigned long)old);
	line_ended(s, t);
}

static void text_detached(struct session *s, struct tracee *t)
{
	if (output_separately(s)) {
		if (t->curcol != 0)
			emit(t, " <detached ...>\n", 16);
	} else if (s->printing == t && t->curcol != 0) {
		emit(t, " <detached ...>\n", 16);
	}
	fflush(t->outf);
	if (s->printing == t)
		s->printing = NULL;
}

void text_message(struct session *s, const char *fmt, ...)
{
	va_list ap;

	(void)s;
	fflush(s->out);
	fprintf(stderr, "%s: ", program_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const struct sink text_sink = {
    .syscall_enter = text_syscall_enter,
    .syscall_exit = text_syscall_exit,
    .exit_event = text_exit_event,
    .signal = text_signal,
    .stopped = text_stopped,
    .exited = text_exited,
    .superseded = text_superseded,
    .detached = text_detached,
};

void text_lost(struct session *s, uint64_t n, const char *why)
{
	struct tracee *p = s->printing;

	if (p && p->curcol != 0 && !(p->flags & TF_STAGED)) {
		emit(p, " <unfinished ...>\n", 18);
		p->curcol = 0;
		flush_line(s, p);
	}
	s->printing = NULL;
	fprintf(s->out, "+++ lost %" PRIu64 " event%s (%s) +++\n", n, n == 1 ? "" : "s", why);
	fflush(s->out);
}
