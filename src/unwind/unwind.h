/* Call stacks of traced processes: DWARF CFI unwinding and symbolization with elfutils libdw
 * (distribution libraries have no frame pointers). Used by `scry trace -k` and `scry leaks`.
 *
 * Two steps, kept apart so that the expensive one runs only when needed:
 *   1. unwind: registers + stack memory -> program counters (cheap enough per syscall);
 *   2. symbolize: one pc -> module, symbol+offset, file:line (at print/report time).
 *
 * One `struct unwinder` per traced process (tgid). It caches the process's modules (from
 * /proc/PID/maps, through libdwfl) and re-reads them lazily after unwinder_invalidate()
 * (exec, or a pc that falls outside every known module: dlopen).
 *
 * Built only with libdw (HAVE_LIBDW); without it unwinder_new() returns NULL, errno ENOTSUP,
 * and callers say so. Library code: never prints, returns -errno. An unwinder is not
 * thread-safe: one thread uses it at a time. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define UNW_MAX_FRAMES 64

struct unwinder;

struct unwinder *unwinder_new(pid_t tgid);
void unwinder_free(struct unwinder *u);
/* The process exec'd or its mappings changed: re-read modules before the next use. */
void unwinder_invalidate(struct unwinder *u);
/* The process changed its mappings (mmap, munmap, mprotect...): re-read them before the next
 * use, keeping the modules that did not change (cheaper than unwinder_invalidate()). Without
 * it, a pc in no known module still triggers a re-read, but a module read while the dynamic
 * loader was still mapping it would stay wrong. */
void unwinder_maps_changed(struct unwinder *u);
/* Reads the process's modules and mappings now, while it runs, instead of at the first unwind
 * (the bpf backend unwinds captured stacks later, possibly after the process exited).
 * Returns 0 or -errno (-ESRCH: the process is gone). */
int unwinder_load(struct unwinder *u);
/* The process's mappings as the kernel sent them with its stacks (the bpf backend), text in
 * /proc/PID/maps format: from now on modules and mappings come from this snapshot, never
 * from /proc (the process may be gone, or have moved on), until the next snapshot. Kept
 * across unwinder_invalidate(): the next snapshot says what an exec changed.
 * Returns 0 or -errno. */
int unwinder_load_maps(struct unwinder *u, const char *text, size_t len);

/* Stack of thread tid, stopped under our ptrace (a syscall stop). pcs[0] is the pc of the
 * stopped thread (the instruction after the syscall); following entries are return addresses.
 * Returns the number of frames (>= 1), or -errno. */
int unwind_stopped(struct unwinder *u, pid_t tid, uint64_t *pcs, int max);

/* x86_64 registers as captured by the bpf backend (DWARF numbering order is the unwinder's
 * business, not the caller's). */
struct unw_regs {
	uint64_t ip, sp, bp, bx, r12, r13, r14, r15; /* callee-saved + ip/sp suffice for CFI */
};

/* A stack captured at an event and kept to be unwound later (scry leaks unwinds only the
 * stacks of fds still open at report time): the registers and len bytes of the stack from
 * regs.sp. One malloc'd block; free() frees it. */
struct unw_capture {
	struct unw_regs regs;
	size_t len;
	uint8_t stack[];
};

/* Stack from registers and a copy of the top of the user stack taken at the event (bpf):
 * stack holds len bytes starting at regs->sp. Reads outside the copy fall back to
 * /proc/PID/mem (the process may have moved on; such frames may be wrong, never crash).
 * Returns the number of frames, or -errno. */
int unwind_captured(struct unwinder *u, const struct unw_regs *regs, const void *stack, size_t len,
		    uint64_t *pcs, int max);

/* Why the last unwind_stopped()/unwind_captured() of u ended before the outermost frame
 * (libdw's message, as strace -k prints it: "too many stack frames" when max was reached),
 * or NULL when it reached the end of the stack. Valid until the next unwind. */
const char *unwind_error(const struct unwinder *u);

/* One frame, symbolized. Strings belong to the unwinder and stay valid until
 * unwinder_invalidate() or unwinder_free(). */
struct unw_frame {
	uint64_t pc;
	const char *module; /* path of the mapped file, NULL if none */
	/* the looked-up address (pc, or pc-1 with isret) relative to the module's load bias:
	 * its link-time address (unwind_symbolize_strace(): the file offset, strace's [0x...]) */
	uint64_t module_offset;
	/* function name, NULL if unknown ("" is possible from unwind_symbolize_strace()) */
	const char *symbol;
	uint64_t symbol_offset; /* looked-up address - symbol start */
	const char *file;	/* source file from debug info, NULL if none */
	int line;		/* 0 if none */
};

/* isret: pcs[i] for i > 0 is a return address; look up pc-1 so the call site, not the next
 * statement, is named. Returns 0 or -errno (then only pc is set): -ENOENT when pc is in no
 * mapped file. Works after the process exited for files it had mapped while alive (modules
 * are read at the first unwind or symbolize). Results are cached per unwinder. */
int unwind_symbolize(struct unwinder *u, uint64_t pc, bool isret, struct unw_frame *out);

/* pc as the installed strace 6.1 -k names it (Debian builds it with libunwind): module is the
 * path of the executable mapping that holds pc, module_offset the file offset of pc in it,
 * symbol the nearest function symbol at or below pc in the file's own .symtab/.dynsym (no
 * separate debug info, no size check; "" when none), symbol_offset pc minus its address;
 * pc itself is looked up, return address or not; file and line are not set.
 * Returns 0, -ENOENT when pc is in no executable mapping, or -errno. Strings stay valid
 * until the next call that re-reads the maps (a pc in no known mapping) or invalidate. */
int unwind_symbolize_strace(struct unwinder *u, uint64_t pc, struct unw_frame *out);
