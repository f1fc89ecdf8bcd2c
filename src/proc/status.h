/* /proc/PID/status: identity, state and memory of a process. */
#pragma once
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct pid_status {
	char name[64];
	char state[32]; /* "S (sleeping)" */
	pid_t tgid, ppid;
	uid_t uid[4]; /* real, effective, saved, filesystem */
	gid_t gid[4];
	long threads;
	long fdsize;
	/* kB; -1 when the line is absent (kernel threads have no Vm lines) */
	int64_t vm_peak, vm_size, vm_rss, vm_swap, rss_anon, rss_file, rss_shmem;
};

/* Parses status text. Returns 0, or -EINVAL when there is no Name: line. */
int pid_status_parse(FILE *f, struct pid_status *ret);
