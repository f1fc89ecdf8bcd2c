/* open, openat, openat2: flags with the access mode first, the mode only when it is used. */
#include <fcntl.h>
#include <linux/openat2.h>
#include <string.h>

#include "decode/file.h"

/* the kernel's __O_TMPFILE bit alone (glibc's __O_TMPFILE includes O_DIRECTORY) */
#define KERNEL_O_TMPFILE 020000000

/* path, flags[, mode] from argument `at` on; the mode only with O_CREAT or O_TMPFILE */
static int decode_open(struct dctx *d, int at)
{
	unsigned flags = (unsigned)arg(d, at + 1);

	print_path(d, arg(d, at));
	print_open_flags(d, flags);
	if (flags & (O_CREAT | KERNEL_O_TMPFILE))
		print_umode(d, arg(d, at + 2));
	return DEC_DONE;
}

int dec_open(struct dctx *d)
{
	return decode_open(d, 0);
}

int dec_openat(struct dctx *d)
{
	print_dirfd(d, (int)arg(d, 0));
	return decode_open(d, 1);
}

/* Bytes of a struct bigger than the ones we know: printed only when they are not all zero,
 * as ", /\* bytes 24..31 *\/ \"\\x01...\"" (strace's print_nonzero_bytes). */
static void print_extra_bytes(struct dctx *d, uint64_t addr, unsigned total)
{
	unsigned start = sizeof(struct open_how), len = total - start;
	unsigned show = len < d->o->strsize ? len : d->o->strsize;
	unsigned char buf[4096];
	struct strbuf sb = {0};
	bool zero = true;

	if (mem_read(d, addr + start, buf, len) < 0) {
		pr_raw(d->p, "???");
		return;
	}
	for (unsigned i = 0; i < len; i++)
		if (buf[i])
			zero = false;
	if (zero)
		return;
	if (d->p->json) {
		/* a named member: JSON objects have no unnamed values */
		pr_field(d->p, "extra_bytes");
		pr_quoted(d->p, (const char *)buf, show, show < len, false);
		return;
	}
	sb_printf(&sb, "/* bytes %u..%u */ ", start, total - 1);
	sb_quoted(&sb, (const char *)buf, show, 2, false);
	if (show < len)
		sb_puts(&sb, "...");
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

/* struct open_how; a size below the first version's prints the address, bytes past the
 * known struct are printed only when not zero */
static void print_open_how(struct dctx *d, uint64_t addr, uint64_t size)
{
	struct open_how how;
	enum { OPEN_HOW_SIZE_VER0 = 24 };

	if (size < OPEN_HOW_SIZE_VER0) {
		pr_ptr(d->p, addr);
		return;
	}
	memset(&how, 0, sizeof(how));
	if (!addr || mem_read(d, addr, &how, size < sizeof(how) ? size : sizeof(how)) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "flags");
	print_open_flags(d, how.flags);
	if ((how.flags & (O_CREAT | KERNEL_O_TMPFILE)) || how.mode) {
		pr_field(d->p, "mode");
		pr_raw(d->p, "%#03llo", (unsigned long long)how.mode);
	}
	pr_field(d->p, "resolve");
	pr_flags(d->p, &xl_open_resolve_flags, how.resolve, "RESOLVE_???");
	if (size > sizeof(how))
		print_extra_bytes(d, addr, size > 4096 ? 4096 : (unsigned)size);
	pr_struct_end(d->p);
}

int dec_openat2(struct dctx *d)
{
	print_dirfd(d, (int)arg(d, 0));
	print_path(d, arg(d, 1));
	print_open_how(d, arg(d, 2), arg(d, 3));
	pr_uint(d->p, arg(d, 3));
	return DEC_DONE;
}
