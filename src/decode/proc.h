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
void print_int_ref(struct dctx *d, uint64_t addr);
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
