/* The fd tracker: per-process fd tables indexed by fd number, interned creation sites,
 * per-syscall counts and fd-count samples. See tracker.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "leaks/tracker.h"
#include "proc/limits.h"
#include "proc/procfs.h"

#define SAMPLE_FIRST_NS 250000000ull /* 4 samples a second to begin with */

void tracker_init(struct tracker *tr, uint64_t now)
{
	memset(tr, 0, sizeof(*tr));
	tr->t_begin = now;
}

static void proc_free(struct leak_proc *p)
{
	for (int fd = 0; fd < p->cap; fd++) {
		free(p->fds[fd].target);
		free(p->fds[fd].capture);
	}
	free(p->fds);
	if (p->dirfd >= 0)
		close(p->dirfd);
	free(p);
}

void tracker_free(struct tracker *tr)
{
	for (unsigned i = 0; i < tr->nprocs; i++)
		proc_free(tr->procs[i]);
	free(tr->procs);
	for (unsigned i = 0; i < tr->nsites; i++)
		leak_site_frames_free(&tr->sites[i]);
	free(tr->sites);
	free(tr->site_index);
	memset(tr, 0, sizeof(*tr));
}

struct leak_proc *tracker_proc(struct tracker *tr, pid_t tgid)
{
	/* few processes: a linear scan from the most recent */
	for (unsigned i = tr->nprocs; i-- > 0;)
		if (tr->procs[i]->tgid == tgid && !tr->procs[i]->exited)
			return tr->procs[i];
	return NULL;
}

/* Makes room for fd in p's table. Returns 0 or -ENOMEM. */
static int reserve(struct leak_proc *p, int fd)
{
	if (fd < p->cap)
		return 0;
	int cap = p->cap ? p->cap : 64;
	while (cap <= fd)
		cap *= 2;
	struct leak_fd *v = realloc(p->fds, (size_t)cap * sizeof(*v));
	if (!v)
		return -ENOMEM;
	memset(v + p->cap, 0, (size_t)(cap - p->cap) * sizeof(*v));
	p->fds = v;
	p->cap = cap;
	return 0;
}

static char *read_target(struct leak_proc *p, int fd)
{
	char path[32], buf[4096];

	if (p->dirfd < 0)
		return NULL;
	snprintf(path, sizeof(path), "fd/%d", fd);
	if (proc_readlink(p->dirfd, path, buf, sizeof(buf)) < 0)
		return NULL;
	return strdup(buf);
}

static void slot_clear(struct leak_proc *p, int fd)
{
	struct leak_fd *f = &p->fds[fd];

	if (f->origin == LO_BASELINE || f->origin == LO_TRACKED) {
		p->nopen--;
		if (f->origin == LO_BASELINE)
			p->nbaseline--;
	}
	if (f->capture)
		p->npending--;
	free(f->target);
	free(f->capture);
	memset(f, 0, sizeof(*f));
}

/* The fds /proc lists for p now, as a sorted array; -errno when p is gone. */
static ssize_t live_fds(struct leak_proc *p, int **ret)
{
	if (p->dirfd < 0)
		return -ESRCH;
	return proc_list_numeric(p->dirfd, "fd", ret);
}

static void take_baseline(struct leak_proc *p, uint64_t now)
{
	int *fds = NULL;
	ssize_t n = live_fds(p, &fds);

	for (ssize_t i = 0; i < n; i++) {
		if (reserve(p, fds[i]) < 0)
			break;
		struct leak_fd *f = &p->fds[fds[i]];
		if (f->origin != LO_NONE)
			continue;
		f->origin = LO_BASELINE;
		f->nr = -1;
		f->t_open = now;
		f->target = read_target(p, fds[i]);
		p->nopen++;
		p->nbaseline++;
	}
	free(fds);
}

struct leak_proc *tracker_proc_get(struct tracker *tr, pid_t tgid, bool fork_child, uint64_t now)
{
	struct leak_proc *p = tracker_proc(tr, tgid);

