/* Tables of named constants (flags and enumerations), generated from the .def files in src/xlat. */
#pragma once
#include <stdint.h>

struct xlat_entry {
	uint64_t val;
	const char *name;
};

enum xlat_type {
	XT_FLAGS,  /* a bit set: printed A|B|0x40 */
	XT_ENUM,   /* one value: printed NAME or 0x2a */
	XT_SORTED, /* an enum sorted by value (for bsearch) */
};

struct xlat {
	const struct xlat_entry *e;
	unsigned n;
	uint8_t type;
	const char *name; /* table name, e.g. "open_flags" */
	const char *dflt; /* unknown values get this comment ("O_???"), or NULL */
};

/* Name of v in an enum table, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t v);

#include "xlat/xlat_tables.h"
