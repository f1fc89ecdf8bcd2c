#pragma once
#include <signal.h>
#include <stdint.h>

struct dctx;

/* Prints {si_signo=..., si_code=..., ...} as strace does. */
void print_siginfo(struct dctx *d, const siginfo_t *si);
/* clock ticks, with their value in seconds as a comment: 12 / * 0.12 s * / */
void print_clock_t(struct dctx *d, uint64_t val);
