/* What happens to a syscall once a backend has filled t->ev: filtering, decoding, printing,
 * counting. Backend-neutral: ptrace.c and bpf.c both call these. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "trace/session.h"
#include "unwind/unwind.h"

/* Unwinders kept at most: each holds the ELF files of its process open. Those of exited
 * processes stay (reports symbolize their stacks) until the least recently used goes. */
#define SESSION_UNWINDERS_MAX 64

struct session_unwinder {
	pid_t tgid;
	struct unwinder *u;
	struct session_unwinder *next;
};

struct unwinder *session_unwinder(struct session *s, pid_t tgid)
{
	struct session_unwinder **pp = &s->unwinders, *e;
	unsigned n = 0;

	for (; (e = *pp); pp = &e->next, n++) {
		if (e->tgid != tgid)
			continue;
		*pp = e->next; /* to the front */
		e->next = s->unwinders;
		s->unwinders = e;
		return e->u;
	}
	struct unwinder *u = unwinder_new(tgid);
	if (!u)
		return NULL;
	e = malloc(sizeof(*e));
	if (!e) {
		unwinder_free(u);
		return NULL;
	}
	*e = (struct session_unwinder){.tgid = tgid, .u = u, .next = s->unwinders};
	s->unwinders = e;
	if (n + 1 > SESSION_UNWINDERS_MAX) {
		for (pp = &s->unwinders; (*pp)->next; pp = &(*pp)->next)
			;
		unwinder_free((*pp)->u);
		free(*pp);
		*pp = NULL;
	}
	return u;
}

void session_unwinder_exec(struct session *s, pid_t tgid)
{
	for (struct session_unwinder *e = s->unwinders; e; e = e->next)
		if (e->tgid == tgid)
			unwinder_invalidate(e->u);
}

void session_unwinders_free(struct session *s)
{
	while (s->unwinders) {
		struct session_unwinder *e = s->unwinders;
		s->unwinders = e->next;
		unwinder_free(e->u);
		free(e);
	}
}

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
	/* the launched command's first execve: its stack is the new image's, taken at exit */
	bool startup_exec = false;
	if ((t->flags & TF_HIDE_LOG) && (ev->nr == __NR_execve || ev->nr == __NR_execveat)) {
		t->flags &= ~TF_HIDE_LOG;
		startup_exec = true;
	}

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
	t->flags &= ~TF_STACK_QUEUED;
	sb_reset(&t->stack_queued);
	if (s->o->kflag && stack_on_entry(ev->nr) && !startup_exec) {
		stack_format(s, t, true, &t->stack_queued);
		t->flags |= TF_STACK_QUEUED;
	}
	s->sink->syscall_enter(s, t);
}

void session_syscall_exit(struct session *s, struct tracee *t, uint64_t ns)
{
	struct sc_event *ev = &t->ev;

	t->flags &= ~TF_INSYSCALL;
	if (s->o->kflag && stack_maps_change(ev->nr))
		for (struct session_unwinder *e = s->unwinders; e; e = e->next)
			if (e->tgid == t->tgid)
				unwinder_maps_changed(e->u);
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

void session_exec_takeover(struct session *s, struct tracee *leader, struct tracee *execer)
{
	pid_t old = execer->pid, tid = leader->pid;

	if (execer->curcol != 0 && !(execer->flags & TF_STAGED))
		fprintf(execer->outf, " <pid changed to %d ...>\n", tid);
	FILE *f = execer->outf;
	execer->outf = leader->outf;
	leader->outf = f;
	execer->curcol = leader->curcol;
	leader->curcol = 0;
	tracee_drop(s, leader);
	tracee_rekey(s, execer, tid);
	if (session_shown(s, execer))
		s->sink->superseded(s, execer, old);
	execer->flags |= TF_REPRINT;
}

int trace_opts_add_pids(struct trace_opts *o, const char *list, char *bad, size_t badsz)
{
	char *copy = strdup(list), *save = NULL;
	int r = copy ? 0 : -ENOMEM;

	for (char *tok = copy ? strtok_r(copy, ", \t\n", &save) : NULL; tok && !r;
	     tok = strtok_r(NULL, ", \t\n", &save)) {
		char *end;
		long pid = strtol(tok, &end, 10);
		if (*end || pid <= 0 || pid > INT_MAX) {
			snprintf(bad, badsz, "%s", tok);
			r = -EINVAL;
		} else if (pid == getpid()) {
			r = -ELOOP;
		} else {
			pid_t *p = realloc(o->pids, (o->npids + 1) * sizeof(*o->pids));
			if (!p) {
				r = -ENOMEM;
				break;
			}
			o->pids = p;
			o->pids[o->npids++] = (pid_t)pid;
		}
	}
	free(copy);
	return r;
}
