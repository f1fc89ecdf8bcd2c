/* Modes, device numbers, ids, open flags and times as the file syscalls print them. */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>

#include "decode/file.h"

void print_umode(struct dctx *d, uint64_t mode)
{
	pr_raw(d->p, "%#03o", (unsigned)(uint16_t)mode);
}

void print_symbolic_mode(struct dctx *d, unsigned mode)
{
	static const struct {
		unsigned bits;
		const char *name;
	} types[] = {
	    {S_IFREG, "S_IFREG"}, {S_IFSOCK, "S_IFSOCK"}, {S_IFIFO, "S_IFIFO"},
	    {S_IFLNK, "S_IFLNK"}, {S_IFDIR, "S_IFDIR"},	  {S_IFBLK, "S_IFBLK"},
	    {S_IFCHR, "S_IFCHR"},
	};
	const char *tname = "";
	struct strbuf sb = {0};

	if (mode & S_IFMT) {
		tname = NULL;
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (types[i].bits == (mode & S_IFMT))
				tname = types[i].name;
	}
	if (!tname || d->o->xlat_style == XS_RAW) {
		pr_raw(d->p, "%#03o", mode);
		return;
	}
	sb_printf(&sb, "%s%s%s%s%s%#03o", tname, tname[0] ? "|" : "",
		  (mode & S_ISUID) ? "S_ISUID|" : "", (mode & S_ISGID) ? "S_ISGID|" : "",
		  (mode & S_ISVTX) ? "S_ISVTX|" : "",
		  mode & ~(unsigned)(S_IFMT | S_ISUID | S_ISGID | S_ISVTX));
	if (d->o->xlat_style == XS_VERBOSE) {
		pr_raw(d->p, "%#03o", mode);
		pr_comment(d->p, "%s", sb.buf);
	} else {
		pr_raw(d->p, "%s", sb.buf);
	}
	sb_free(&sb);
}

void print_dev(struct dctx *d, uint64_t dev)
{
	unsigned maj = major(dev), min = minor(dev);

	if (d->o->xlat_style == XS_RAW) {
		pr_hex(d->p, dev);
	} else if (d->o->xlat_style == XS_VERBOSE) {
		pr_hex(d->p, dev);
		pr_comment(d->p, "makedev(%#x, %#x)", maj, min);
	} else {
		pr_raw(d->p, "makedev(%#x, %#x)", maj, min);
	}
}

void print_id(struct dctx *d, unsigned id)
{
	if (id == (unsigned)-1)
		pr_int(d->p, -1);
	else
		pr_uint(d->p, id);
}

void print_open_flags(struct dctx *d, uint64_t flags)
{
	struct strbuf sb = {0};
	uint64_t rest = flags & ~(uint64_t)O_ACCMODE;

	if (d->o->xlat_style == XS_RAW && !d->p->json) {
		pr_hex(d->p, flags);
		return;
	}
	sb_puts(&sb, xlat_name(&xl_open_access_modes, flags & O_ACCMODE));
	if (rest) {
		sb_putc(&sb, '|');
		sb_flags(&sb, &xl_open_flags, rest, XS_ABBREV, NULL);
	}
	if (d->p->json) {
		/* a list of names, as pr_flags gives */
		pr_array_begin(d->p);
		for (char *s = sb.buf, *bar; s; s = bar ? bar + 1 : NULL) {
			bar = strchr(s, '|');
			if (bar)
				*bar = '\0';
			pr_raw(d->p, "%s", s);
		}
		pr_array_end(d->p);
	} else if (d->o->xlat_style == XS_VERBOSE) {
		pr_hex(d->p, flags);
		pr_comment(d->p, "%s", sb.buf);
	} else {
		pr_raw(d->p, "%s", sb.buf);
	}
	sb_free(&sb);
}

void print_time_comment(struct dctx *d, int64_t sec, uint64_t part, int width)
{
	uint64_t max = width == 9 ? 999999999 : width == 6 ? 999999 : 0;
	char buf[128];
	struct tm tm;
	time_t t = (time_t)sec;

	if ((sec == 0 && part == 0) || part > max || !localtime_r(&t, &tm))
		return;
	size_t n = strftime(buf, sizeof(buf), "%FT%T", &tm);
	if (!n)
		return;
	if (part)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, ".%0*" PRIu64, width, part);
	if (!strftime(buf + n, sizeof(buf) - n, "%z", &tm))
		return;
	pr_comment(d->p, "%s", buf);
}

const char *file_flags_dflt(const struct xlat *x)
{
	static const struct {
		const struct xlat *x;
		const char *dflt;
	} dflts[] = {
	    {&xl_at_flags, "AT_???"},		{&xl_access_modes, "?_OK"},
	    {&xl_faccessat_flags, "AT_???"},	{&xl_rename_flags, "RENAME_??"},
	    {&xl_umount_flags, "MNT_???"},	{&xl_inotify_flags, "IN_???"},
	    {&xl_inotify_init_flags, "IN_???"}, {&xl_xattr_flags, "XATTR_???"},
	    {&xl_mount_flags, "MS_???"},	{&xl_statx_masks, "STATX_???"},
	    {&xl_fchmodat_flags, "AT_???"},	{&xl_xattrat_flags, "AT_???"},
	};
	for (size_t i = 0; i < sizeof(dflts) / sizeof(dflts[0]); i++)
		if (dflts[i].x == x)
			return dflts[i].dflt;
	return NULL;
}

static void print_one(struct dctx *d, unsigned i, bool ids)
{
	const struct arg_desc *a = &d->si->args[i];
	uint64_t v = arg(d, (int)i);

	switch (a->kind) {
	case AK_MODE:
		print_umode(d, v);
		break;
	case AK_FLAGS:
		pr_flags(d->p, a->xlat, v, file_flags_dflt(a->xlat));
		break;
	case AK_INT:
		if (ids) {
			print_id(d, (unsigned)v);
			break;
		}
		/* fall through */
	default:
		print_arg_kind(d, (int)i);
		break;
	}
}

void file_print_range(struct dctx *d, unsigned from, unsigned to)
{
	for (unsigned i = from; i < to; i++)
		print_one(d, i, false);
}

int file_print_args(struct dctx *d, bool ids)
{
	unsigned n = d->si->nargs;

	for (unsigned i = d->next_arg; i < n; i++) {
		uint8_t k = d->si->args[i].kind;
		if (!d->exiting && (k == AK_BUF_OUT || k == AK_OUT)) {
			d->next_arg = i;
			return DEC_MORE;
		}
		print_one(d, i, ids);
	}
	d->next_arg = n;
	return DEC_DONE;
}

/* Rows whose modes, flags defaults or ids need the family's conventions. */
int dec_fsargs(struct dctx *d)
{
	return file_print_args(d, false);
}

int dec_fsids(struct dctx *d)
{
	return file_print_args(d, true);
}
