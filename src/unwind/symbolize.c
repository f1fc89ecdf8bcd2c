/* pc -> module, symbol+offset, file:line, as libdwfl knows them (strace -k asks the same
 * questions, so the answers match it byte for byte). Cached per unwinder. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unwind/unwind-internal.h"

static int lookup(struct unwinder *u, uint64_t addr, struct unw_frame *out)
{
	int r = unw_report(u, false);
	if (r < 0)
		return r;
	Dwfl_Module *m = dwfl_addrmodule(u->dwfl, addr);
	if (!m && !unw_seen_miss(u, addr) && unw_report(u, true) == 0)
		m = dwfl_addrmodule(u->dwfl, addr);
	if (!m)
		return -ENOENT;
	out->module = dwfl_module_info(m, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
	GElf_Off off = 0;
	GElf_Sym sym;
	out->symbol = dwfl_module_addrinfo(m, addr, &off, &sym, NULL, NULL, NULL);
	out->symbol_offset = out->symbol ? off : 0;
	Dwarf_Addr rel = addr;
	if (dwfl_module_relocate_address(m, &rel) >= 0)
		out->module_offset = rel;
	Dwfl_Line *line = dwfl_module_getsrc(m, addr);
	if (line) {
		int lineno = 0;
		out->file = dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL);
		out->line = out->file ? lineno : 0;
	}
	return 0;
}

int unwind_symbolize(struct unwinder *u, uint64_t pc, bool isret, struct unw_frame *out)
{
	uint64_t addr = isret ? pc - 1 : pc;

	if (!u->syms)
		u->syms = calloc(UNW_SYM_CACHE, sizeof(*u->syms));
	struct unw_sym_entry *e = u->syms ? &u->syms[(addr ^ (addr >> 12)) % UNW_SYM_CACHE] : NULL;
	if (e && e->valid && e->f.pc == pc && e->isret == isret) {
		*out = e->f;
		return e->err;
	}
	*out = (struct unw_frame){.pc = pc};
	int r = lookup(u, addr, out);
	if (r < 0)
		*out = (struct unw_frame){.pc = pc};
	/* a miss is cached too, but not the failure to read the maps (the process may be back) */
	if (e && r != -ESRCH && !(r < 0 && r != -ENOENT)) {
		/* lookup may have re-read the maps, which clears the cache: fill the entry after */
		*e = (struct unw_sym_entry){.valid = true, .isret = isret, .err = r, .f = *out};
	}
	return r;
}