	if (p)
		return p;
	if (tr->nprocs % 16 == 0) {
		struct leak_proc **v = realloc(tr->procs, (tr->nprocs + 16) * sizeof(*v));
		if (!v)
			return NULL;
		tr->procs = v;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->tgid = tgid;
	p->dirfd = proc_open(tgid);
	p->t_start = p->t_end = now;
	p->sample_every_ns = SAMPLE_FIRST_NS;
	p->pending = fork_child;
	tracker_proc_info(p);
	if (!fork_child)
		take_baseline(p, now);
	tr->procs[tr->nprocs++] = p;
	tracker_sample(p, now, true);
	return p;
}

void tracker_proc_info(struct leak_proc *p)
{
	char buf[64];

	if (p->dirfd < 0)
		return;
	if (proc_read_file(p->dirfd, "comm", buf, sizeof(buf)) > 0) {
		buf[strcspn(buf, "\n")] = '\0';
		snprintf(p->comm, sizeof(p->comm), "%s", buf);
	}
	FILE *f = proc_fopenat(p->dirfd, "limits");
	struct limits l;
	if (f && limits_parse(f, &l) == 0) {
		const struct limit *nofile = limits_find(&l, "Max open files");
		if (nofile)
			p->nofile_soft = nofile->soft == LIMIT_UNLIMITED ? 0 : nofile->soft;
	}
	if (f)
		fclose(f);
}

/* ---- sites ---- */

static uint64_t site_hash(long nr, const uint64_t *pcs, int npcs)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)nr;

	for (int i = 0; i < npcs; i++) {
		h ^= pcs[i];
		h *= 1099511628211ull;
		h ^= h >> 29;
	}
	return h;
}

static int site_rehash(struct tracker *tr)
{
	unsigned cap = tr->site_index_cap ? tr->site_index_cap * 2 : 256;
	unsigned *idx = calloc(cap, sizeof(*idx));

	if (!idx)
		return -ENOMEM;
	for (unsigned i = 0; i < tr->nsites; i++) {
		unsigned h = (unsigned)tr->sites[i].hash & (cap - 1);
		while (idx[h])
			h = (h + 1) & (cap - 1);
		idx[h] = i + 1;
	}
	free(tr->site_index);
	tr->site_index = idx;
	tr->site_index_cap = cap;
	return 0;
}

/* The index of the site (nr, pcs), interned. Returns it or -ENOMEM. */
static int site_intern(struct tracker *tr, long nr, pid_t tgid, const uint64_t *pcs, int npcs)
{
	uint64_t hash = site_hash(nr, pcs, npcs);

	if (npcs > UNW_MAX_FRAMES)
		npcs = UNW_MAX_FRAMES;
	if (tr->site_index_cap) {
		unsigned h = (unsigned)hash & (tr->site_index_cap - 1);
		for (; tr->site_index[h]; h = (h + 1) & (tr->site_index_cap - 1)) {
			struct leak_site *s = &tr->sites[tr->site_index[h] - 1];
			if (s->hash == hash && s->nr == nr && s->npcs == npcs &&
			    (!npcs || memcmp(s->pcs, pcs, (size_t)npcs * sizeof(*pcs)) == 0))
				return (int)(tr->site_index[h] - 1);
		}
	}
	if (tr->nsites == tr->sites_cap) {
		unsigned cap = tr->sites_cap ? tr->sites_cap * 2 : 64;
		struct leak_site *v = realloc(tr->sites, cap * sizeof(*v));
		if (!v)
			return -ENOMEM;
		tr->sites = v;
		tr->sites_cap = cap;
	}
	struct leak_site *s = &tr->sites[tr->nsites++];
	s->nr = nr;
	s->tgid = tgid;
	s->npcs = npcs;
	s->frames = NULL;
	if (npcs) /* pcs may be NULL then (a creation whose stack was captured, not unwound) */
		memcpy(s->pcs, pcs, (size_t)npcs * sizeof(*pcs));
	s->hash = hash;
	if (tr->nsites * 2 > tr->site_index_cap)
		return site_rehash(tr) < 0 ? -ENOMEM : (int)(tr->nsites - 1);
	unsigned h = (unsigned)hash & (tr->site_index_cap - 1);
	while (tr->site_index[h])
		h = (h + 1) & (tr->site_index_cap - 1);
	tr->site_index[h] = tr->nsites;
	return (int)(tr->nsites - 1);
}

/* ---- events ---- */

int tracker_open(struct tracker *tr, struct leak_proc *p, int fd, const struct leak_creation *c)
{
	if (fd < 0 || reserve(p, fd) < 0) {
		free(c->capture);
		return -ENOMEM;
	}
	int site = site_intern(tr, c->nr, p->tgid, c->pcs, c->capture || c->npcs < 0 ? 0 : c->npcs);
	if (site < 0) {
		free(c->capture);
		return site;
	}
	/* an fd we believed open was closed behind our back (a lost event): replace it */
	slot_clear(p, fd);
	struct leak_fd *f = &p->fds[fd];
	f->origin = LO_TRACKED;
	f->site = (unsigned)site;
	f->t_open = c->t;
	f->opener_tid = c->tid;
	f->nr = c->nr;
	f->target = c->target ? strdup(c->target) : read_target(p, fd);
	f->capture = c->capture;
	f->cloexec = c->cloexec;
	p->npending += c->capture != NULL;
	p->nopen++;
	return 0;
}

