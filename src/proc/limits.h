/* /proc/PID/limits. */
#pragma once
#include <stdint.h>
#include <stdio.h>

#define LIMIT_UNLIMITED UINT64_MAX

struct limit {
	char name[32];	     /* "Max open files" */
	uint64_t soft, hard; /* LIMIT_UNLIMITED for "unlimited" */
	char unit[16];	     /* "files", "bytes", ... or "" */
};

struct limits {
	struct limit v[24];
	size_t n;
};

/* Parses the limits table. Returns 0, or -EINVAL when the header is missing. */
int limits_parse(FILE *f, struct limits *ret);

/* The row whose name is name, or NULL. */
const struct limit *limits_find(const struct limits *l, const char *name);
