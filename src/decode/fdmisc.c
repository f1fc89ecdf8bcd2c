/* Descriptors made for one purpose: timerfd, signalfd, memfd. */
#include <time.h>

#include "decode/desc.h"

static void print_itimerspec(struct dctx *d, uint64_t addr)
{
	struct {
		struct timespec interval, value;
	} its;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if ((d->exiting && syserror(d)) || mem_read_obj(d, addr, its) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "it_interval");
	print_timespec_val(d, &its.interval);
	pr_field(d->p, "it_value");
	print_timespec_val(d, &its.value);
	pr_struct_end(d->p);
}

/* timerfd_settime(fd, flags, new_value, old_value): old_value at exit */
int dec_timerfd_settime(struct dctx *d)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		pr_flags(d->p, &xl_tfd_flags, arg(d, 1), NULL);
		print_itimerspec(d, arg(d, 2));
		pr_sep_now(d->p);
		return DEC_MORE;
	}
	print_itimerspec(d, arg(d, 3));
	return DEC_DONE;
}

/* timerfd_gettime(fd, curr_value) */
int dec_timerfd_gettime(struct dctx *d)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		pr_sep_now(d->p);
		return DEC_MORE;
	}
	print_itimerspec(d, arg(d, 1));
	return DEC_DONE;
}

/* signalfd(fd, mask, sizemask), signalfd4(fd, mask, sizemask, flags) */
static int signalfd_common(struct dctx *d, bool has_flags)
{
	print_fd(d, (int)arg(d, 0));
	print_sigset(d, arg(d, 1), arg(d, 2));
	pr_uint(d->p, arg(d, 2));
	if (has_flags)
		pr_flags(d->p, &xl_sfd_flags, arg(d, 3), NULL);
	return DEC_DONE;
}

int dec_signalfd(struct dctx *d)
{
	return signalfd_common(d, false);
}

int dec_signalfd4(struct dctx *d)
{
	return signalfd_common(d, true);
}

#define MFD_HUGE_SHIFT_ 26
#define MFD_HUGE_MASK_	0x3f

/* memfd_create(name, flags): flags 0 print as 0; the hugetlb page size as N<<MFD_HUGE_SHIFT */
int dec_memfd_create(struct dctx *d)
{
	unsigned flags = (unsigned)arg(d, 1);
	unsigned huge = flags & ((unsigned)MFD_HUGE_MASK_ << MFD_HUGE_SHIFT_);
	int style = d->o->xlat_style;
	struct strbuf sb = {0};

	print_str(d, arg(d, 0));
	if (d->p->json || (!huge && flags)) {
		pr_flags(d->p, &xl_memfd_flags, flags, NULL);
		return DEC_DONE;
	}
	if (!flags || style != XS_ABBREV)
		sb_printf(&sb, "%#x", flags);
	if (flags && style != XS_RAW) {
		if (style == XS_VERBOSE)
			sb_puts(&sb, " /* ");
		flags &= ~huge;
		if (flags) {
			sb_flags(&sb, &xl_memfd_flags, flags, XS_ABBREV, NULL);
			sb_putc(&sb, '|');
		}
		sb_printf(&sb, "%u<<MFD_HUGE_SHIFT", huge >> MFD_HUGE_SHIFT_);
		if (style == XS_VERBOSE)
			sb_puts(&sb, " */");
	}
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
	return DEC_DONE;
}
