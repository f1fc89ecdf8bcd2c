/* Helpers shared by the process, signal, scheduling and clock decoders. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "decode/dctx.h"

/* "name=" before a top-level argument (clone's child_stack=...); nothing in JSON, where the
 * arguments are a plain list. */
void print_arg_name(struct dctx *d, const char *name);
/* " => " between an argument's value at entry and its value at exit (clone3). In JSON the
 * exit value is simply the next element. */
void print_value_changed(struct dctx *d);
/* pr_xval with strace's comment for unknown values: 0x10 / * RLIMIT_??? * / */
void print_xval(struct dctx *d, const struct xlat *x, uint64_t v, const char *dflt);
/* As print_xval, unknown values in decimal. */
void print_xval_d(struct dctx *d, const struct xlat *x, int64_t v, const char *dflt);
void print_flags(struct dctx *d, const struct xlat *x, uint64_t v, const char *dflt);
/* uid/gid: -1 or unsigned */
void print_uid(struct dctx *d, unsigned uid);
/* [value] of an int at addr (printnum_int): address if unreadable */
/* An output argument: its address when the syscall failed, else printer(d, addr). */
bool out_failed(struct dctx *d, uint64_t addr);
/* struct rusage */
void print_rusage(struct dctx *d, uint64_t addr);
/* siginfo_t at addr, or its address */
void print_siginfo_at(struct dctx *d, uint64_t addr);
/* clock ids: CLOCK_MONOTONIC, FD_TO_CLOCKID(3), MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED) */
void print_clockid(struct dctx *d, int clockid);
/* the syscall returned an ERESTART* code (interrupted) */
bool is_erestart(const struct dctx *d);
/* print a quoted buffer with every byte in \x hex (strace's QUOTE_FORCE_HEX) */
void print_buf_hex(struct dctx *d, uint64_t addr, uint64_t len);
/* [fd] of an int fd at addr, decorated by -y */
void print_fd_ref(struct dctx *d, uint64_t addr);
/* Ends the entry half of a syscall whose remaining arguments print at exit: strace 6.1
 * writes the ", " after the last entry argument at entry ("wait4(-1,  <unfinished ...>",
 * then "<... wait4 resumed>NULL, 0, NULL)"). Returns DEC_MORE. */
int entry_more(struct dctx *d);

/* Tracee memory these decoders read (what a capturing backend must capture):
 *   entry: execve/execveat argv and envp arrays and their strings (envp only counted without
 *          -v); clone3 the clone_args (arg 1 bytes, at most 88) and set_tid array;
 *          rt_sigaction 88 bytes at arg 1; rt_sigprocmask/rt_sigsuspend/rt_sigtimedwait the set
 *          (arg 3 / arg 1 bytes); rt_sigtimedwait the timeout; rt_(tg)sigqueueinfo a siginfo_t;
 *          sigaltstack stack_t at arg 0; setrlimit/prlimit64 16 bytes; setgroups the gid array;
 *          sched_setaffinity the mask; sched_setattr the attr (its size field first);
 *          sched_setparam/setscheduler an int; futex a timespec at arg 3 for the waits;
 *          nanosleep/clock_nanosleep/clock_settime/settimeofday/setitimer/timer_settime the
 *          time struct; timer_create the sigevent; prctl PR_SET_NAME 16 bytes, PR_SET_VMA the
 *          name, PR_SET_SECCOMP the sock_fprog; rt_sigreturn 8 bytes at
 *          sp + offsetof(ucontext_t, uc_sigmask) (needs ev->sp).
 *   exit:  the output argument of each call that has one (struct sizes as in the kernel ABI:
 *          rusage 144, rlimit 16, utsname 390, sysinfo 112, tms 32, timex 208, itimerval 32,
 *          itimerspec 32, timespec/timeval 16, stack_t 24, siginfo 128, sched_attr up to 56,
 *          int/uid for the [N] outputs, 8 for ARCH_GET_FS and get_robust_list), rt_sigaction 88
 *          bytes at arg 2, clone3 the clone_args again, wait4 the status int, getrandom and
 *          sched_getaffinity as many bytes as returned, getgroups ret * 4 bytes. */
