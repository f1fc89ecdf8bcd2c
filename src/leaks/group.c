/* Building the report: per-process growth, and the still-open fds grouped by (creation site,
 * target pattern), most numerous first. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "basic/namefold.h"
#include "leaks/leaks.h"
#include "proc/openfiles.h"
#include "proc/sockstat.h"

void leak_fold(const char *name, char *out, size_t len)
{
	/* one folding rule for scry fds --summary and scry leaks */
	name_fold(name, out, len);
}

void leak_describe_link(void *ctx, const struct leak_proc *p, int fd, const struct leak_fd *f,
			char *out, size_t len)
{
	(void)ctx;
	(void)p;
	(void)fd;
	if (!f->target) {
		snprintf(out, len, "?");
		return;
	}
	uint64_t ino;
	switch (of_kind_from_link(f->target, &ino)) {
	case OFK_SOCK:
		snprintf(out, len, "socket");
		return;
	case OFK_PIPE:
		snprintf(out, len, "pipe");
		return;
	case OFK_ANON:
		snprintf(out, len, "%s", f->target);
		return;
	default:
		leak_fold(f->target, out, len);
	}
}

/* Least-squares slope of the fd count, per minute. */
static double growth_per_minute(const struct leak_proc *p)
{
	unsigned n = p->nsamples;

	if (n < 2)
		return 0;
	double t0 = (double)p->samples[0].t / 1e9, st = 0, sy = 0, stt = 0, sty = 0;
	for (unsigned i = 0; i < n; i++) {
		double t = (double)p->samples[i].t / 1e9 - t0, y = p->samples[i].nfds;
		st += t;
		sy += y;
		stt += t * t;
		sty += t * y;
	}
	double den = n * stt - st * st;
	if (den <= 1e-12)
		return 0;
	return (n * sty - st * sy) / den * 60.0;
}

static int group_cmp(const void *a, const void *b)
{
	const struct leak_group *x = a, *y = b;

	if (x->baseline != y->baseline)
		return x->baseline ? 1 : -1;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	if (x->oldest != y->oldest)
		return x->oldest < y->oldest ? -1 : 1;
	return strcmp(x->pattern, y->pattern);
}

struct groups {
	struct leak_group *v;
	unsigned n, cap;
};

static int group_add(struct groups *g, bool baseline, unsigned site, const char *pattern,
		     const struct leak_proc *p, const struct leak_fd *f)
{
	for (unsigned i = 0; i < g->n; i++) {
		struct leak_group *x = &g->v[i];
		if (x->baseline != baseline || x->site != site || strcmp(x->pattern, pattern))
			continue;
		x->count++;
		if (f->t_open < x->oldest)
			x->oldest = f->t_open;
		if (f->t_open > x->newest)
			x->newest = f->t_open;
		if (x->pid != p->tgid)
			x->npids++; /* counts changes of holder; fds come process by process */
		x->at_exit |= p->exited;
		return 0;
	}
	if (g->n == g->cap) {
		unsigned cap = g->cap ? g->cap * 2 : 32;
		struct leak_group *v = realloc(g->v, cap * sizeof(*v));
		if (!v)
			return -ENOMEM;
		g->v = v;
		g->cap = cap;
	}
	struct leak_group *x = &g->v[g->n++];
	memset(x, 0, sizeof(*x));
	x->baseline = baseline;
	x->site = site;
	snprintf(x->pattern, sizeof(x->pattern), "%s", pattern);
	x->count = 1;
	x->oldest = x->newest = f->t_open;
	x->pid = p->tgid;
	x->npids = 1;
	x->at_exit = p->exited;
	return 0;
}

/* Random suffixes that the folding rule kept (an all-lowercase mkstemp suffix): when one site
 * opened several patterns that differ only after a common prefix ending in a separator,
 * they become prefix* (/tmp/upload-abcdef and /tmp/upload-* are /tmp/upload-*). */
static void merge_suffixes(struct groups *g)
{
	for (unsigned i = 0; i < g->n; i++) {
		struct leak_group *a = &g->v[i];
		if (a->baseline || a->pattern[0] != '/')
			continue;
		for (unsigned j = i + 1; j < g->n; j++) {
			struct leak_group *b = &g->v[j];
			if (b->baseline || b->site != a->site || b->pattern[0] != '/')
				continue;
			size_t k = 0;
			while (a->pattern[k] && a->pattern[k] == b->pattern[k])
				k++;
			/* back to the last separator inside the last path component */
			size_t cut = k;
			while (cut > 0 && !strchr("-_.", a->pattern[cut - 1]) &&
			       a->pattern[cut - 1] != '/')
				cut--;
			if (cut == 0 || a->pattern[cut - 1] == '/' ||
			    strchr(a->pattern + cut, '/') || strchr(b->pattern + cut, '/'))
				continue;
			/* keep what both end with (" (deleted)"), from a separator on */
			size_t la = strlen(a->pattern), lb = strlen(b->pattern), suf = 0;
			while (suf < la - cut && suf < lb - cut &&
			       a->pattern[la - 1 - suf] == b->pattern[lb - 1 - suf])
				suf++;
			while (suf > 0 && isalnum((unsigned char)a->pattern[la - suf]))
				suf--;
			memmove(a->pattern + cut + 1, a->pattern + la - suf, suf + 1);
			a->pattern[cut] = '*';
			a->count += b->count;
			if (b->oldest < a->oldest)
				a->oldest = b->oldest;
			if (b->newest > a->newest)
				a->newest = b->newest;
			a->at_exit |= b->at_exit;
			if (b->pid != a->pid)
				a->npids += b->npids;
			g->v[j] = g->v[--g->n];
			j = i; /* rescan with the merged pattern */
		}
	}
}

