/* Memory mappings: mmap's flags, mremap's optional new address, mincore's vector. */
#include <sys/mman.h>
#include <unistd.h>

#include "decode/desc.h"

#define MAP_TYPE_BITS 0xf
#define HUGE_SHIFT    26
#define HUGE_MASK     0x3f

static bool any_name(const struct xlat *x, uint64_t v)
{
	for (unsigned i = 0; i < x->n; i++)
		if (x->e[i].val && (v & x->e[i].val) == x->e[i].val)
			return true;
	return false;
}

/* MAP_PRIVATE|MAP_ANONYMOUS, 21<<MAP_HUGE_SHIFT; the type is an enum, the rest flags */
static void print_mmap_flags(struct dctx *d, uint64_t flags)
{
	struct strbuf sb = {0};
	int style = d->o->xlat_style;

	if (d->p->json) {
		pr_flags(d->p, &xl_mmap_flags, flags, NULL);
		return;
	}
	if (style != XS_ABBREV)
		sb_printf(&sb, "%#" PRIx64, flags);
	if (style != XS_RAW) {
		if (style == XS_VERBOSE)
			sb_puts(&sb, " /* ");
		const char *type = xlat_name(&xl_mmap_flags, flags & MAP_TYPE_BITS);
		if (type)
			sb_puts(&sb, type);
		else
			sb_printf(&sb, "%#" PRIx64 " /* MAP_??? */", flags & MAP_TYPE_BITS);
		flags &= ~(uint64_t)MAP_TYPE_BITS;
		uint64_t huge = flags & ((uint64_t)HUGE_MASK << HUGE_SHIFT);
		flags &= ~huge;
		if (flags) {
			sb_putc(&sb, '|');
			/* an unknown rest alone prints bare, without MAP_??? */
			if (any_name(&xl_mmap_flags, flags))
				sb_flags(&sb, &xl_mmap_flags, flags, XS_ABBREV, NULL);
			else
				sb_printf(&sb, "%#" PRIx64, flags);
		}
		if (huge)
			sb_printf(&sb, "|%" PRIu64 "<<MAP_HUGE_SHIFT", huge >> HUGE_SHIFT);
		if (style == XS_VERBOSE)
			sb_puts(&sb, " */");
	}
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

/* mmap(addr, length, prot, flags, fd, offset) */
int dec_mmap(struct dctx *d)
{
	pr_ptr(d->p, arg(d, 0));
	pr_uint(d->p, arg(d, 1));
	pr_flags(d->p, &xl_mmap_prot, arg(d, 2), NULL);
	print_mmap_flags(d, arg(d, 3));
	print_fd(d, (int)arg(d, 4));
	pr_hex(d->p, arg(d, 5));
	return DEC_DONE;
}

/* mremap(old, old_size, new_size, flags[, new_address]) */
int dec_mremap(struct dctx *d)
{
	uint64_t flags = arg(d, 3);

	pr_ptr(d->p, arg(d, 0));
	pr_uint(d->p, arg(d, 1));
	pr_uint(d->p, arg(d, 2));
	pr_flags(d->p, &xl_mremap_flags, flags, NULL);
	if ((flags & (MREMAP_MAYMOVE | MREMAP_FIXED)) == (MREMAP_MAYMOVE | MREMAP_FIXED))
		pr_ptr(d->p, arg(d, 4));
	return DEC_DONE;
}

static bool print_mincore_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	(void)size;
	(void)opaque;
	pr_uint(d->p, *(const uint8_t *)elem & 1);
	return true;
}

/* mincore(addr, length, vec): one byte per page of length, at exit */
int dec_mincore(struct dctx *d)
{
	if (!d->exiting) {
		pr_ptr(d->p, arg(d, 0));
		pr_uint(d->p, arg(d, 1));
		pr_sep_now(d->p);
		return DEC_MORE;
	}
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t len = arg(d, 1);
	uint64_t n = len / page + (len % page ? 1 : 0);
	if (syserror(d))
		pr_ptr(d->p, arg(d, 2));
	else
		print_array(d, arg(d, 2), n, 1, print_mincore_elem, NULL);
	return DEC_DONE;
}