/* Unwinds the capture of p's fd into its site and frees it. */
static void resolve_fd(struct tracker *tr, struct leak_proc *p, int fd)
{
	struct leak_fd *f = &p->fds[fd];
	uint64_t pcs[UNW_MAX_FRAMES];
	int n = tr->unwind ? tr->unwind(tr->unwind_ctx, p->tgid, f->capture, pcs, UNW_MAX_FRAMES)
			   : -ENOTSUP;
	int site = n > 0 ? site_intern(tr, f->nr, p->tgid, pcs, n) : -1;

	if (site >= 0)
		f->site = (unsigned)site;
	free(f->capture);
	f->capture = NULL;
	p->npending--;
}

static void resolve_proc(struct tracker *tr, struct leak_proc *p)
{
	for (int fd = 0; fd < p->cap && p->npending; fd++)
		if (p->fds[fd].capture)
			resolve_fd(tr, p, fd);
}

struct pending_ref {
	uint64_t t_open;
	struct leak_proc *p;
	int fd;
};

static int by_age(const void *a, const void *b)
{
	const struct pending_ref *x = a, *y = b;

	return x->t_open < y->t_open ? -1 : x->t_open > y->t_open;
}

void tracker_resolve_oldest(struct tracker *tr, unsigned n)
{
	unsigned total = tracker_pending(tr), k = 0;
	struct pending_ref *v = total ? malloc(total * sizeof(*v)) : NULL;

	if (!v) {
		tracker_resolve(tr, NULL); /* no memory to choose: all of them */
		return;
	}
	for (unsigned i = 0; i < tr->nprocs; i++) {
		struct leak_proc *p = tr->procs[i];
		for (int fd = 0; fd < p->cap && k < total; fd++)
			if (p->fds[fd].capture)
				v[k++] = (struct pending_ref){p->fds[fd].t_open, p, fd};
	}
	qsort(v, k, sizeof(*v), by_age);
	for (unsigned i = 0; i < k && i < n; i++)
		resolve_fd(tr, v[i].p, v[i].fd);
	free(v);
}

void tracker_resolve(struct tracker *tr, struct leak_proc *p)
{
	if (p) {
		resolve_proc(tr, p);
		return;
	}
	for (unsigned i = 0; i < tr->nprocs; i++)
		resolve_proc(tr, tr->procs[i]);
}

unsigned tracker_pending(const struct tracker *tr)
{
	unsigned n = 0;

	for (unsigned i = 0; i < tr->nprocs; i++)
		n += tr->procs[i]->npending;
	return n;
}

bool tracker_close(struct tracker *tr, struct leak_proc *p, int fd)
{
	(void)tr;
	if (fd < 0)
		return false;
	if (fd >= p->cap) {
		if (!p->pending || reserve(p, fd) < 0)
			return false;
	}
	struct leak_fd *f = &p->fds[fd];
	bool was_open = f->origin == LO_BASELINE || f->origin == LO_TRACKED;
	slot_clear(p, fd);
	if (p->pending)
		f->origin = LO_CLOSED_EARLY; /* the parent's copy must not bring it back */
	return was_open;
}

void tracker_sample(struct leak_proc *p, uint64_t now, bool force)
{
	if (p->nsamples && !force && now - p->samples[p->nsamples - 1].t < p->sample_every_ns)
		return;
	if (p->nsamples == LEAK_MAX_SAMPLES) {
		/* keep every other sample and sample half as often from now on */
		for (unsigned i = 0; i < LEAK_MAX_SAMPLES / 2; i++)
			p->samples[i] = p->samples[2 * i];
		p->nsamples = LEAK_MAX_SAMPLES / 2;
		p->sample_every_ns *= 2;
	}
	p->samples[p->nsamples++] = (struct leak_sample){now, p->nopen};
}

void tracker_count(struct tracker *tr, struct leak_proc *p, long nr, bool error, unsigned opened,
		   unsigned closed, uint64_t now)
{
	if (nr >= 0 && nr < (long)(sizeof(tr->counts) / sizeof(tr->counts[0]))) {
		struct leak_count *c = &tr->counts[nr];
		c->calls++;
		c->errors += error;
		c->opened += opened;
		c->closed += closed;
	}
	if (p) {
		p->t_end = now;
		tracker_sample(p, now, false);
	}
}

