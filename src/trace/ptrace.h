/* The ptrace backend. */
#pragma once
#include "trace/session.h"

extern const struct mem_reader ptrace_mem_reader;

/* Launches s->o->argv or attaches to s->o->pids, traces until every tracee is gone or
 * scry is interrupted, and returns scry's exit status (see cmd/trace.c). */
int ptrace_run(struct session *s);

/* The seccomp filter that makes untraced syscalls stop nothing (trace/seccomp.c).
 * Installs it in the calling process. Returns 0 or -errno. */
int seccomp_install(const struct filter *f, bool maps);
/* Whether a seccomp filter is worth installing (a strict subset is traced). */
bool seccomp_wanted(const struct trace_opts *o);
