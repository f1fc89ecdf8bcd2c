/* A tracing session: the options, the traced threads, and where their output goes.
 * Backends (ptrace.c, bpf.c) drive it; sinks (output/text.c, output/summary.c) read it. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "decode/dctx.h"
#include "output/printer.h"
#include "trace/event.h"
#include "trace/filter.h"

enum summary_mode {
	SUMMARY_NONE,
	SUMMARY_ONLY, /* -c */
	SUMMARY_ALSO, /* -C */
};

struct trace_opts {
	struct print_opts print;
	struct filter filter;
	int follow;	      /* -f: 1, -ff: 2 */
	const char *outfile;  /* -o */
	bool outfile_append;  /* -A */
	int quiet;	      /* -q: 1, -qq: 2 (exit messages too), -qqq: 3 */
	const char *username; /* -u */
	char **env_set;	      /* -E VAR=VAL / -E VAR */
	unsigned nenv;
	int tflag;	  /* -t, -tt, -ttt */
	bool json;	  /* --json */
	bool rflag;	  /* -r */
	bool Tflag;	  /* -T */
	bool iflag;	  /* -i */
	bool kflag;	  /* -k: the call stack after each syscall */
	unsigned acolumn; /* -a */
	enum summary_mode summary;
	bool summary_wall;   /* -w */
	const char *sort_by; /* -S */
	bool kill_on_exit;   /* --kill-on-exit */
	const char *backend; /* --backend */
	bool strict;	     /* --strict: exit nonzero if any event was lost */
	bool no_seccomp;     /* --seccomp-bpf=no (internal: never filter) */
	bool raw;	     /* sinks read t->ev only: nothing is decoded (scry leaks) */
	bool threads;	     /* follow new threads even without -f (scry leaks: one fd table) */
	pid_t *pids;	     /* -p */
	unsigned npids;
	char **argv; /* command to launch */
};

/* Adds the pids of a -p list ("1,2 3") to o->pids. Returns 0; -EINVAL for a token that is not
 * a pid (copied to bad); -ELOOP for scry's own pid; -ENOMEM. */
int trace_opts_add_pids(struct trace_opts *o, const char *list, char *bad, size_t badsz);

/* Per-tracee flags. */
enum {
	TF_INSYSCALL = 1 << 0,	   /* between entry and exit stop */
	TF_ATTACHED = 1 << 1,	   /* attached with -p (detach on exit) */
	TF_HIDE_LOG = 1 << 2,	   /* launched child before its execve */
	TF_FILTERED = 1 << 3,	   /* the current syscall is not shown */
	TF_REPRINT = 1 << 4,	   /* print "<... resumed>" on exit */
	TF_SECCOMP = 1 << 5,	   /* runs under our seccomp filter */
	TF_SILENT = 1 << 6,	   /* followed only for the seccomp filter's sake: never printed */
	TF_STARTUP = 1 << 7,	   /* first stop not seen yet */
	TF_STAGED = 1 << 8,	   /* the line is held back until the status is known */
	TF_COUNTED = 1 << 9,	   /* the current syscall counts in -c */
	TF_STACK_QUEUED = 1 << 10, /* -k: stack_queued holds the stack taken at entry */
};

struct tracee {
	pid_t pid; /* tid */
	pid_t tgid;
	unsigned flags;
	struct sc_event ev;
	struct dctx d;
	struct printer p;
	int dec_state;	 /* DEC_MORE / DEC_DONE of the current syscall */
	unsigned curcol; /* columns on the current line; 0 = line ended */
	FILE *outf;
	struct strbuf staged;	  /* -e status=: the line until its status is known */
	uint64_t stime_ns;	  /* system CPU time at the last stop (-c) */
	uint64_t t_mono_enter;	  /* CLOCK_MONOTONIC at entry (-T, -c -w) */
	uint64_t stime_last_exit; /* stime_ns at the previous syscall's exit (-c) */
	long last_nr1;		  /* the last shown syscall that returned, plus 1; 0 = none */
	struct strbuf
	    stack_queued; /* -k: execve/exit stacks, formatted at entry (strace's queue) */
	struct tracee *hnext;
};

struct summary;

struct session {
	struct trace_opts *o;
	FILE *out;		 /* shared output: stderr or -o */
	struct tracee *printing; /* the tracee whose line is open */
	unsigned nprocs;
	unsigned nsilent;	 /* of which followed only for the seccomp filter (no -f) */
	struct tracee *tab[256]; /* hash by tid */
	struct summary *summary;
	const struct sink *sink;
	pid_t child;   /* launched command, 0 if none or gone */
	int exit_code; /* launched command's: status, or 0x100|signal */
	struct mem_reader mem;
	fd_describe_fn fd_describe;
	uint64_t r_last_ns; /* -r */
	uint64_t lost;	    /* events a backend could not deliver (--strict) */
	/* The path fd referred to when t's current syscall was made (-P), when a backend knows
	 * it (bpf); NULL: read /proc now. Returns its length or -1. */
	int (*fd_path)(struct session *s, struct tracee *t, int fd, char *buf, size_t len);
	/* The call stack of t at its current syscall, as program counters (unwind/unwind.h):
	 * ptrace unwinds the stopped thread, bpf the registers and stack captured with the event.
	 * NULL when the backend cannot. Returns the number of frames or -errno. Symbolize with
	 * session_unwinder(s, t->tgid). */
	int (*stack)(struct session *s, struct tracee *t, uint64_t *pcs, int max);
	/* The same stack kept as it was captured, to be unwound later with unwind_captured()
	 * (bpf); NULL when the backend has no capture (ptrace: unwind the stopped thread now)
	 * or without memory. The caller frees it. */
	struct unw_capture *(*stack_capture)(struct session *s, struct tracee *t);
	/* Called by the backend between events, at least every tick_ms milliseconds while the
	 * session runs (periodic reports, a time limit); NULL: never. Setting stop ends the
	 * session as Ctrl-C does (attached processes are detached and keep running). */
	void (*tick)(struct session *s);
	unsigned tick_ms;
	volatile bool stop;
	void *sink_ctx;			    /* the sink's own state (scry leaks: its fd tracker) */
	struct session_unwinder *unwinders; /* session_unwinder()'s cache, most recent first */
};