static void read_file_nr(struct leak_report *r)
{
	FILE *f = fopen("/proc/sys/fs/file-nr", "re");
	struct file_nr fnr;

	if (!f)
		return;
	if (file_nr_parse(f, &fnr) == 0) {
		r->have_file_nr = true;
		r->file_nr_allocated = fnr.allocated;
		r->file_max = fnr.max;
	}
	fclose(f);
}

int leak_report_build(const struct leaks *lk, const struct leak_report_opts *o, uint64_t now,
		      struct leak_report *r)
{
	const struct tracker *tr = &lk->tr;
	leak_describe_fn describe = o->describe ? o->describe : leak_describe_link;
	struct groups g = {0};
	char pat[256];

	memset(r, 0, sizeof(*r));
	r->now = now;
	r->tr = tr;
	r->lk = lk;
	r->min_age = o->min_age;
	r->seconds = (double)(now - tr->t_begin) / 1e9;
	r->procs = calloc(tr->nprocs ? tr->nprocs : 1, sizeof(*r->procs));
	if (!r->procs)
		return -ENOMEM;
	uint64_t min_age_ns = (uint64_t)(o->min_age * 1e9);
	for (unsigned i = 0; i < tr->nprocs; i++) {
		const struct leak_proc *p = tr->procs[i];
		struct leak_proc_summary *ps = &r->procs[r->nprocs++];
		ps->p = p;
		ps->tgid = p->tgid;
		snprintf(ps->comm, sizeof(ps->comm), "%s", p->comm);
		ps->exited = p->exited;
		ps->nfds_start = p->nsamples ? p->samples[0].nfds : p->nopen;
		ps->nfds_now = p->nopen;
		ps->nbaseline = p->nbaseline;
		uint64_t end = p->exited ? p->t_end : now;
		ps->seconds = (double)(end - p->t_start) / 1e9;
		ps->per_minute = growth_per_minute(p);
		ps->limit = p->nofile_soft;
		ps->minutes_left = -1;
		if (ps->per_minute > 0 && ps->limit > ps->nfds_now && !p->exited)
			ps->minutes_left = (double)(ps->limit - ps->nfds_now) / ps->per_minute;
		if (ps->per_minute > r->worst_per_minute)
			r->worst_per_minute = ps->per_minute;
		for (int fd = 0; fd < p->cap; fd++) {
			const struct leak_fd *f = &p->fds[fd];
			if (f->origin != LO_TRACKED && f->origin != LO_BASELINE)
				continue;
			bool base = f->origin == LO_BASELINE;
			if (!base && now - f->t_open < min_age_ns && !p->exited) {
				r->nyoung++;
				continue;
			}
			describe(o->describe_ctx, p, fd, f, pat, sizeof(pat));
			if (group_add(&g, base, base ? 0 : f->site, pat, p, f) < 0) {
				free(g.v);
				return -ENOMEM;
			}
			if (!base)
				r->nleaked++;
		}
	}
	merge_suffixes(&g);
	qsort(g.v, g.n, sizeof(*g.v), group_cmp);
	r->groups = g.v;
	r->ngroups = g.n;
	for (unsigned i = 0; i < g.n && !g.v[i].baseline; i++)
		r->ntracked_groups++;
	read_file_nr(r);
	/* a leak: fds created in the window are still open and the count grew by more than
	 * one fd over the window (a server's one listening socket is not a leak) */
	for (unsigned i = 0; i < r->nprocs; i++) {
		const struct leak_proc_summary *ps = &r->procs[i];
		if (ps->nfds_now > ps->nfds_start + 1 && r->nleaked > 0)
			r->leak = true;
		if (ps->exited && r->nleaked > 0)
			r->leak = true; /* it exited holding fds it created */
	}
	return 0;
}

void leak_report_free(struct leak_report *r)
{
	free(r->procs);
	free(r->groups);
	memset(r, 0, sizeof(*r));
}
