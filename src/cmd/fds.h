/* scry fds: shared between option parsing (fds.c), row building (fds-rows.c) and the
 * outputs (fds-output.c). */
#pragma once
#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "net/socktab.h"
#include "proc/fdinfo.h"
#include "proc/openfiles.h"

/* One printed line: every column already formatted. */
struct fds_row {
	const struct proc_files *proc;
	const struct open_file *of;
	const struct sock_entry *sock; /* resolved socket, or NULL */
	pid_t tid;		       /* -K: the task, 0 for the process itself */
	char tcmd[16];		       /* -K: the task's command */
	char fd[16];		       /* "cwd", "3" */
	char mode, lock;
	const char *type;
	char device[24];
	char sizeoff[24];
	char node[40];
	char *name;	   /* malloc'ed; without the state */
	char tail[24];	   /* " (LISTEN)" for the table; " " for UDP, as lsof */
	const char *state; /* TCP or unix state, for -F's TST= */
	char proto[8];	   /* "TCP", "UDP", packet protocol, or "" */
};

struct fds_proc_list {
	struct proc_files *v;
	size_t n;
};

/* Per network namespace socket tables, loaded on first use. */
struct netns_tables {
	struct {
		char ns[64];
		struct sock_table t;
	} v[8];
	size_t n;
	bool unix_peers; /* also ask sock_diag for unix peers */
};

struct fds_opts {
	bool numeric_hosts, numeric_ports; /* -n, -P */
	bool endpoints;			   /* +E */
	bool size_only;			   /* -s: SIZE column, never offsets */
};

/* Builds the row for of (and sock, resolved by the caller). Returns 0 or -ENOMEM. */
int fds_row_build(struct fds_row *row, const struct proc_files *pf, const struct open_file *of,
		  const struct sock_entry *sock, const struct fds_opts *o);

/* The socket entry for ino in the process's network namespace. */
const struct sock_entry *fds_sock_lookup(struct netns_tables *nt, const struct proc_files *pf,
					 int dirfd, uint64_t ino);
void fds_netns_free(struct netns_tables *nt);

/* "127.0.0.1:22", "[::1]:*", "localhost:ssh" for one endpoint. */
void fds_format_endpoint(char *buf, size_t len, int family, const uint8_t *addr, uint16_t port,
			 const char *proto, const struct fds_opts *o);

/* lsof's user column: login name, or the uid. */
const char *fds_user_name(uid_t uid);

/* Outputs. rows are in listing order. */
/* cmd_width: how many characters of COMMAND (and TASKCMD) to print; size: -s's SIZE title */
void fds_print_table(const struct fds_row *rows, size_t n, bool tasks, int cmd_width, bool size);
void fds_print_fields(const struct fds_row *rows, size_t n, const char *fields);
void fds_print_json(const struct fds_row *rows, size_t n);
void fds_print_summary(const struct fds_row *rows, size_t n);

/* ---- selection (fds-select.c) ---- */

enum { SEL_PID, SEL_CMD, SEL_USER, SEL_FD, SEL_INET, SEL_UNIX, SEL_DIR, SEL_NAME, SEL_MAX };

struct item {
	char *text; /* as given, for "not found" */
	bool neg, found;
	long lo, hi; /* pid, uid, fd range; slot for named fds (lo = -1 - slot) */
	regex_t re;
	bool is_re;
	/* -i */
	int family, proto; /* 0 = any */
	uint8_t addr[16];
	int addr_family;       /* 0 = any host */
	long port_lo, port_hi; /* -1 = any */
	bool recursive;	       /* +D */
	/* a NAME: the file it names, or every file of a filesystem when it is a mount point */
	unsigned int dev_major, dev_minor;
	uint64_t ino;
	bool whole_fs;
};

struct sel {
	struct item *v;
	size_t n;
	bool neg_only; /* every item is an exclusion */
	bool given;
};

/* -s TCP:STATES: inet sockets whose kernel state (TCP's numbering, which UDP shares) is in
 * include (when not empty) and not in exclude; bit n is state n. Other files pass. */
struct state_filter {
	uint32_t include, exclude;
};