/* The unwinder of process tgid, created on first use and kept after the process exits (so a
 * report can still symbolize its stacks); invalidated when the process execs. NULL without
 * libdw. (trace/session.c) */
struct unwinder *session_unwinder(struct session *s, pid_t tgid);
/* Process tgid exec'd: its unwinder must read the new image's modules. */
void session_unwinder_exec(struct session *s, pid_t tgid);
void session_unwinders_free(struct session *s);

/* -k: t's call stack at its current stop, symbolized and formatted for the session's output
 * (text: strace's " > module(symbol+0xoff) [0xaddr]" lines; JSON: an array of frame objects)
 * and appended to out. queued: formatted as strace formats a stack taken at syscall entry
 * (execve, exit: the image or the process is gone at exit) (output/stack.c). */
void stack_format(struct session *s, struct tracee *t, bool queued, struct strbuf *out);
/* Whether syscall nr has its stack taken at entry (strace's STACKTRACE_CAPTURE_ON_ENTER). */
bool stack_on_entry(long nr);
/* Whether syscall nr changes the memory mappings (strace's STACKTRACE_INVALIDATE_CACHE). */
bool stack_maps_change(long nr);

struct tracee *tracee_find(struct session *s, pid_t pid);
struct tracee *tracee_new(struct session *s, pid_t pid);
void tracee_drop(struct session *s, struct tracee *t);
void tracee_rekey(struct session *s, struct tracee *t, pid_t pid);
/* -ff -o FILE: t writes to FILE.PID (on failure, says so and writes to the shared output). */
void tracee_open_output(struct session *s, struct tracee *t);

/* The path of one syscall through filters, decoders and sinks (trace/session.c). The backend
 * fills t->ev (nr, args, t_enter) before _enter and (ret, is_error, t_exit) before _exit; ns is
 * the time the syscall counts for in -c. */
void session_syscall_enter(struct session *s, struct tracee *t);
void session_syscall_exit(struct session *s, struct tracee *t, uint64_t ns);
/* A non-leader thread (execer) called execve: it takes over the tid of the group leader
 * (leader, then dropped), and the leader's line is closed with "+++ superseded by execve in
 * pid OLD +++"; the execve's exit prints as "<... execve resumed>", as strace does. */
void session_exec_takeover(struct session *s, struct tracee *leader, struct tracee *execer);
/* Whether t's output is printed at all (not before its exec, not a silent follower, not -c). */
bool session_shown(const struct session *s, const struct tracee *t);

/* A sink turns events into output: text (strace's, output/text.c) or JSON Lines
 * (output/json.c). Backends call them through s->sink. */
struct sink {
	void (*syscall_enter)(struct session *s, struct tracee *t);
	void (*syscall_exit)(struct session *s, struct tracee *t);
	void (*exit_event)(struct session *s, struct tracee *t); /* "= ?": the thread is dying */
	void (*signal)(struct session *s, struct tracee *t, const void *siginfo);
	void (*stopped)(struct session *s, struct tracee *t, int sig);
	void (*exited)(struct session *s, struct tracee *t, int status);
	void (*superseded)(struct session *s, struct tracee *t, pid_t old);
	void (*detached)(struct session *s, struct tracee *t);
};
extern const struct sink text_sink;
extern const struct sink json_sink;

/* "+++ lost 12 events (ring buffer full) +++": events a backend could not deliver. */
void text_lost(struct session *s, uint64_t n, const char *why);

/* Message on stderr: "scry: Process N attached" */
void text_message(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Summary sink (output/summary.c): -c/-C. */
struct summary *summary_new(void);
void summary_add(struct summary *sum, long nr, uint64_t ns, bool error);
/* Adds calls counted elsewhere (the bpf backend counts -c in the kernel). */
void summary_add_many(struct summary *sum, long nr, uint64_t calls, uint64_t errors, uint64_t ns,
		      uint64_t min_ns, uint64_t max_ns);
void summary_print(struct summary *sum, FILE *f, const char *sort_by);
void summary_free(struct summary *sum);
bool summary_sort_key_valid(const char *name);

/* Launching (trace/launch.c): the command's path as strace resolves it (malloc'ed, or NULL
 * if not found), and the -E changes applied to the environment of the calling process. */
char *find_in_path(const char *cmd);
void apply_env(const struct trace_opts *o);

/* Describes an fd for -y/-yy from /proc (trace/fdpath.c). */
int fd_describe_proc(void *ctx, pid_t tgid, int fd, int level, struct strbuf *out);

/* Whether the syscall in t->ev passes -P and --trace-fds (trace/pathfilter.c). */
bool path_filter_match(struct session *s, struct tracee *t);