void tracker_fork(struct tracker *tr, struct leak_proc *parent, pid_t child, uint64_t now)
{
	struct leak_proc *c = tracker_proc(tr, child);

	if (!c)
		c = tracker_proc_get(tr, child, true, now);
	if (!c || !c->pending)
		return;
	c->parent = parent->tgid;
	tracker_resolve(tr, parent); /* the copies share the parent's sites */
	for (int fd = 0; fd < parent->cap; fd++) {
		const struct leak_fd *pf = &parent->fds[fd];
		if (pf->origin != LO_BASELINE && pf->origin != LO_TRACKED)
			continue;
		if (reserve(c, fd) < 0)
			break;
		struct leak_fd *cf = &c->fds[fd];
		if (cf->origin != LO_NONE)
			continue; /* the child opened or closed it already */
		*cf = *pf;
		cf->target = pf->target ? strdup(pf->target) : NULL;
		c->nopen++;
		if (cf->origin == LO_BASELINE)
			c->nbaseline++;
	}
	for (int fd = 0; fd < c->cap; fd++)
		if (c->fds[fd].origin == LO_CLOSED_EARLY)
			c->fds[fd].origin = LO_NONE;
	c->pending = false;
	tracker_sample(c, now, true);
}

/* Whether p still runs: a process that exited (a zombie waiting for its parent, or gone) lists
 * no fds in /proc. */
static bool running(struct leak_proc *p)
{
	char buf[512];
	ssize_t n = p->dirfd >= 0 ? proc_read_file(p->dirfd, "stat", buf, sizeof(buf) - 1) : -1;

	if (n <= 0)
		return false;
	buf[n] = '\0';
	const char *paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' && paren[2] != 'Z' && paren[2] != 'X' && paren[2] != '\0';
}

/* Drops the fds /proc does not list (read while p runs, else nothing is known); returns how
 * many. */
static unsigned drop_gone(struct leak_proc *p)
{
	int *fds = NULL;
	ssize_t n = live_fds(p, &fds);
	unsigned dropped = 0;

	if (n < 0 || !running(p)) {
		free(fds);
		return 0;
	}
	ssize_t j = 0;
	for (int fd = 0; fd < p->cap; fd++) {
		if (p->fds[fd].origin != LO_BASELINE && p->fds[fd].origin != LO_TRACKED)
			continue;
		while (j < n && fds[j] < fd)
			j++;
		if (j < n && fds[j] == fd)
			continue;
		slot_clear(p, fd);
		dropped++;
	}
	free(fds);
	return dropped;
}

/* Drops the fds created with O_CLOEXEC (when /proc cannot tell: p exited before its exec was
 * seen, which happens with bpf); returns how many. */
static unsigned drop_cloexec(struct leak_proc *p)
{
	unsigned dropped = 0;

	for (int fd = 0; fd < p->cap; fd++)
		if (p->fds[fd].origin == LO_TRACKED && p->fds[fd].cloexec) {
			slot_clear(p, fd);
			dropped++;
		}
	return dropped;
}

void tracker_exec(struct tracker *tr, struct leak_proc *p, uint64_t now)
{
	/* stacks of the old program, unwound while its mappings are the ones known */
	tracker_resolve(tr, p);
	/* a new program: the /proc directory is the same, the fds are what survived; if it is
	 * gone already, the creation flags say (an FD_CLOEXEC set later is not seen then) */
	if (running(p))
		tr->ends[LEAK_END_EXEC] += drop_gone(p);
	else
		tr->ends[LEAK_END_EXEC] += drop_cloexec(p);
	tracker_proc_info(p);
	tracker_sample(p, now, true);
}

void tracker_reconcile(struct tracker *tr, struct leak_proc *p, uint64_t now)
{
	if (p->exited)
		return;
	tr->ends[LEAK_END_VANISHED] += drop_gone(p);
	tracker_sample(p, now, true);
}

void tracker_exit(struct tracker *tr, struct leak_proc *p, uint64_t now)
{
	tr->ends[LEAK_END_EXIT] += p->nopen;
	p->t_end = now;
	tracker_sample(p, now, true);
	p->exited = true;
	if (p->dirfd >= 0)
		close(p->dirfd);
	p->dirfd = -1;
}
