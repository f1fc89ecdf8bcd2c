/* Stacks across exec: an fd that survives an exec (no O_CLOEXEC: a shell's redirections, a
 * wrapper's pipes) was created by the old program, whose modules the process's unwinder
 * forgets when it execs. So before an exec the process's waiting captures are unwound and
 * its sites symbolized, the frames kept on the site for the report. See leaks.h. */
#include <stdlib.h>
#include <string.h>

#include "leaks/leaks.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

void leak_site_frames_free(struct leak_site *s)
{
	if (!s->frames)
		return;
	for (int i = 0; i < s->npcs; i++) {
		free((char *)s->frames[i].module);
		free((char *)s->frames[i].symbol);
		free((char *)s->frames[i].file);
	}
	free(s->frames);
	s->frames = NULL;
}

static void freeze_site(struct leaks *lk, struct leak_site *s)
{
	struct unw_frame *v = calloc((size_t)s->npcs, sizeof(*v));

	if (!v)
		return; /* symbolized at report time, maybe with the wrong image */
	for (int i = 0; i < s->npcs; i++) {
		struct unw_frame f = {.pc = s->pcs[i]};
		if (lk->symbolize(lk->symbolize_ctx, s->tgid, s->pcs[i], i > 0, &f) < 0)
			memset(&f, 0, sizeof(f));
		v[i] = f;
		v[i].pc = s->pcs[i];
		v[i].module = dup_or_null(f.module);
		v[i].symbol = dup_or_null(f.symbol);
		v[i].file = dup_or_null(f.file);
	}
	s->frames = v;
}

void leak_sites_freeze(struct leaks *lk, pid_t tgid)
{
	struct tracker *tr = &lk->tr;
	struct leak_proc *p = tracker_proc(tr, tgid);

	if (p)
		tracker_resolve(tr, p);
	if (!lk->symbolize)
		return;
	for (unsigned i = 0; i < tr->nsites; i++) {
		struct leak_site *s = &tr->sites[i];
		if (s->tgid == tgid && s->npcs && !s->frames)
			freeze_site(lk, s);
	}
}
