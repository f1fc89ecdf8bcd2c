/* What one process holds: cwd, root, executable, mapped files and every fd, with what the
 * kernel says about each (link text, fdinfo, and a stat of the /proc magic link unless the
 * file lives on a network filesystem). Sockets are left as inodes for the caller to resolve. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "proc/fdinfo.h"

enum of_slot {
	OF_CWD,
	OF_RTD,
	OF_TXT,
	OF_MEM,
	OF_DEL, /* a mapped file that was deleted */
	OF_FD,
};

enum of_kind {
	OFK_UNKNOWN,
	OFK_REG,
	OFK_DIR,
	OFK_CHR,
	OFK_BLK,
	OFK_FIFO, /* named FIFO */
	OFK_PIPE,
	OFK_SOCK,
	OFK_ANON, /* anon_inode: eventfd, epoll, timerfd, signalfd, inotify, pidfd, ... */
	OFK_MEMFD,
	OFK_LINK,
};

struct open_file {
	enum of_slot slot;
	int fd; /* OF_FD only */
	enum of_kind kind;
	char mode;     /* 'r', 'w', 'u', or ' ' (not an fd) */
	char *name;    /* link text; for OF_MEM the mapped path */
	int err;       /* readlink failed: -errno, name is NULL */
	bool deleted;  /* name ended in " (deleted)", which was stripped */
	bool has_stat; /* dev, rdev, size, nlink valid */
	bool remote;   /* on a network filesystem: not stat'ed */
	bool has_fdinfo;
	unsigned int dev_major, dev_minor, rdev_major, rdev_minor;
	uint64_t size, ino, nlink;
	uint64_t sock_ino; /* OFK_SOCK: the socket inode */
	struct fdinfo fi;
};

struct proc_files {
	pid_t pid;
	uid_t uid;
	char comm[64];
	pid_t ppid, pgrp;
	struct open_file *v;
	size_t n;
	char netns[64]; /* readlink of ns/net, to pick the socket table */
};

enum {
	PF_NO_MAPS = 1 << 0,  /* skip mem rows */
	PF_NO_STAT = 1 << 1,  /* never stat, even on local filesystems */
	PF_FDS_ONLY = 1 << 2, /* skip cwd/rtd/txt/mem */
	PF_FDINFO = 1 << 3,   /* read fdinfo of every fd (offsets, flags for --json) */
	/* a big table: populate the heap it will need in one go (page faults cost ~25 us each
	 * here). Worth it only when the caller's malloc keeps big blocks on the heap
	 * (M_MMAP_THRESHOLD/M_TRIM_THRESHOLD raised, as `scry fds` does): else they are
	 * unmapped on free and faulted in again. */
	PF_PREFAULT = 1 << 4,
};

/* Files on network filesystems are not stat'ed (a dead server would block), unless this is
 * positive: then they are, in a child process killed after this many milliseconds. */
extern int proc_files_remote_timeout_ms;

/* Filter on fd numbers, called before anything about the fd is read; NULL keeps all. */
typedef bool (*fd_filter_fn)(int fd, void *userdata);

/* Reads what the process at dirfd (an open /proc/PID) holds. Returns 0, -ESRCH when the
 * process went away, or -errno. Unreadable entries (permissions) are returned with err set. */
int proc_files_read(int dirfd, pid_t pid, unsigned int flags, fd_filter_fn filter, void *ud,
		    struct proc_files *ret);
void proc_files_free(struct proc_files *p);

/* Classifies a readlink text of /proc/PID/fd/N ("socket:[12]", "pipe:[3]", "anon_inode:...",
 * "/memfd:x (deleted)", a path); sets *ino for sockets and pipes. */
enum of_kind of_kind_from_link(const char *link, uint64_t *ino);
