/* Folding of names into patterns: the parts of a path or address that differ from one
 * instance to the next (digit runs, random-looking tokens) become '*', so that
 * /tmp/upload-1234 and /tmp/upload-a8f3k2x9 are both /tmp/upload-*. Used by `scry fds
 * --summary` and by `scry leaks` to group what is open. */
#pragma once
#include <stddef.h>

/* out: the folded name, at most len bytes with its NUL. */
void name_fold(const char *name, char *out, size_t len);
