/* The fd tracker of scry leaks: per process, which fds are open, who created each (the
 * syscall, the call stack, when) and what it refers to; per syscall, how many fds were opened
 * and closed; per process, the fd count over time. Fed by the leaks sink (leaks/sink.c) from
 * syscall events; knows nothing about backends or output. Library code: never prints. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "unwind/unwind.h"

/* Where an fd came from: one syscall at one call stack (interned). */
struct leak_site {
	long nr;    /* the creating syscall */
	pid_t tgid; /* the process whose unwinder symbolizes pcs */
	int npcs;   /* 0: no stack (the backend has none) */
	uint64_t pcs[UNW_MAX_FRAMES];
	uint64_t hash;
	/* npcs frames symbolized before tgid exec'd (its unwinder then knows only the new
	 * program), strings owned (leaks/freeze.c); NULL: symbolized at report time */
	struct unw_frame *frames;
};

enum leak_origin {
	LO_NONE = 0,	/* slot unused */
	LO_BASELINE,	/* open when tracking began: listed, never blamed */
	LO_TRACKED,	/* created by a syscall we saw */
	LO_CLOSED_EARLY /* closed by a fork child before its parent's fork returned (tombstone) */
};

struct leak_fd {
	enum leak_origin origin;
	unsigned site;	  /* index into tracker.sites (LO_TRACKED) */
	uint64_t t_open;  /* CLOCK_REALTIME ns; when tracking began for LO_BASELINE */
	char *target;	  /* readlink text of /proc/PID/fd/N at creation, or NULL */
	pid_t opener_tid; /* the thread that created it */
	long nr;	  /* the creating syscall (LO_TRACKED), -1 otherwise */
	bool cloexec;	  /* created with O_CLOEXEC (LO_TRACKED; a later F_SETFD is not seen) */
	/* its stack as captured (bpf), not unwound yet: site has no stack until
	 * tracker_resolve() */
	struct unw_capture *capture;
};

/* Per-syscall counts during the window (the strace -c view of opens and closes). */
struct leak_count {
	uint64_t calls, errors, opened, closed;
};

struct leak_sample {
	uint64_t t; /* CLOCK_REALTIME ns */
	unsigned nfds;
};

#define LEAK_MAX_SAMPLES 512

struct leak_proc {
	pid_t tgid;
	pid_t parent; /* the process it forked from, 0 if none */
	bool exited;  /* its fds were closed by exit: what is left is what it never closed */
	bool pending; /* a fork child seen before its parent's fork returned */
	int dirfd;    /* /proc/PID, -1 after exit */
	char comm[64];
	uint64_t nofile_soft; /* RLIMIT_NOFILE's soft limit, 0 when unknown */
	struct leak_fd *fds;
	int cap;
	unsigned nopen; /* LO_BASELINE + LO_TRACKED slots */
	unsigned nbaseline;
	unsigned npending;	 /* open fds whose stack is captured, not unwound yet */
	uint64_t t_start, t_end; /* first and last event, CLOCK_REALTIME ns */
	struct leak_sample samples[LEAK_MAX_SAMPLES];
	unsigned nsamples;
	uint64_t sample_every_ns; /* doubles each time the sample array is thinned out */
};

/* Implicit ends of fds, counted next to the syscalls. */
enum { LEAK_END_EXEC, LEAK_END_EXIT, LEAK_END_VANISHED, LEAK_NENDS };

/* Unwinds a captured stack of process tgid into pcs; returns the number of frames or -errno. */
typedef int (*leak_unwind_fn)(void *ctx, pid_t tgid, const struct unw_capture *c, uint64_t *pcs,
			      int max);

struct tracker {
	struct leak_proc **procs;
	unsigned nprocs;
	struct leak_site *sites;
	unsigned nsites, sites_cap;
	unsigned *site_index; /* open addressing on hash: site+1, 0 = empty */
	unsigned site_index_cap;
	struct leak_count counts[1024]; /* by syscall number */
	uint64_t ends[LEAK_NENDS];	/* fds ended by exec (CLOEXEC), exit, or found gone */
	uint64_t t_begin;		/* CLOCK_REALTIME ns */
	leak_unwind_fn unwind;		/* how tracker_resolve() unwinds them */
	void *unwind_ctx;
};

