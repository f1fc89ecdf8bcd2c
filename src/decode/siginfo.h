#pragma once
#include <signal.h>

struct dctx;

/* Prints {si_signo=..., si_code=..., ...} as strace does. */
void print_siginfo(struct dctx *d, const siginfo_t *si);
