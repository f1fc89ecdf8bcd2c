/* The fd tracker's lazy path (bpf): a creation keeps its captured stack on the fd, and
 * tracker_resolve() unwinds only the captures of fds still open, interning their sites by
 * the unwound stack; close frees a capture unwound never, exec and fork unwind first, exit
 * keeps them for the report. The unwinder here reads the "stack" of a capture as the
 * program counters themselves, so each site can be checked against what was captured.
 * Processes that do not exist (no /proc). Run under ASan, a capture freed twice or never
 * shows. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "leaks/leaks.h"
#include "unit.h"

#define S 1000000000ull

/* pids above pid_max (2^22): proc_open fails, so nothing is read from /proc */
#define PARENT 5000011
#define CHILD  5000012

struct unwound {
	unsigned calls;
	uint64_t ips[64]; /* regs.ip of each capture unwound, in order */
	pid_t tgids[64];
};

/* The captured stack words are the pcs; regs.ip == 0 stands for a capture that cannot be
 * unwound. */
static int fake_unwind(void *ctx, pid_t tgid, const struct unw_capture *c, uint64_t *pcs, int max)
{
	struct unwound *u = ctx;

	if (u->calls < 64) {
		u->ips[u->calls] = c->regs.ip;
		u->tgids[u->calls] = tgid;
	}
	u->calls++;
	if (!c->regs.ip)
		return -EINVAL;
	int n = (int)(c->len / sizeof(uint64_t));
	if (n > max)
		n = max;
	memcpy(pcs, c->stack, (size_t)n * sizeof(uint64_t));
	return n;
}

/* A capture as the bpf backend makes one: ip, and the top of the stack (here: the pcs). */
static struct unw_capture *capture(uint64_t ip, uint64_t pc1, uint64_t pc2)
{
	struct unw_capture *c = calloc(1, sizeof(*c) + 2 * sizeof(uint64_t));
	uint64_t words[2] = {pc1, pc2};

	c->regs.ip = ip;
	c->regs.sp = 0x7ffd0000;
	c->len = sizeof(words);
	memcpy(c->stack, words, sizeof(words));
	return c;
}

static int open_captured(struct tracker *tr, struct leak_proc *p, int fd, long nr,
			 struct unw_capture *cap, uint64_t t)
{
	struct leak_creation c = {.nr = nr, .tid = p->tgid, .capture = cap, .t = t};

	return tracker_open(tr, p, fd, &c);
}

static bool unwound_ip(const struct unwound *u, uint64_t ip)
{
	for (unsigned i = 0; i < u->calls && i < 64; i++)
		if (u->ips[i] == ip)
			return true;
	return false;
}

/* The site of p's fd: its syscall and its stack, as interned. */
static const struct leak_site *site_of(const struct tracker *tr, const struct leak_proc *p, int fd)
{
	return &tr->sites[p->fds[fd].site];
}

