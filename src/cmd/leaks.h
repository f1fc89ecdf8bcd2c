/* scry leaks: shared between the command (leaks.c) and fd descriptions (leaks-describe.c). */
#pragma once
#include "cmd/fds.h"
#include "leaks/leaks.h"

struct leaks_proc_files {
	pid_t tgid;
	bool ok;
	struct proc_files pf;
};

/* Per report: the /proc listings and socket tables read so far. */
struct leaks_describe {
	struct leaks_proc_files v[64];
	unsigned n;
	struct netns_tables nt;
};

/* leak_describe_fn with a struct leaks_describe as ctx. */
void leaks_describe_fd(void *ctx, const struct leak_proc *p, int fd, const struct leak_fd *f,
		       char *out, size_t len);
void leaks_describe_free(struct leaks_describe *d);
