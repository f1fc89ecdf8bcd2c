/* A process's open files from the BPF task_file iterator (src/proc/fdtable.bpf.c). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "proc/fdtable.h"

/* Reads the open files of process pid into *buf (malloc'ed; *len bytes of fdt_records packed
 * back to back, each r->len long, not aligned: copy the header out before use). Only the
 * files of the first task listed (the one /proc/PID/fd shows) are kept. Returns 0;
 * -EOPNOTSUPP when the iterator cannot be used here (built without BPF, not root, no BTF or
 * bpf_d_path), remembered for later calls; -ESRCH when no such process; or -errno. */
int fdtable_bpf_read(pid_t pid, char **buf, size_t *len);

/* Walks records packed back to back in buf: copies the header of the one at *off to *h,
 * points *path at its NUL-terminated path (NULL when the kernel gave none) and moves *off
 * past it. Returns false at the end or at a malformed record (lengths that do not add up). */
bool fdt_record_next(const char *buf, size_t len, size_t *off, struct fdt_record *h,
		     const char **path);

/* Keeps the records of the first task in buf (a thread that unshared its file table has its
 * own) and drops anything from a malformed record on. Returns the new length. */
size_t fdt_keep_first_task(char *buf, size_t len);
