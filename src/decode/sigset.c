/* Signal sets: [CHLD TTOU], [], ~[RTMIN RT_1] when two thirds or more are set. */
#include <string.h>

#include "decode/dctx.h"

#define NSIG_BYTES 8

void print_sigset_val(struct dctx *d, const void *mask, size_t bytes)
{
	uint32_t m[NSIG_BYTES / 4] = {0};
	struct strbuf sb = {0};
	unsigned words = (unsigned)((bytes < NSIG_BYTES ? bytes : NSIG_BYTES) + 3) / 4;
	unsigned set = 0;

	memcpy(m, mask, bytes < NSIG_BYTES ? bytes : NSIG_BYTES);
	for (unsigned w = 0; w < words; w++)
		set += (unsigned)__builtin_popcount(m[w]);
	if (set >= words * 32 * 2 / 3) {
		sb_putc(&sb, '~');
		for (unsigned w = 0; w < words; w++)
			m[w] = ~m[w];
	}
	char sep = '[';
	for (unsigned bit = 0; bit < words * 32; bit++) {
		if (!(m[bit / 32] >> (bit % 32) & 1))
			continue;
		unsigned sig = bit + 1;
		sb_putc(&sb, sep);
		sep = ' ';
		if (d->o->xlat_style != XS_ABBREV)
			sb_printf(&sb, "%u", sig);
		if (d->o->xlat_style == XS_RAW)
			continue;
		if (d->o->xlat_style == XS_VERBOSE)
			sb_puts(&sb, " /* ");
		const char *name = signal_name((int)sig);
		if (name)
			sb_puts(&sb, name + 3);
		else if (sig == 32)
			sb_puts(&sb, "RTMIN");
		else if (sig > 32 && sig <= 64)
			sb_printf(&sb, "RT_%u", sig - 32);
		else if (d->o->xlat_style == XS_ABBREV)
			sb_printf(&sb, "%u", sig);
		if (d->o->xlat_style == XS_VERBOSE)
			sb_puts(&sb, " */");
	}
	if (sep == '[')
		sb_putc(&sb, '[');
	sb_putc(&sb, ']');
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

void print_sigset(struct dctx *d, uint64_t addr, uint64_t len)
{
	uint8_t mask[NSIG_BYTES];

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if (len < 8 || len > NSIG_BYTES || mem_read(d, addr, mask, len) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	print_sigset_val(d, mask, len);
}
