/* Attaching to and detaching from threads that scry did not start. */
#pragma once
#include <stddef.h>
#include <sys/types.h>

/* PTRACE_SEIZE + PTRACE_INTERRUPT. Returns 0 or -errno. */
int ptrace_seize_thread(pid_t tid, unsigned options);

/* Detaches tid leaving it running, with no stray SIGSTOP or SIGTRAP: stops it first
 * with PTRACE_INTERRUPT if it is running. */
void ptrace_detach_thread(pid_t tid);

/* Why attaching to pid failed with err, for the user: "No such process", "Operation not
 * permitted (already traced by process 123)", "... (Yama ptrace_scope is 1: ...)". */
void ptrace_explain_failure(pid_t pid, int err, char *buf, size_t len);
