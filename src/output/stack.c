/* -k: the call stack of a tracee, symbolized and formatted as the installed strace 6.1 prints
 * it (its libunwind flavour), or as a JSON array with libdw's names and file:line. Frames come
 * from the backend (s->stack), names from the process's unwinder. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "trace/session.h"
#include "unwind/demangle.h"
#include "unwind/unwind.h"

/* strace (libunwind flavour) prints at most 256 frames, then says so. */
#define STACK_TEXT_FRAMES 256
#define STACK_MAX_FRAMES  (STACK_TEXT_FRAMES + 1)

bool stack_on_entry(long nr)
{
	return nr == __NR_execve || nr == __NR_execveat || nr == __NR_exit || nr == __NR_exit_group;
}

bool stack_maps_change(long nr)
{
	switch (nr) {
	case __NR_mmap:
	case __NR_mprotect:
	case __NR_munmap:
	case __NR_brk:
	case __NR_mremap:
	case __NR_shmat:
	case __NR_shmdt:
	case __NR_remap_file_pages:
	case __NR_pkey_mprotect:
	case __NR_execve:
	case __NR_execveat:
		return true;
	}
	return false;
}

/* A frame with no symbol prints "module() [0x...]" when walked at the stop, but
 * "module(+0x0) [0x...]" when taken at entry and printed later: strace's two code paths. */
static void text_frame(struct strbuf *out, const struct unw_frame *f, bool queued)
{
	if (queued || f->symbol[0]) {
		char *demangled = symbol_demangle(f->symbol);
		sb_printf(out, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]\n", f->module,
			  demangled ? demangled : f->symbol, f->symbol_offset, f->module_offset);
		free(demangled);
	} else {
		sb_printf(out, " > %s() [0x%" PRIx64 "]\n", f->module, f->module_offset);
	}
}

/* strace 6.1 -k as installed (libunwind): each pc as it is (a return address, not the call),
 * named by the file's own symbols; a pc outside executable file mappings ends the stack with
 * "unexpected_backtracing_error"; libunwind's own failures end it silently. */
static void text_stack(struct unwinder *u, const uint64_t *pcs, int n, bool queued,
		       struct strbuf *out)
{
	for (int i = 0; i < n && i < STACK_TEXT_FRAMES; i++) {
		struct unw_frame f;
		if (unwind_symbolize_strace(u, pcs[i], &f) < 0) {
			if (pcs[i])
				sb_printf(out, " > unexpected_backtracing_error [0x%" PRIx64 "]\n",
					  pcs[i]);
			return;
		}
		if (f.module)
			text_frame(out, &f, queued);
	}
	if (n > STACK_TEXT_FRAMES)
		sb_puts(out, " > too many stack frames\n");
}

static void json_opt_string(struct strbuf *out, const char *key, const char *v)
{
	if (!v)
		return;
	sb_printf(out, ",\"%s\":", key);
	sb_json_string(out, v, strlen(v));
}

static void json_frame(struct strbuf *out, const struct unw_frame *f, bool first)
{
	sb_printf(out, "%s{\"pc\":\"%#" PRIx64 "\"", first ? "" : ",", f->pc);
	if (f->module) {
		json_opt_string(out, "module", f->module);
		sb_printf(out, ",\"module_offset\":\"%#" PRIx64 "\"", f->module_offset);
	}
	if (f->symbol && f->symbol[0]) {
		json_opt_string(out, "symbol", f->symbol);
		sb_printf(out, ",\"symbol_offset\":\"%#" PRIx64 "\"", f->symbol_offset);
	}
	if (f->file) {
		json_opt_string(out, "file", f->file);
		sb_printf(out, ",\"line\":%d", f->line);
	}
	sb_putc(out, '}');
}

static void json_stack(struct unwinder *u, const uint64_t *pcs, int n, struct strbuf *out)
{
	bool first = true;

	sb_putc(out, '[');
	for (int i = 0; i < n && i < STACK_TEXT_FRAMES; i++) {
		struct unw_frame f;
		unwind_symbolize(u, pcs[i], i > 0, &f);
		json_frame(out, &f, first);
		first = false;
	}
	const char *error = n > STACK_TEXT_FRAMES ? "too many stack frames" : unwind_error(u);
	if (error) {
		sb_puts(out, first ? "{\"error\":" : ",{\"error\":");
		sb_json_string(out, error, strlen(error));
		sb_putc(out, '}');
	}
	sb_putc(out, ']');
}

void stack_format(struct session *s, struct tracee *t, bool queued, struct strbuf *out)
{
	uint64_t pcs[STACK_MAX_FRAMES];
	struct unwinder *u = s->stack ? session_unwinder(s, t->tgid) : NULL;
	int n = u ? s->stack(s, t, pcs, STACK_MAX_FRAMES) : 0;

	if (n < 0)
		n = 0;
	if (s->o->json)
		json_stack(u, pcs, n, out);
	else
		text_stack(u, pcs, n, queued, out);
}
