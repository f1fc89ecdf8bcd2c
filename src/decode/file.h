/* Helpers shared by the file-syscall decoders (open.c, stat.c, fsargs.c, fsmisc.c). */
#pragma once
#include <stdint.h>

#include "decode/dctx.h"

/* A mode argument as strace prints chmod/open/mkdir modes: %#03o of the low 16 bits. */
void print_umode(struct dctx *d, uint64_t mode);
/* A mode with its file type, as in struct stat: S_IFREG|0644, S_ISUID|0755; -X aware. */
void print_symbolic_mode(struct dctx *d, unsigned mode);
/* A device number: makedev(0x8, 0x1); -X aware. */
void print_dev(struct dctx *d, uint64_t dev);
/* A uid or gid: -1 for (unsigned)-1, else unsigned. */
void print_id(struct dctx *d, unsigned id);
/* open(2) flags: the access mode first, then the other flags: O_RDONLY|O_CLOEXEC. */
void print_open_flags(struct dctx *d, uint64_t flags);
/* " /\* 2024-01-02T03:04:05.000000006+0000 *\/" after a time value; nothing for 0 or an
 * out-of-range nsec. nsec_width 9 for nanoseconds, 6 for microseconds, 0 for seconds. */
void print_time_comment(struct dctx *d, int64_t sec, uint64_t part, int width);
/* The string strace prints for flags that match no name ("AT_???"), by table; or NULL. */
const char *file_flags_dflt(const struct xlat *x);
/* A struct stat at addr (NULL / address when unreadable). */
void print_struct_stat(struct dctx *d, uint64_t addr);

/* Prints arguments from d->next_arg on by their table kinds, with the file family's
 * conventions: modes numeric, flags with their "???" default, and (ids) int arguments as
 * uid/gid. Stops before an output argument at entry. Returns DEC_MORE or DEC_DONE. */
int file_print_args(struct dctx *d, bool ids);
/* Prints arguments [from, to) by kind (to <= nargs) with the conventions above. */
void file_print_range(struct dctx *d, unsigned from, unsigned to);
