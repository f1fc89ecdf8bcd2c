/* The JSON Lines sink: one object per syscall (entry and exit together), signal and exit.
 * The same decoders fill the "args" through a printer in JSON mode. */
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "decode/siginfo.h"
#include "trace/session.h"

static void begin(struct session *s, struct tracee *t, struct strbuf *sb, const char *type,
		  uint64_t t_ns)
{
	(void)s;
	sb_printf(sb, "{\"type\":\"%s\",\"pid\":%d,\"tid\":%d", type, t->tgid, t->pid);
	if (t_ns)
		sb_printf(sb, ",\"time\":%" PRIu64 ".%06" PRIu64, t_ns / UINT64_C(1000000000),
			  t_ns % UINT64_C(1000000000) / 1000);
}

static void end(struct tracee *t, struct strbuf *sb)
{
	sb_puts(sb, "}\n");
	fwrite(sb->buf, 1, sb->len, t->outf);
	sb_free(sb);
}

static uint64_t now_realtime(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * UINT64_C(1000000000) + (uint64_t)ts.tv_nsec;
}

static void json_syscall_enter(struct session *s, struct tracee *t)
{
	/* the arguments stay in the printer until the exit: one object per syscall */
	(void)s;
	(void)t;
}

static void syscall_object(struct session *s, struct tracee *t, bool returned)
{
	const struct sc_event *ev = &t->ev;
	const struct syscall_info *si = syscall_get(ev->nr);
	struct strbuf sb = {0};
	unsigned nargs = si ? si->nargs : 6;

	begin(s, t, &sb, "syscall", ev->t_enter);
	sb_puts(&sb, ",\"syscall\":");
	if (si)
		sb_json_string(&sb, si->name, strlen(si->name));
	else
		sb_printf(&sb, "\"syscall_%#lx\"", (unsigned long)ev->nr);
	sb_printf(&sb, ",\"nr\":%ld,\"args\":[%s],\"raw_args\":[", ev->nr,
		  t->p.out.buf ? t->p.out.buf : "");
	for (unsigned i = 0; i < nargs; i++)
		sb_printf(&sb, "%s\"%#" PRIx64 "\"", i ? "," : "", ev->args[i]);
	sb_putc(&sb, ']');
	if (!returned) {
		sb_puts(&sb, ",\"ret\":null,\"unfinished\":true");
	} else if (ev->is_error) {
		int err = (int)-ev->ret;
		const char *name = errno_name(err);
		bool restart = err >= 512 && err <= 516;
		sb_printf(&sb, ",\"ret\":%s", restart ? "null" : "-1");
		if (name)
			sb_printf(&sb, ",\"errno\":\"%s\"", name);
		sb_printf(&sb, ",\"errno_nr\":%d", err);
	} else {
		sb_printf(&sb, ",\"ret\":%" PRId64, ev->ret);
		if (t->d.rval == RV_HEX)
			sb_printf(&sb, ",\"ret_hex\":\"%#" PRIx64 "\"", (uint64_t)ev->ret);
	}
	if (t->d.aux.len) {
		sb_puts(&sb, ",\"aux\":");
		sb_json_string(&sb, t->d.aux.buf, t->d.aux.len);
	}
	if (s->o->kflag && (returned || (t->flags & TF_STACK_QUEUED))) {
		sb_puts(&sb, ",\"stack\":");
		if (t->flags & TF_STACK_QUEUED)
			sb_add(&sb, t->stack_queued.buf, t->stack_queued.len);
		else
			stack_format(s, t, false, &sb);
		t->flags &= ~TF_STACK_QUEUED;
		sb_reset(&t->stack_queued);
	}
	if (returned && ev->t_exit >= ev->t_enter)
		sb_printf(&sb, ",\"duration\":%" PRIu64 ".%09" PRIu64,
			  (ev->t_exit - ev->t_enter) / UINT64_C(1000000000),
			  (ev->t_exit - ev->t_enter) % UINT64_C(1000000000));
	sb_reset(&t->p.out);
	end(t, &sb);
}

