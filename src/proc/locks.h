/* /proc/locks: which (device, inode) pairs carry a lock anywhere, so scry reads the per-fd
 * lock lines of fdinfo only for those files. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct locked_inode {
	unsigned int major, minor;
	uint64_t ino;
};

struct lock_set {
	struct locked_inode *v;
	size_t n;
};

/* Parses /proc/locks text; waiters ("->") are skipped. Returns 0 or -ENOMEM. */
int locks_parse(FILE *f, struct lock_set *ret);
bool lock_set_has(const struct lock_set *s, unsigned int major, unsigned int minor, uint64_t ino);
void lock_set_free(struct lock_set *s);
