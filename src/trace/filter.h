/* What to show: strace's -e trace=, -e signal=, -e status=, -P and --trace-fds. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NSYSCALL_SET 1024 /* bits; numbers above print as unknown and count as "all" */
#define NSIGNAL_SET  65

/* A set of small numbers with an inversion bit, as strace's number_set. */
struct numset {
	uint64_t bits[NSYSCALL_SET / 64];
	bool not ;
};

static inline bool numset_has(const struct numset *s, unsigned n)
{
	bool in = n < NSYSCALL_SET && (s->bits[n / 64] >> (n % 64)) & 1;
	return in != s->not ;
}

static inline void numset_add(struct numset *s, unsigned n)
{
	if (n < NSYSCALL_SET)
		s->bits[n / 64] |= 1ull << (n % 64);
}

enum {
	ST_SUCCESSFUL = 1 << 0,
	ST_FAILED = 1 << 1,
	ST_UNFINISHED = 1 << 2,
	ST_UNAVAILABLE = 1 << 3,
	ST_DETACHED = 1 << 4,
	ST_ALL = 0x1f,
};

struct filter {
	struct numset trace;   /* syscalls shown */
	bool trace_given;      /* -e trace= was used (seccomp filter applies) */
	struct numset signals; /* signals shown in --- SIG lines and +++ killed by */
	unsigned status;       /* ST_* shown */
	char **paths;	       /* -P: shown syscalls touch one of these */
	unsigned npaths;
	struct numset fds; /* --trace-fds */
	bool fds_given;
};

void filter_init(struct filter *f);

/* Each parser returns 0, or -EINVAL with a message for the user in err. */
int filter_parse_trace(struct filter *f, const char *spec, char *err, size_t errlen);
int filter_parse_signals(struct filter *f, const char *spec, char *err, size_t errlen);
int filter_parse_status(struct filter *f, const char *spec, char *err, size_t errlen);
int filter_parse_fds(struct filter *f, const char *spec, char *err, size_t errlen);
int filter_add_path(struct filter *f, const char *path);
/* Frees what the parsers allocated. */
void filter_free(struct filter *f);

/* Parses a signal name ("SIGCHLD", "chld", "17"); returns the number or -1. */
int signal_by_name(const char *name);
