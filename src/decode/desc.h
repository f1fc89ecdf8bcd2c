/* Helpers shared by the desc and memory decoders (rw.c, fcntl.c, poll.c, ioctl.c, mem.c). */
#pragma once
#include "decode/dctx.h"

/* Open file status flags as strace prints them: O_RDWR|O_NONBLOCK (F_SETFL, dup3, pipe2). */
void print_open_modes(struct dctx *d, uint64_t flags);
/* The same as text, "flags O_RDWR|O_LARGEFILE", for the F_GETFL return value. */
void sb_open_modes(struct strbuf *sb, uint64_t flags);

/* An iovec array of n elements at addr: [{iov_base="...", iov_len=5}, ...]. data_size caps the
 * bytes shown over all elements (the return value of readv), -1 for no cap; with as_addr the
 * bases print as addresses. */
void print_iovec(struct dctx *d, uint64_t addr, uint64_t n, uint64_t data_size, bool as_addr);

/* A signed 64-bit value at addr: [42]; NULL; the address when unreadable. */
void print_int64_ptr(struct dctx *d, uint64_t addr);
