/* /proc/net/sockstat: socket totals of a network namespace, and /proc/sys/fs/file-nr. */
#pragma once
#include <stdint.h>
#include <stdio.h>

/* One "KEY value" pair of a protocol line: "TCP: inuse 5 orphan 0 tw 2 alloc 7 mem 1". */
struct sockstat_field {
	char proto[16]; /* "sockets", "TCP", "UDP", "UDPLITE", "RAW", "FRAG" */
	char key[16];	/* "used", "inuse", "orphan", "tw", "alloc", "mem", "memory" */
	int64_t value;
};

struct sockstat {
	struct sockstat_field v[32];
	size_t n;
};

/* Parses sockstat (or sockstat6) text. Returns 0, or -EINVAL when nothing was recognised. */
int sockstat_parse(FILE *f, struct sockstat *ret);

/* A one-line explanation of a field, or NULL. */
const char *sockstat_explain(const char *proto, const char *key);

struct file_nr {
	uint64_t allocated, unused, max;
};

/* Parses /proc/sys/fs/file-nr ("2048	0	9223372036854775807"). Returns 0 or -EINVAL. */
int file_nr_parse(FILE *f, struct file_nr *ret);