/* How an fd came to be, for tracker_open(). */
struct leak_creation {
	long nr;	     /* the syscall */
	pid_t tid;	     /* the thread */
	const uint64_t *pcs; /* its stack, unwound now (ptrace), npcs frames (may be 0) */
	int npcs;
	struct unw_capture *capture; /* or captured, unwound later (bpf): the tracker owns it */
	const char *target; /* what it refers to as the backend saw it then; NULL: read /proc */
	uint64_t t;	    /* CLOCK_REALTIME ns */
	bool cloexec;	    /* created with O_CLOEXEC (the call's flags) */
};

/* Captured stacks are unwound (and interned as sites) only for the fds still open when a
 * report is built, and before what would change the process's mappings or copy its table
 * (exec, fork); when this many are pending (2-9 KiB each), the sink has the older half
 * unwound at once (tracker_resolve_oldest()): old fds are the likely leaks, new ones the
 * likely to be closed soon, and the newest captures stay lazy. */
#define LEAK_MAX_PENDING 16384

/* Frees the frames of a site (leaks/freeze.c). */
void leak_site_frames_free(struct leak_site *s);

void tracker_init(struct tracker *tr, uint64_t now);
void tracker_free(struct tracker *tr);

/* The process tgid, NULL when unknown. */
struct leak_proc *tracker_proc(struct tracker *tr, pid_t tgid);
/* The process tgid, created when unknown: its current fds from /proc become the baseline
 * (unless it is a fork child whose parent's fork has not returned yet: pending). Returns
 * NULL only without memory. */
struct leak_proc *tracker_proc_get(struct tracker *tr, pid_t tgid, bool fork_child, uint64_t now);

/* fd was created in p as c says. Without c->target the target is read from /proc now (the
 * creating thread is stopped under ptrace). Returns 0 or -ENOMEM (c->capture freed). */
int tracker_open(struct tracker *tr, struct leak_proc *p, int fd, const struct leak_creation *c);
/* Unwinds the captured stacks of p's open fds (all processes' when p is NULL) with
 * tr->unwind and interns their sites. */
void tracker_resolve(struct tracker *tr, struct leak_proc *p);
/* Unwinds the n oldest captured stacks (by creation time), all processes together. */
void tracker_resolve_oldest(struct tracker *tr, unsigned n);
/* Captured stacks waiting in all processes. */
unsigned tracker_pending(const struct tracker *tr);
/* fd ended in p (close, close_range, dup2 over it). Returns whether it was open. */
bool tracker_close(struct tracker *tr, struct leak_proc *p, int fd);
/* A syscall finished: counted for the opens-vs-closes table; samples the fd count. */
void tracker_count(struct tracker *tr, struct leak_proc *p, long nr, bool error, unsigned opened,
		   unsigned closed, uint64_t now);

/* child was forked from parent: without CLONE_FILES it starts with a copy of the parent's
 * table (fds it already closed or opened itself are kept as they are). */
void tracker_fork(struct tracker *tr, struct leak_proc *parent, pid_t child, uint64_t now);
/* p exec'd: fds that /proc no longer lists were closed by O_CLOEXEC. */
void tracker_exec(struct tracker *tr, struct leak_proc *p, uint64_t now);
/* The process exited: its open fds stay listed as "open at exit". */
void tracker_exit(struct tracker *tr, struct leak_proc *p, uint64_t now);
/* Drops tracked fds that /proc no longer lists (events a backend could not deliver, or closes
 * after scry stopped watching). No-op for exited processes. */
void tracker_reconcile(struct tracker *tr, struct leak_proc *p, uint64_t now);

/* Re-reads p's command name and fd limit from /proc (kept after it exits). */
void tracker_proc_info(struct leak_proc *p);

/* Appends a sample of p's fd count when due (or always when force). */
void tracker_sample(struct leak_proc *p, uint64_t now, bool force);

/* Folds a path or link text into its pattern: digit runs and random-looking parts become '*'
 * (/tmp/upload-Xa9b2Q -> /tmp/upload-*). (leaks/fold.c) */
void leak_fold(const char *name, char *out, size_t len);
