/* Opening /proc/PID once and reading everything relative to that directory fd, so a pid that
 * is reused mid-read cannot mix two processes. Nothing here prints. */
#pragma once
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Root of procfs; tests point it elsewhere. */
extern const char *proc_root;

/* Opens /proc/PID as an O_PATH|O_DIRECTORY fd. Returns the fd, or -ESRCH when there is no such
 * process, or another -errno. */
int proc_open(pid_t pid);

/* Opens a task directory /proc/PID/task/TID relative to an open /proc/PID. */
int proc_open_task(int dirfd, pid_t tid);

/* fopen() relative to dirfd; NULL with errno set on failure (ENOENT turned into ESRCH when
 * the process is gone). */
FILE *proc_fopenat(int dirfd, const char *path);

/* Reads a whole small file relative to dirfd into buf (NUL-terminated). Returns its length
 * or -errno. */
ssize_t proc_read_file(int dirfd, const char *path, char *buf, size_t size);

/* readlinkat() into buf with NUL termination. Returns the length or -errno. */
ssize_t proc_readlink(int dirfd, const char *path, char *buf, size_t size);

/* Lists the numeric entries of the directory dirfd/path (pids, tids, fd numbers), sorted.
 * *ret is malloc'ed. Returns the count or -errno. */
ssize_t proc_list_numeric(int dirfd, const char *path, int **ret);
