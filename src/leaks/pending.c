/* Lazy call stacks (bpf backend): the capture taken with an fd-creating event waits on its fd
 * and is unwound only if the fd is still open when a report is built (most fds are closed
 * soon, and unwinding is the expensive part). At most tr->max_pending captures wait; beyond,
 * the oldest is unwound at once. See tracker.h. */
#include <errno.h>
#include <stdlib.h>

#include "leaks/tracker.h"

static void unlink_pending(struct tracker *tr, struct leak_pending *pd)
{
	if (pd->prev)
		pd->prev->next = pd->next;
	else
		tr->oldest = pd->next;
	if (pd->next)
		pd->next->prev = pd->prev;
	else
		tr->newest = pd->prev;
	tr->npending--;
}

void pending_drop(struct tracker *tr, struct leak_pending *pd)
{
	unlink_pending(tr, pd);
	pd->p->fds[pd->fd].pending = NULL;
	free(pd->cap);
	free(pd);
}

/* Unwinds pd's capture and interns its site on the fd; pd is freed. */
static void resolve_one(struct tracker *tr, struct leak_pending *pd)
{
	struct leak_fd *f = &pd->p->fds[pd->fd];
	uint64_t pcs[UNW_MAX_FRAMES];
	int n = tr->unwind ? tr->unwind(tr->unwind_ctx, pd->cap, pcs, UNW_MAX_FRAMES) : -ENOTSUP;

	if (n < 0) {
		tr->unwind_errors++;
		n = 0;
	}
	int site = tracker_site(tr, f->nr, pd->cap->tgid, pcs, n);
	if (site < 0)
		return; /* no memory: it stays pending (and out of the report) */
	f->site = (unsigned)site;
	pending_drop(tr, pd);
}

int pending_add(struct tracker *tr, struct leak_proc *p, int fd, struct unw_capture *cap)
{
	struct leak_pending *pd = calloc(1, sizeof(*pd));

	if (!pd) {
		free(cap);
		return -ENOMEM;
	}
	while (tr->npending >= tr->max_pending && tr->oldest) {
		tr->unwound_early++;
		struct leak_pending *old = tr->oldest;
		resolve_one(tr, old);
		if (tr->oldest == old)
			break; /* could not: no memory */
	}
	pd->p = p;
	pd->fd = fd;
	pd->cap = cap;
	pd->prev = tr->newest;
	if (tr->newest)
		tr->newest->next = pd;
	else
		tr->oldest = pd;
	tr->newest = pd;
	tr->npending++;
	p->fds[fd].pending = pd;
	return 0;
}

void tracker_resolve(struct tracker *tr, struct leak_proc *p)
{
	for (struct leak_pending *pd = tr->oldest, *next; pd; pd = next) {
		next = pd->next;
		if (!p || pd->p == p)
			resolve_one(tr, pd);
	}
}
