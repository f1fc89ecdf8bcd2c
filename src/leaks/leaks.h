/* scry leaks: the sink that feeds the fd tracker from a trace session, and the report built
 * from the tracker (grouping by call stack and target pattern, text and JSON). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "leaks/tracker.h"
#include "trace/session.h"

/* Symbolizes a pc of process tgid (isret: a return address). Returns 0 or -errno. */
typedef int (*leak_symbolize_fn)(void *ctx, pid_t tgid, uint64_t pc, bool isret,
				 struct unw_frame *out);

struct leaks {
	struct tracker tr;
	uint64_t stack_errors; /* creations whose stack could not be unwound */
	/* how sites are symbolized before their process execs (leak_sites_freeze()) */
	leak_symbolize_fn symbolize;
	void *symbolize_ctx;
};

/* The sink; s->sink_ctx points to a struct leaks. (leaks/sink.c) */
extern const struct sink leaks_sink;
/* Sets f to the syscalls scry leaks needs: fd creators, fd enders, fork and exec. */
void leaks_filter(struct filter *f);
/* Process tgid is about to exec: the stacks of its fds still waiting are unwound and its
 * sites symbolized now, with the modules of the image they were taken in. (leaks/freeze.c) */
void leak_sites_freeze(struct leaks *lk, pid_t tgid);
/* Whether syscall nr creates or ends fds (a row of the opens-and-closes table). */
bool leaks_counted(long nr);

/* ---- the report (leaks/group.c, leaks/report.c) ---- */

/* What an fd refers to, as its group shows it: a folded path, "TCP 127.0.0.1:80<-*
 * (ESTABLISHED)", "pipe", "anon_inode:[eventfd]". Writes into out. */
typedef void (*leak_describe_fn)(void *ctx, const struct leak_proc *p, int fd,
				 const struct leak_fd *f, char *out, size_t len);
/* The default: from the link text read at creation (paths folded). */
void leak_describe_link(void *ctx, const struct leak_proc *p, int fd, const struct leak_fd *f,
			char *out, size_t len);

struct leak_group {
	bool baseline; /* pre-existing: listed, not blamed */
	unsigned site; /* tracked groups: tracker site */
	char pattern[256];
	unsigned count;
	uint64_t oldest, newest; /* t_open, CLOCK_REALTIME ns */
	pid_t pid;		 /* the first process holding one */
	unsigned npids;		 /* how many processes hold one */
	bool at_exit;		 /* held by a process that exited with it open */
};

struct leak_proc_summary {
	pid_t tgid;
	char comm[64];
	bool exited;
	unsigned nfds_start, nfds_now, nbaseline;
	double seconds;	     /* the window */
	double per_minute;   /* growth rate of the fd count (least squares over the samples) */
	uint64_t limit;	     /* RLIMIT_NOFILE soft, 0 when unknown */
	double minutes_left; /* until the limit at this rate; < 0 when not growing */
	const struct leak_proc *p;
};

struct leak_report {
	uint64_t now;
	double seconds; /* the tracking window */
	double min_age;
	struct leak_proc_summary *procs;
	unsigned nprocs;
	bool have_file_nr;
	uint64_t file_nr_allocated, file_max;
	struct leak_group *groups; /* tracked first (most numerous first), then baseline */
	unsigned ngroups, ntracked_groups;
	unsigned nleaked;	 /* fds in tracked groups */
	unsigned nyoung;	 /* fds younger than min_age, not counted */
	bool leak;		 /* the verdict */
	double worst_per_minute; /* the fastest-growing process */
	const struct tracker *tr;
	const struct leaks *lk;
};

struct leak_report_opts {
	double min_age; /* seconds */
	leak_describe_fn describe;
	void *describe_ctx;
};

/* Builds the report from the tracker now. Returns 0 or -ENOMEM. */
int leak_report_build(const struct leaks *lk, const struct leak_report_opts *o, uint64_t now,
		      struct leak_report *r);
void leak_report_free(struct leak_report *r);

/* Writes the report as text or as one JSON object. */
void leak_report_text(const struct leak_report *r, FILE *f, leak_symbolize_fn sym, void *ctx);
void leak_report_json(const struct leak_report *r, FILE *f, leak_symbolize_fn sym, void *ctx);
