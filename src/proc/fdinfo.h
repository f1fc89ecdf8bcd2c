/* /proc/PID/fdinfo/N: position, flags, mount id, inode and the locks held through this fd. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct fdinfo {
	uint64_t pos;
	unsigned int flags; /* O_* flags, octal in the file */
	int mnt_id;
	uint64_t ino;
	bool has_ino;
	/* lsof's lock character: ' ' none, 'r'/'w' read/write lock on part of the file,
	 * 'R'/'W' on the whole file, 'u' read and write locks. */
	char lock;
	long eventfd_id; /* -1 when absent */
	int pidfd_pid;	 /* 0 when absent */
	char tfds[64];	 /* epoll targets, "34,35" (cut at 63 bytes) */
};

/* Parses fdinfo text of length len (need not be NUL-terminated). Unknown lines are ignored.
 * Returns 0, or -EINVAL when no pos: and flags: lines were found. */
int fdinfo_parse(const char *buf, size_t len, struct fdinfo *ret);

/* Same, reading a FILE (for tests and fuzzers). */
int fdinfo_parse_file(FILE *f, struct fdinfo *ret);

/* The lock character for one "lock:" line's body ("1: FLOCK  ADVISORY  WRITE 123 fe:00:1 0
 * EOF"), or 0 when the line is not a lock held (a waiter "->" or malformed). */
char fdinfo_lock_char(const char *line, size_t len);
