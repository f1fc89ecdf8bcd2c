/* The table of traced threads, keyed by tid. */
#include <stdlib.h>
#include <string.h>

#include "trace/session.h"

static unsigned slot(pid_t pid)
{
	return (unsigned)pid % (sizeof(((struct session *)0)->tab) / sizeof(void *));
}

struct tracee *tracee_find(struct session *s, pid_t pid)
{
	for (struct tracee *t = s->tab[slot(pid)]; t; t = t->hnext)
		if (t->pid == pid)
			return t;
	return NULL;
}

struct tracee *tracee_new(struct session *s, pid_t pid)
{
	struct tracee *t = calloc(1, sizeof(*t));

	if (!t)
		abort();
	t->pid = pid;
	t->tgid = pid;
	t->outf = s->out;
	t->p.o = &s->o->print;
	t->p.json = s->o->json;
	t->d.p = &t->p;
	t->d.o = &s->o->print;
	t->d.mem = &s->mem;
	t->d.fd_describe = s->fd_describe;
	t->d.ev = &t->ev;
	t->hnext = s->tab[slot(pid)];
	s->tab[slot(pid)] = t;
	s->nprocs++;
	return t;
}

void tracee_drop(struct session *s, struct tracee *t)
{
	for (struct tracee **pp = &s->tab[slot(t->pid)]; *pp; pp = &(*pp)->hnext) {
		if (*pp == t) {
			*pp = t->hnext;
			break;
		}
	}
	if (s->printing == t)
		s->printing = NULL;
	if (t->outf && t->outf != s->out)
		fclose(t->outf);
	s->nprocs--;
	if (t->flags & TF_SILENT)
		s->nsilent--;
	sb_free(&t->p.out);
	sb_free(&t->d.aux);
	sb_free(&t->staged);
	sb_free(&t->stack_queued);
	free(t);
}

/* Moves t to a new tid (a non-leader thread that called execve takes the leader's). */
void tracee_rekey(struct session *s, struct tracee *t, pid_t pid)
{
	for (struct tracee **pp = &s->tab[slot(t->pid)]; *pp; pp = &(*pp)->hnext) {
		if (*pp == t) {
			*pp = t->hnext;
			break;
		}
	}
	t->pid = pid;
	t->hnext = s->tab[slot(pid)];
	s->tab[slot(pid)] = t;
}
