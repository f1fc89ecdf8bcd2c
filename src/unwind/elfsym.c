/* unwind_symbolize_strace(): pcs named the way the installed strace -k names them (its
 * libunwind flavour), so that `scry trace -k` prints the same bytes: the mapping from
 * /proc/PID/maps gives path and file offset, the nearest STT_FUNC symbol of the file's own
 * symbol tables gives the name. */
#include <errno.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unwind/unwind-internal.h"

void unw_maps_clear(struct unwinder *u)
{
	for (size_t i = 0; i < u->nmaps; i++)
		free(u->maps[i].path);
	free(u->maps);
	u->maps = NULL;
	u->nmaps = 0;
	u->maps_read = false;
	if (u->strace_syms)
		memset(u->strace_syms, 0, UNW_SYM_CACHE * sizeof(*u->strace_syms));
}

/* Replaces the table only when the maps could be read (a dead process keeps its own). */
static int maps_read(struct unwinder *u)
{
	char line[4096 + 128];

	/* the last unwound thread's view first (a dead leader's maps are empty) */
	FILE *f = unw_maps_open(u, u->tid > 0 ? u->tid : u->tgid);
	if (!f && u->tid > 0 && u->tid != u->tgid)
		f = unw_maps_open(u, u->tgid);
	if (!f)
		return -errno;
	struct unw_mapping *maps = NULL;
	size_t n = 0, cap = 0;
	while (fgets(line, sizeof(line), f)) {
		uint64_t start, end, offset;
		char perms[8];
		int name_at = 0;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %" SCNx64 " %*s %*s %n", &start, &end,
			   perms, &offset, &name_at) < 4)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			struct unw_mapping *m = realloc(maps, cap * sizeof(*maps));
			if (!m)
				break;
			maps = m;
		}
		char *name = name_at ? line + name_at : NULL;
		if (name)
			name[strcspn(name, "\n")] = '\0';
		maps[n++] = (struct unw_mapping){
		    .start = start,
		    .end = end,
		    .offset = offset,
		    .exec = perms[2] == 'x',
		    .path = name && *name ? strdup(name) : NULL,
		};
	}
	fclose(f);
	unw_maps_clear(u);
	u->maps = maps;
	u->nmaps = n;
	u->maps_read = true;
	return 0;
}

static const struct unw_mapping *mapping_of(const struct unwinder *u, uint64_t pc)
{
	for (size_t i = 0; i < u->nmaps; i++)
		if (pc >= u->maps[i].start && pc < u->maps[i].end)
			return &u->maps[i];
	return NULL;
}

/* The nearest function symbol at or below pc (libunwind's rule: any size, .dynsym and .symtab
 * in section order, the first of equally near ones). */
static const char *nearest_function(Elf *elf, GElf_Addr bias, uint64_t pc, uint64_t *off)
{
	const char *best = NULL;
	uint64_t best_dist = UINT64_MAX;

	for (Elf_Scn *scn = NULL; (scn = elf_nextscn(elf, scn));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM))
			continue;
		Elf_Data *data = elf_getdata(scn, NULL);
		if (!data || !sh.sh_entsize)
			continue;
		size_t nsyms = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; i < nsyms; i++) {
			GElf_Sym sym;
			if (!gelf_getsym(data, (int)i, &sym) ||
			    GELF_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_shndx == SHN_UNDEF)
				continue;
			uint64_t val = sym.st_value + (sym.st_shndx == SHN_ABS ? 0 : bias);
			if (pc < val || pc - val >= best_dist)
				continue;
			const char *name = elf_strptr(elf, sh.sh_link, sym.st_name);
			if (!name)
				continue;
			best = name;
			best_dist = pc - val;
		}
	}
	*off = best ? best_dist : 0;
	return best;
}

static int lookup(struct unwinder *u, uint64_t pc, struct unw_frame *out)
{
	if (!u->maps_read) {
		int r = maps_read(u);
		if (r < 0)
			return r;
	}
	const struct unw_mapping *m = mapping_of(u, pc);
	if (!m && !unw_seen_miss(u, pc) && maps_read(u) == 0)
		m = mapping_of(u, pc);
	if (!m || !m->exec)
		return -ENOENT;
	out->module = m->path;
	out->module_offset = pc - m->start + m->offset;
	out->symbol = "";
	out->symbol_offset = 0;
	if (unw_report(u, false) < 0)
		return 0;
	Dwfl_Module *mod = dwfl_addrmodule(u->dwfl, pc);
	GElf_Addr bias = 0;
	Elf *elf = mod ? dwfl_module_getelf(mod, &bias) : NULL;
	if (elf) {
		uint64_t off;
		const char *name = nearest_function(elf, bias, pc, &off);
		if (name) {
			out->symbol = name;
			out->symbol_offset = off;
		}
	}
	return 0;
}

int unwind_symbolize_strace(struct unwinder *u, uint64_t pc, struct unw_frame *out)
{
	if (!u->strace_syms)
		u->strace_syms = calloc(UNW_SYM_CACHE, sizeof(*u->strace_syms));
	struct unw_sym_entry *e =
	    u->strace_syms ? &u->strace_syms[(pc ^ (pc >> 12)) % UNW_SYM_CACHE] : NULL;
	if (e && e->valid && e->f.pc == pc) {
		*out = e->f;
		return e->err;
	}
	*out = (struct unw_frame){.pc = pc};
	int r = lookup(u, pc, out);
	if (r < 0)
		*out = (struct unw_frame){.pc = pc};
	if (e && (r == 0 || r == -ENOENT))
		*e = (struct unw_sym_entry){.valid = true, .err = r, .f = *out};
	return r;
}

int unwinder_load(struct unwinder *u)
{
	int r = unw_report(u, false);

	if (r < 0)
		return r;
	return u->maps_read ? 0 : maps_read(u);
}
