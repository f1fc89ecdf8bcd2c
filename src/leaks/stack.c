/* Call stacks for scry leaks while the trace session has no stack hook of its own (branch
 * unwind adds s->stack and session_unwinder() to the session; then this file goes): one
 * unwinder per process, created at its first stack, invalidated when it execs, kept after
 * it exits so that its stacks can still be symbolized at report time. ptrace only: it unwinds
 * the stopped thread. */
#include <errno.h>
#include <stdlib.h>

#include "leaks/leaks.h"

struct own_unwinder {
	pid_t tgid;
	struct unwinder *u;
};

static struct own_unwinder *own;
static unsigned nown;

static struct unwinder *own_unwinder(pid_t tgid, bool create)
{
	for (unsigned i = nown; i-- > 0;)
		if (own[i].tgid == tgid)
			return own[i].u;
	if (!create)
		return NULL;
	struct unwinder *u = unwinder_new(tgid);
	if (!u)
		return NULL;
	struct own_unwinder *v = realloc(own, (nown + 1) * sizeof(*v));
	if (!v) {
		unwinder_free(u);
		return NULL;
	}
	own = v;
	own[nown++] = (struct own_unwinder){tgid, u};
	return u;
}

int leaks_stack(struct session *s, struct tracee *t, uint64_t *pcs, int max)
{
	if (s->stack)
		return s->stack(s, t, pcs, max);
	struct unwinder *u = own_unwinder(t->tgid, true);
	if (!u)
		return -errno;
	return unwind_stopped(u, t->pid, pcs, max);
}

struct unwinder *leaks_unwinder(struct session *s, pid_t tgid)
{
	if (s->stack)
		return session_unwinder(s, tgid);
	return own_unwinder(tgid, false);
}

/* A new program: a new unwinder (an invalidated one still unwound with the old image's
 * modules here). The old one is freed: stacks from before the exec of fds that survive it
 * are symbolized with the new image (wrong names possible; they are rare). */
void leaks_unwinder_exec(struct session *s, pid_t tgid)
{
	if (s->stack)
		return;
	for (unsigned i = 0; i < nown; i++)
		if (own[i].tgid == tgid) {
			unwinder_free(own[i].u);
			own[i] = own[--nown];
			return;
		}
}

void leaks_unwinders_free(void)
{
	for (unsigned i = 0; i < nown; i++)
		unwinder_free(own[i].u);
	free(own);
	own = NULL;
	nown = 0;
}

/* Until the session defines it (branch unwind): weak, so that the real one wins. */
__attribute__((weak)) struct unwinder *session_unwinder(struct session *s, pid_t tgid)
{
	(void)s;
	(void)tgid;
	return NULL;
}
