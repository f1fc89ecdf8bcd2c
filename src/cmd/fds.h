/* scry fds: shared between option parsing (fds.c), row building (fds-rows.c) and the
 * outputs (fds-output.c). */
#pragma once
#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "net/socktab.h"
#include "proc/openfiles.h"

/* One printed line: every column already formatted. */
struct fds_row {
	const struct proc_files *proc;
	const struct open_file *of;
	const struct sock_entry *sock;	/* resolved socket, or NULL */
	pid_t tid;			/* -K: the task, 0 for the process itself */
	char tcmd[16];			/* -K: the task's command */
	char fd[16];			/* "cwd", "3" */
	char mode, lock;
	const char *type;
	char device[24];
	char sizeoff[24];
	char node[40];
	char *name;			/* malloc'ed; without the state */
	char tail[24];			/* " (LISTEN)" for the table; " " for UDP, as lsof */
	const char *state;		/* TCP or unix state, for -F's TST= */
	char proto[8];			/* "TCP", "UDP", packet protocol, or "" */
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
	bool unix_peers;	/* also ask sock_diag for unix peers */
};

struct fds_opts {
	bool numeric_hosts, numeric_ports;	/* -n, -P */
	bool endpoints;				/* +E */
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
void fds_print_table(const struct fds_row *rows, size_t n, bool tasks);
void fds_print_fields(const struct fds_row *rows, size_t n, const char *fields);
void fds_print_json(const struct fds_row *rows, size_t n);
void fds_print_summary(const struct fds_row *rows, size_t n);

/* Folds digit runs and random-looking tokens of a name into '*' (for --summary). */
void fds_fold_name(const char *name, char *out, size_t len);