int main(void)
{
	struct leaks lk = {0};
	struct tracker *tr = &lk.tr;
	struct unwound u = {0};
	const uint64_t t0 = 2000 * S;

	tracker_init(tr, t0);
	tr->unwind = fake_unwind;
	tr->unwind_ctx = &u;
	struct leak_proc *p = tracker_proc_get(tr, PARENT, false, t0);
	CHECK(p != NULL);

	/* five creations: nothing is unwound while they happen */
	CHECK(open_captured(tr, p, 3, __NR_openat, capture(0x1003, 0x401000, 0x402000), t0) == 0);
	CHECK(open_captured(tr, p, 4, __NR_openat, capture(0x1004, 0x401000, 0x402000), t0) == 0);
	CHECK(open_captured(tr, p, 5, __NR_openat, capture(0x1005, 0x401000, 0x403000), t0) == 0);
	CHECK(open_captured(tr, p, 6, __NR_socket, capture(0x1006, 0x405000, 0x402000), t0) == 0);
	CHECK(open_captured(tr, p, 7, __NR_openat, capture(0, 0, 0), t0) == 0);
	CHECK(u.calls == 0 && tracker_pending(tr) == 5 && p->nopen == 5);
	CHECK(p->fds[3].capture && p->fds[7].capture);

	/* closes free their captures unwound; a dup2 over 6 replaces its capture */
	CHECK(tracker_close(tr, p, 5));
	CHECK(tracker_close(tr, p, 6));
	CHECK(open_captured(tr, p, 6, __NR_dup2, capture(0x1016, 0x406000, 0x402000), t0) == 0);
	CHECK(u.calls == 0 && tracker_pending(tr) == 4);

	/* the report: only the four open fds are unwound, once each */
	tracker_resolve(tr, NULL);
	CHECK(u.calls == 4 && tracker_pending(tr) == 0);
	CHECK(unwound_ip(&u, 0x1003) && unwound_ip(&u, 0x1004) && unwound_ip(&u, 0x1016));
	CHECK(!unwound_ip(&u, 0x1005) && !unwound_ip(&u, 0x1006));
	for (unsigned i = 0; i < u.calls; i++)
		CHECK(u.tgids[i] == PARENT);
	CHECK(!p->fds[3].capture && !p->fds[6].capture);
	/* sites by the unwound stack: 3 and 4 share one, 6 is dup2's */
	CHECK(p->fds[3].site == p->fds[4].site);
	const struct leak_site *s3 = site_of(tr, p, 3), *s6 = site_of(tr, p, 6);
	CHECK(s3->nr == __NR_openat && s3->npcs == 2 && s3->pcs[0] == 0x401000 &&
	      s3->pcs[1] == 0x402000);
	CHECK(s6->nr == __NR_dup2 && s6->npcs == 2 && s6->pcs[0] == 0x406000);
	/* a capture that could not be unwound: its fd keeps a site without a stack */
	CHECK(site_of(tr, p, 7)->npcs == 0 && site_of(tr, p, 7)->nr == __NR_openat);
	/* a second report unwinds nothing again */
	tracker_resolve(tr, NULL);
	CHECK(u.calls == 4);

	/* exec: the captures of the old image are unwound before it is replaced */
	CHECK(open_captured(tr, p, 8, __NR_openat, capture(0x1008, 0x407000, 0x402000), t0) == 0);
	tracker_exec(tr, p, t0 + S);
	CHECK(u.calls == 5 && unwound_ip(&u, 0x1008) && !p->fds[8].capture);
	CHECK(site_of(tr, p, 8)->pcs[0] == 0x407000);

	/* an exec seen after the process is gone (bpf; here: no /proc at all): the fds created
	 * with O_CLOEXEC end, the others stay */
	struct leak_creation ce = {.nr = __NR_openat, .tid = PARENT, .t = t0, .cloexec = true};
	CHECK(tracker_open(tr, p, 11, &ce) == 0);
	unsigned open_before = p->nopen;
	tracker_exec(tr, p, t0 + S);
	CHECK(p->fds[11].origin == LO_NONE && p->nopen == open_before - 1);
	CHECK(p->fds[8].origin == LO_TRACKED && p->fds[3].origin == LO_TRACKED);

	/* fork: the parent's pending captures are unwound, the child's copy shares the site */
	CHECK(open_captured(tr, p, 9, __NR_pipe2, capture(0x1009, 0x408000, 0x402000), t0) == 0);
	struct leak_proc *c = tracker_proc_get(tr, CHILD, true, t0 + S);
	CHECK(c && c->pending);
	CHECK(open_captured(tr, c, 12, __NR_openat, capture(0x100c, 0x409000, 0x402000), t0) == 0);
	tracker_fork(tr, p, CHILD, t0 + S);
	CHECK(unwound_ip(&u, 0x1009) && !unwound_ip(&u, 0x100c));
	CHECK(c->fds[9].origin == LO_TRACKED && !c->fds[9].capture);
	CHECK(c->fds[9].site == p->fds[9].site && site_of(tr, c, 9)->pcs[0] == 0x408000);
	CHECK(tracker_pending(tr) == 1 && c->fds[12].capture);

	/* exit: the child's fd open at exit keeps its capture until the report unwinds it, with
	 * the child's unwinder */
	tracker_exit(tr, c, t0 + 2 * S);
	CHECK(c->fds[12].capture != NULL);
	unsigned before = u.calls;
	struct leak_report r;
	struct leak_report_opts o = {.min_age = 0, .describe = leak_describe_link};
	tracker_resolve(tr, NULL);
	CHECK(u.calls == before + 1 && u.tgids[before] == CHILD);
	CHECK(site_of(tr, c, 12)->pcs[0] == 0x409000 && site_of(tr, c, 12)->tgid == CHILD);
	CHECK(leak_report_build(&lk, &o, t0 + 3 * S, &r) == 0);
	bool child_group = false;
	for (unsigned i = 0; i < r.ntracked_groups; i++)
		if (r.groups[i].site == c->fds[12].site)
			child_group = r.groups[i].at_exit && r.groups[i].pid == CHILD;
	CHECK(child_group);
	leak_report_free(&r);

	/* the bound: the oldest captures are unwound first, whatever their process */
	before = u.calls;
	CHECK(open_captured(tr, p, 20, __NR_openat, capture(0x1020, 0x40a000, 0), t0 + 50 * S) ==
	      0);
	CHECK(open_captured(tr, p, 21, __NR_openat, capture(0x1021, 0x40b000, 0), t0 + 10 * S) ==
	      0);
	struct leak_proc *q = tracker_proc_get(tr, CHILD + 1, false, t0);
	CHECK(open_captured(tr, q, 22, __NR_openat, capture(0x1022, 0x40c000, 0), t0 + 20 * S) ==
	      0);
	CHECK(open_captured(tr, p, 23, __NR_openat, capture(0x1023, 0x40d000, 0), t0 + 40 * S) ==
	      0);
	CHECK(tracker_pending(tr) == 4);
	tracker_resolve_oldest(tr, 2);
	CHECK(u.calls == before + 2 && tracker_pending(tr) == 2);
	CHECK(unwound_ip(&u, 0x1021) && unwound_ip(&u, 0x1022));
	CHECK(p->fds[20].capture && p->fds[23].capture && !q->fds[22].capture);
	CHECK(site_of(tr, q, 22)->pcs[0] == 0x40c000 && site_of(tr, q, 22)->tgid == CHILD + 1);
	tracker_resolve_oldest(tr, 5);
	CHECK(tracker_pending(tr) == 0 && u.calls == before + 4);

	/* captures still pending at the end are freed with the tracker (ASan: no leak) */
	CHECK(open_captured(tr, p, 10, __NR_openat, capture(0x100a, 1, 2), t0) == 0);
	tracker_free(tr);
	UNIT_DONE();
}
