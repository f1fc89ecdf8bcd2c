/* Shared by unwind.c, memory.c and symbolize.c: the state behind struct unwinder. */
#pragma once
#include <elfutils/libdwfl.h>
#include <stdio.h>

#include "unwind/unwind.h"

#define UNW_PAGE      4096
#define UNW_MEM_PAGES 4
#define UNW_SYM_CACHE 1024 /* symbolized pcs, direct-mapped */
#define UNW_MISS_PCS  16   /* pcs in no module even after re-reading the maps */

struct unw_mem_page {
	uint64_t addr; /* page-aligned; valid when len > 0 */
	size_t len;    /* bytes readable from addr */
	uint8_t data[UNW_PAGE];
};

struct unw_sym_entry {
	bool valid, isret;
	int err;
	struct unw_frame f;
};

struct unw_mapping {
	uint64_t start, end, offset;
	bool exec;
	char *path; /* NULL for anonymous memory */
};

struct unwinder {
	pid_t tgid;
	Dwfl *dwfl;
	bool reported; /* modules read from /proc/PID/maps since the last invalidate */
	bool attached; /* dwfl_attach_state done */
	int arch_fd;   /* our own executable: its ELF tells libdwfl the architecture */
	Elf *arch_elf;
	int memfd; /* /proc/PID/mem, -1 until needed (reopened after exec) */

	/* The request being unwound: a live thread (tid) or captured registers and stack. */
	pid_t tid;
	const struct unw_regs *regs;
	const uint8_t *stack;
	size_t stack_len;
	struct unw_mem_page pages[UNW_MEM_PAGES]; /* live reads during one request */
	unsigned next_page;

	/* The frames being collected. */
	uint64_t *pcs;
	int n, max;
	const char *error;

	struct unw_sym_entry *syms;	   /* UNW_SYM_CACHE entries, allocated on first symbolize */
	struct unw_sym_entry *strace_syms; /* the same for unwind_symbolize_strace() */
	struct unw_mapping *maps;	   /* /proc/PID/maps, for unwind_symbolize_strace() */
	size_t nmaps;
	bool maps_read;
	char *snapshot; /* unwinder_load_maps(): /proc/PID/maps text, used instead of /proc */
	size_t snapshot_len;
	uint64_t miss[UNW_MISS_PCS];
	unsigned nmiss;
};

/* memory.c: one word of the target's memory for libdw, from the captured stack when it covers
 * addr, else from /proc/PID/mem (through a small page cache reset per request). */
bool unw_memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg);
void unw_memory_reset(struct unwinder *u);
void unw_memory_close(struct unwinder *u);

/* unwind.c: reads the modules from /proc/PID/maps (or the snapshot) if not done since the last
 * invalidate (or again when force). Returns 0 or -errno. */
int unw_report(struct unwinder *u, bool force);
/* Whether addr has already been re-read for in vain (JIT code, anonymous memory): then the
 * maps are not read again for it. Remembers it if not. */
bool unw_seen_miss(struct unwinder *u, uint64_t addr);

/* The maps text: the snapshot as a stream, else /proc/PID/maps of pid. NULL, errno set. */
FILE *unw_maps_open(struct unwinder *u, pid_t pid);

/* elfsym.c: forgets the mappings (after exec) / frees them. */
void unw_maps_clear(struct unwinder *u);