static void json_syscall_exit(struct session *s, struct tracee *t)
{
	unsigned want = t->ev.is_error ? ST_FAILED : ST_SUCCESSFUL;

	if (s->o->filter.status & want)
		syscall_object(s, t, true);
	else
		sb_reset(&t->p.out);
}

static void json_exit_event(struct session *s, struct tracee *t)
{
	if (s->o->filter.status & ST_UNFINISHED)
		syscall_object(s, t, false);
	else
		sb_reset(&t->p.out);
}

static void signame(struct strbuf *sb, int sig)
{
	const char *n = signal_name(sig);

	if (n)
		sb_printf(sb, "\"%s\"", n);
	else if (sig >= 32 && sig <= 64)
		sb_printf(sb, sig == 32 ? "\"SIGRTMIN\"" : "\"SIGRT_%d\"", sig - 32);
	else
		sb_printf(sb, "%d", sig);
}

/* -k: signal and stop lines have stacks too (as in strace). */
static void add_stack(struct session *s, struct tracee *t, struct strbuf *sb)
{
	if (!s->o->kflag)
		return;
	sb_puts(sb, ",\"stack\":");
	stack_format(s, t, false, sb);
}

static void json_signal(struct session *s, struct tracee *t, const void *siginfo)
{
	const siginfo_t *si = siginfo;
	struct strbuf sb = {0};
	struct printer tmp = {.o = &s->o->print, .json = true};

	begin(s, t, &sb, "signal", now_realtime());
	sb_puts(&sb, ",\"signal\":");
	signame(&sb, si->si_signo);
	t->d.p = &tmp;
	print_siginfo(&t->d, si);
	t->d.p = &t->p;
	sb_printf(&sb, ",\"siginfo\":%s", tmp.out.buf ? tmp.out.buf : "{}");
	sb_free(&tmp.out);
	add_stack(s, t, &sb);
	end(t, &sb);
}

static void json_stopped(struct session *s, struct tracee *t, int sig)
{
	struct strbuf sb = {0};

	begin(s, t, &sb, "stopped", now_realtime());
	sb_puts(&sb, ",\"signal\":");
	signame(&sb, sig);
	add_stack(s, t, &sb);
	end(t, &sb);
}

static void json_exited(struct session *s, struct tracee *t, int status)
{
	struct strbuf sb = {0};

	if (WIFSIGNALED(status)) {
		begin(s, t, &sb, "killed", now_realtime());
		sb_puts(&sb, ",\"signal\":");
		signame(&sb, WTERMSIG(status));
		sb_printf(&sb, ",\"core_dumped\":%s", WCOREDUMP(status) ? "true" : "false");
	} else {
		begin(s, t, &sb, "exited", now_realtime());
		sb_printf(&sb, ",\"status\":%d", WEXITSTATUS(status));
	}
	end(t, &sb);
}

static void json_superseded(struct session *s, struct tracee *t, pid_t old)
{
	struct strbuf sb = {0};

	begin(s, t, &sb, "superseded", now_realtime());
	sb_printf(&sb, ",\"old_tid\":%d", old);
	end(t, &sb);
}

static void json_detached(struct session *s, struct tracee *t)
{
	struct strbuf sb = {0};

	if (t->flags & TF_INSYSCALL && !(t->flags & TF_FILTERED))
		syscall_object(s, t, false);
	begin(s, t, &sb, "detached", now_realtime());
	end(t, &sb);
}

const struct sink json_sink = {
    .syscall_enter = json_syscall_enter,
    .syscall_exit = json_syscall_exit,
    .exit_event = json_exit_event,
    .signal = json_signal,
    .stopped = json_stopped,
    .exited = json_exited,
    .superseded = json_superseded,
    .detached = json_detached,
};
