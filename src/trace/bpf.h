/* The bpf backend: syscall records from the kernel (src/bpf/trace.bpf.c) through a ring
 * buffer, decoded by the same decoders and sinks as the ptrace backend's. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

#include "bpf/trace.h"
#include "trace/session.h"

/* Launches s->o->argv or attaches to s->o->pids and traces until every tracee is gone or
 * scry is interrupted. Returns scry's exit status (as ptrace_run), or BPF_RUN_UNAVAILABLE
 * before anything was started when the kernel side cannot be loaded; then why says so. */
#define BPF_RUN_UNAVAILABLE (-1000)
int bpf_run(struct session *s, char *why, size_t whylen);

/* Whether the options need ptrace (-u, ...); if so, why names the option. */
bool bpf_options_need_ptrace(const struct trace_opts *o, char *why, size_t whylen);

/* The capture plan for syscalls 0..n-1 (trace/bpf_plan.c): what is traced, what memory
 * is captured at entry and exit, which entries go out at once. count_only: -c counted in
 * the kernel. unknown: the plan for numbers past the table. */
void bpf_plan_build(const struct trace_opts *o, bool count_only, struct scry_plan *plans,
		    unsigned n, struct scry_plan *unknown);
