/* /proc/PID/stat: the fields scry needs. */
#pragma once
#include <stdint.h>
#include <sys/types.h>

struct pid_stat {
	char comm[64]; /* between the outer parentheses, as the kernel wrote it */
	char state;
	pid_t ppid, pgrp, session;
	int tty_nr;
	uint64_t utime, stime; /* clock ticks */
	long num_threads;
	uint64_t starttime; /* clock ticks after boot */
	uint64_t vsize;	    /* bytes */
	int64_t rss;	    /* pages */
};

/* Parses the one-line stat text. The command may contain spaces and ')'; the last ')' ends
 * it. Returns 0 or -EINVAL. */
int pid_stat_parse(const char *buf, struct pid_stat *ret);