struct fds_ctx {
	struct sel sel[SEL_MAX];
	struct state_filter states;
	int cmd_width; /* +c: COMMAND column width (lsof: 9) */
	bool and, terse, tasks, json, summary;
	const char *fields;	 /* -F; NULL when not given */
	int repeat;		 /* seconds; 0 = once */
	bool repeat_until_empty; /* +r */
	struct fds_opts o;
};

/* Adding to the selections while parsing options. The fds_sel_* parsers print why an
 * argument is malformed and return -EINVAL; fds_sel_each splits a comma list and strips ^. */
int fds_sel_add(struct sel *s, struct item it);
int fds_sel_each(struct fds_ctx *c, int kind, const char *list,
		 int (*fn)(struct fds_ctx *c, int kind, const char *s, bool neg));
int fds_sel_pid(struct fds_ctx *c, int kind, const char *s, bool neg);
int fds_sel_user(struct fds_ctx *c, int kind, const char *s, bool neg);
int fds_sel_fd(struct fds_ctx *c, int kind, const char *s, bool neg);
int fds_sel_cmd(struct fds_ctx *c, const char *s);
int fds_sel_inet(struct fds_ctx *c, const char *spec);
int fds_sel_dir(struct fds_ctx *c, const char *dir, bool recursive);
int fds_sel_name(struct fds_ctx *c, const char *name);
/* -s PROTO:STATE[,STATE...] with ^ exclusions; prints why it is malformed, -EINVAL. */
int fds_state_filter_parse(struct state_filter *f, const char *spec);
void fds_sel_finish(struct sel *s);
int fds_parse_long(const char *s, long *v);

/* Process-level test of one selection: -1 excluded, 1 selected, 0 not named; mark sets the
 * found flag of what matched. */
int fds_proc_sel(struct sel *s, int kind, const struct proc_files *pf, bool mark);
/* File-level test; marks what matched. */
bool fds_file_sel(struct sel *s, int kind, const struct open_file *of,
		  const struct sock_entry *sock);
/* Whether a file is listed: exclusions first, then OR (AND with -a) of the selections. */
bool fds_selected(struct fds_ctx *c, const struct proc_files *pf, const struct open_file *of,
		  const struct sock_entry *sock);
bool fds_needs_all_procs(struct fds_ctx *c);
/* fd_filter_fn for proc_files_read: skips fds a pure -d selection excludes. */
bool fds_fd_filter(int fd, void *ud);
/* Prints one line per requested item that matched nothing; returns how many. */
int fds_report_not_found(struct fds_ctx *c);
void fds_ctx_free(struct fds_ctx *c);

/* ---- +E endpoints (fds-endpoints.c) ---- */

struct endpoint {
	uint64_t ino;
	pid_t pid;
	int fd;
	char mode;
	char comm[16];
};

struct endpoints {
	struct endpoint *v;
	size_t n;
};

/* Connected inet sockets by 4-tuple, to find the local other end of a loopback connection. */
struct tuple_index {
	const struct sock_entry **v;
	size_t n;
	size_t tables; /* netns tables indexed; rebuilt when more were loaded */
};

/* lsof +E lists the files at the other ends too: the (pid, fd) pairs to add. */
struct pidfd {
	pid_t pid;
	int fd;
};

struct pidfd_set {
	struct pidfd *v;
	size_t n, cap;
};

/* Indexes the pipes and sockets of every process (but scry) by inode. Returns 0 or -errno. */
int fds_endpoints_load(struct endpoints *e);
/* Appends the holders of the row's other end to its NAME, as lsof +E. */
int fds_add_endpoints(const struct endpoints *e, struct tuple_index *ti,
		      const struct netns_tables *nt, struct fds_row *row);
/* The (pid, fd) of every other end of the rows, sorted. */
int fds_collect_other_ends(const struct fds_row *rows, size_t n, const struct endpoints *e,
			   struct tuple_index *ti, const struct netns_tables *nt,
			   struct pidfd_set *out);
bool fds_pidfd_has(const struct pidfd_set *s, pid_t pid, int fd);
