/* The syscall table: what each system call is called, which classes it belongs to and what
 * kind each of its arguments is. Rows are generated from src/syscalls/<arch>.tbl. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xlat/xlat.h"

/* Trace classes, as strace's -e trace=%class. */
enum {
	TC_FILE = 1 << 0,
	TC_DESC = 1 << 1,
	TC_NETWORK = 1 << 2,
	TC_PROCESS = 1 << 3,
	TC_SIGNAL = 1 << 4,
	TC_IPC = 1 << 5,
	TC_MEMORY = 1 << 6,
	TC_CREDS = 1 << 7,
	TC_CLOCK = 1 << 8,
	TC_STAT = 1 << 9,
	TC_LSTAT = 1 << 10,
	TC_FSTAT = 1 << 11,
	TC_STAT_LIKE = 1 << 12, /* %%stat */
	TC_STATFS = 1 << 13,
	TC_FSTATFS = 1 << 14,
	TC_STATFS_LIKE = 1 << 15, /* %%statfs */
	TC_PURE = 1 << 16,
};

/* How an argument prints (and, for the bpf backend, what memory to capture). */
enum arg_kind {
	AK_HEX,	    /* %#lx, 0 as 0: strace's default for undecoded arguments */
	AK_INT,	    /* (int) decimal */
	AK_UINT,    /* (unsigned int) decimal */
	AK_LONG,    /* (long) decimal */
	AK_ULONG,   /* (unsigned long) decimal */
	AK_PTR,	    /* NULL or 0x... */
	AK_FD,	    /* int, decorated by -y */
	AK_DIRFD,   /* AT_FDCWD or fd */
	AK_PATH,    /* NUL-terminated, not cut by -s */
	AK_STR,	    /* NUL-terminated, cut by -s */
	AK_MODE,    /* octal with file type bits */
	AK_OCTAL,   /* 0%o */
	AK_SIGNO,   /* SIGxxx */
	AK_FLAGS,   /* xlat flags */
	AK_XVAL,    /* xlat enum value */
	AK_BUF_IN,  /* input buffer, length in argument `param` */
	AK_BUF_OUT, /* output buffer, length = return value (param 0xff) or argument `param` */
	AK_IN,	    /* input struct, printer `strct` */
	AK_OUT,	    /* output struct, printer `strct` */
};

#define ARG_LEN_RET 0xff

struct dctx;
typedef void (*struct_printer_fn)(struct dctx *d, uint64_t addr);

struct struct_printer {
	const char *name;
	struct_printer_fn print;
	unsigned size; /* bytes the bpf backend captures; 0 = decoder reads itself */
};

struct arg_desc {
	uint8_t kind;
	uint8_t param;
	const struct xlat *xlat;
	const struct struct_printer *strct;
};

enum {
	RV_DEC = 0, /* default: signed decimal */
	RV_HEX = 1,
	RV_OCT = 2,
	RV_FD = 3,
};

/* A decoder prints the arguments of one syscall. It is called at entry (d->exiting false)
 * and, unless it returned DEC_DONE then, again at exit. */
typedef int (*decoder_fn)(struct dctx *d);
#define DEC_MORE 0 /* call me again at exit */
#define DEC_DONE 1 /* all arguments printed */

struct syscall_info {
	const char *name; /* NULL: no syscall at this number */
	uint8_t nargs;
	uint8_t rval; /* RV_* */
	uint32_t classes;
	struct arg_desc args[6];
	decoder_fn decode;
};

extern const struct syscall_info syscall_table[];
extern const unsigned syscall_table_size;

/* The row for nr, or NULL for a number the kernel does not know. */
static inline const struct syscall_info *syscall_get(long nr)
{
	if (nr < 0 || (unsigned long)nr >= syscall_table_size || !syscall_table[nr].name)
		return NULL;
	return &syscall_table[nr];
}

/* Number of the syscall called name, or -1. */
long syscall_by_name(const char *name);
