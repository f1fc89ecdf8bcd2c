/* The fd tracker and the report's grouping, on processes that do not exist (no /proc, no
 * baseline): opens and closes, a fork child seen before its parent's fork returned, sites,
 * suffix merging, --min-age and the growth rate. */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "leaks/leaks.h"
#include "unit.h"

#define S 1000000000ull

/* pids above pid_max (2^22): proc_open fails, so nothing is read from /proc */
#define PARENT 5000001
#define CHILD  5000002

static const char *const names[] = {
    [10] = "/tmp/upload-abcdef (deleted)",
    [11] = "/tmp/upload-X1b2c3 (deleted)",
    [12] = "/tmp/upload-qq9Zz1 (deleted)",
    [13] = "/var/log/app.log",
};

static void describe(void *ctx, const struct leak_proc *p, int fd, const struct leak_fd *f,
		     char *out, size_t len)
{
	(void)ctx;
	(void)p;
	(void)f;
	if (fd < (int)(sizeof(names) / sizeof(names[0])) && names[fd])
		leak_fold(names[fd], out, len);
	else
		snprintf(out, len, "fd%d", fd);
}

static const struct leak_group *find_group(const struct leak_report *r, const char *pattern)
{
	for (unsigned i = 0; i < r->ngroups; i++)
		if (strcmp(r->groups[i].pattern, pattern) == 0)
			return &r->groups[i];
	return NULL;
}

/* fd opened by syscall nr in thread tid from the stack pcs (npcs frames) at t */
static int open_fd(struct tracker *tr, struct leak_proc *p, int fd, long nr, pid_t tid,
		   const uint64_t *pcs, int npcs, uint64_t t)
{
	struct leak_creation c = {.nr = nr, .tid = tid, .pcs = pcs, .npcs = npcs, .t = t};

	return tracker_open(tr, p, fd, &c);
}

int main(void)
{
	struct leaks lk = {0};
	struct tracker *tr = &lk.tr;
	const uint64_t t0 = 1000 * S, a[] = {0x401000, 0x402000}, b[] = {0x401000, 0x403000};

	tracker_init(tr, t0);
	struct leak_proc *p = tracker_proc_get(tr, PARENT, false, t0);
	CHECK(p && p->nopen == 0 && !p->pending);

	/* opens, a close, and sites interned by (syscall, stack) */
	CHECK(open_fd(tr, p, 3, __NR_openat, PARENT, a, 2, t0) == 0);
	CHECK(open_fd(tr, p, 4, __NR_openat, PARENT, a, 2, t0) == 0);
	CHECK(open_fd(tr, p, 5, __NR_openat, PARENT, b, 2, t0) == 0);
	CHECK(open_fd(tr, p, 6, __NR_socket, PARENT, a, 2, t0) == 0);
	CHECK(tr->nsites == 3);
	CHECK(p->fds[3].site == p->fds[4].site && p->fds[3].site != p->fds[5].site);
	CHECK(tracker_close(tr, p, 4));
	CHECK(!tracker_close(tr, p, 4)); /* EBADF the second time */
	CHECK(!tracker_close(tr, p, 999));
	CHECK(p->nopen == 3);

	/* dup2 over 3: the sink closes 3, then opens it again from dup2's site */
	CHECK(tracker_close(tr, p, 3));
	CHECK(open_fd(tr, p, 3, __NR_dup2, PARENT, b, 2, t0) == 0);
	CHECK(p->fds[3].nr == __NR_dup2 && p->nopen == 3);

	/* a child whose events come before the parent's fork returns: it closed 5, opened 7 */
	struct leak_proc *c = tracker_proc_get(tr, CHILD, true, t0);
	CHECK(c && c->pending);
	CHECK(!tracker_close(tr, c, 5));
	CHECK(open_fd(tr, c, 7, __NR_pipe2, CHILD, a, 1, t0) == 0);
	tracker_fork(tr, p, CHILD, t0);
	CHECK(!c->pending && c->parent == PARENT);
	CHECK(c->fds[3].origin == LO_TRACKED && c->fds[6].origin == LO_TRACKED);
	CHECK(c->fds[5].origin == LO_NONE); /* the tombstone kept the parent's copy out */
	CHECK(c->fds[7].origin == LO_TRACKED && c->fds[7].nr == __NR_pipe2);
	CHECK(c->nopen == 3);
	tracker_exit(tr, c, t0 + S);
	CHECK(c->exited && tr->ends[LEAK_END_EXIT] == 3);
	CHECK(tracker_proc(tr, CHILD) == NULL); /* a reused pid is a new process */

	/* growth: one more fd every second for a minute (samples as the events come) */
	for (int i = 0; i < 60; i++) {
		uint64_t t = t0 + (uint64_t)(i + 1) * S;
		if (i < 3)
			open_fd(tr, p, 10 + i, __NR_openat, PARENT, a, 1, t);
		else if (i < 4)
			open_fd(tr, p, 13, __NR_openat, PARENT, a, 1, t);
		else
			open_fd(tr, p, 20 + i, __NR_openat, PARENT, a, 1, t);
		tracker_count(tr, p, __NR_openat, false, 1, 0, t);
	}
	CHECK(tr->counts[__NR_openat].calls == 60 && tr->counts[__NR_openat].opened == 60);

	struct leak_report r;
	struct leak_report_opts o = {.min_age = 10.5, .describe = describe};
	CHECK(leak_report_build(&lk, &o, t0 + 61 * S, &r) == 0);
	CHECK(r.nprocs == 2);
	CHECK(r.procs[0].per_minute > 55 && r.procs[0].per_minute < 65);
	CHECK(r.leak);
	/* the three uploads of one site are one group, whatever their random suffix */
	const struct leak_group *g = find_group(&r, "/tmp/upload-* (deleted)");
	CHECK(g && g->count == 3 && !g->baseline);
	CHECK(find_group(&r, "/var/log/app.log") != NULL);
	/* younger than 10.5 s: the fds opened in the last 10 seconds are not counted */
	CHECK(r.nyoung == 10);
	/* the exited child's fds are open at exit */
	const struct leak_group *pipe_g = find_group(&r, "fd7");
	CHECK(pipe_g && pipe_g->at_exit && pipe_g->pid == CHILD);
	/* most numerous first */
	for (unsigned i = 1; i < r.ntracked_groups; i++)
		CHECK(r.groups[i - 1].count >= r.groups[i].count);
	leak_report_free(&r);

	/* close_range as the sink does it, and a reconcile of a process without /proc */
	for (int fd = 0; fd < p->cap; fd++)
		tracker_close(tr, p, fd);
	CHECK(p->nopen == 0);
	tracker_reconcile(tr, p, t0 + 62 * S);
	CHECK(p->nopen == 0);
	tracker_free(tr);
	UNIT_DONE();
}
