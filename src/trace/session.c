/* What happens to a syscall once a backend has filled t->ev: filtering, decoding, printing,
 * counting. Backend-neutral: ptrace.c and bpf.c both call these. */
#include <string.h>
#include <sys/syscall.h>

#include "trace/session.h"

bool session_shown(const struct session *s, const struct tracee *t)
{
	return !(t->flags & (TF_HIDE_LOG | TF_SILENT)) && s->o->summary != SUMMARY_ONLY;
}

void session_syscall_enter(struct session *s, struct tracee *t)
{
	struct sc_event *ev = &t->ev;

	t->flags |= TF_INSYSCALL;
	t->flags &= ~(TF_FILTERED | TF_COUNTED);
	ev->prev_nr = t->last_nr1 - 1;

	const struct syscall_info *si = syscall_get(ev->nr);
	if ((t->flags & TF_HIDE_LOG) && (ev->nr == __NR_execve || ev->nr == __NR_execveat))
		t->flags &= ~TF_HIDE_LOG;

	bool traced = ev->nr >= 0 && ev->nr < NSYSCALL_SET
			  ? numset_has(&s->o->filter.trace, (unsigned)ev->nr)
			  : s->o->filter.trace.not ;
	if (!traced || (t->flags & (TF_HIDE_LOG | TF_SILENT)) || !path_filter_match(s, t)) {
		t->flags |= TF_FILTERED;
		return;
	}
	t->flags |= TF_COUNTED;
	if (s->o->summary == SUMMARY_ONLY) {
		t->flags |= TF_FILTERED;
		return;
	}
	if (s->o->raw) {
		s->sink->syscall_enter(s, t);
		return;
	}
	struct dctx *d = &t->d;
	d->si = si;
	d->exiting = false;
	d->next_arg = 0;
	memset(d->priv, 0, sizeof(d->priv));
	d->rval = si ? si->rval : RV_DEC;
	sb_reset(&d->aux);
	printer_reset(&t->p);
	t->dec_state = decode_syscall(d);
	s->sink->syscall_enter(s, t);
}

void session_syscall_exit(struct session *s, struct tracee *t, uint64_t ns)
{
	struct sc_event *ev = &t->ev;

	t->flags &= ~TF_INSYSCALL;
	if (s->summary && (t->flags & TF_COUNTED))
		summary_add(s->summary, ev->nr, ns, ev->is_error);
	if (t->flags & TF_FILTERED)
		return;
	/* restart_syscall names the last syscall whose exit was shown, as strace does */
	t->last_nr1 = ev->nr + 1;
	t->d.exiting = true;
	if (t->dec_state != DEC_DONE && !s->o->raw)
		t->dec_state = decode_syscall(&t->d);
	s->sink->syscall_exit(s, t);
}
