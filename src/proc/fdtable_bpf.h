/* A process's open files from the BPF task_file iterator (src/proc/fdtable.bpf.c). */
#pragma once
#include <stddef.h>
#include <sys/types.h>

#include "proc/fdtable.h"

/* Reads the open files of process pid into *buf (malloc'ed; *len bytes of fdt_records packed
 * back to back, each r->len long, not aligned: copy the header out before use). Only the
 * files of the first task listed (the one /proc/PID/fd shows) are kept. Returns 0;
 * -EOPNOTSUPP when the iterator cannot be used here (built without BPF, not root, no BTF or
 * bpf_d_path), remembered for later calls; -ESRCH when no such process; or -errno. */
int fdtable_bpf_read(pid_t pid, char **buf, size_t *len);
