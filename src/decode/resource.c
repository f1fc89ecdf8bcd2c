/* Resource limits, usage and priorities. */
#include <inttypes.h>
#include <stdio.h>

#include "decode/proc.h"

/* 8192*1024, RLIM64_INFINITY */
static void print_rlim(struct dctx *d, uint64_t lim)
{
	char buf[48];
	const char *str = NULL;

	if (lim == UINT64_MAX)
		str = "RLIM64_INFINITY";
	else if (lim > 1024 && lim % 1024 == 0) {
		snprintf(buf, sizeof(buf), "%" PRIu64 "*1024", lim / 1024);
		str = buf;
	}
	if (!str || d->p->json || d->o->xlat_style == XS_RAW)
		pr_uint(d->p, lim);
	else if (d->o->xlat_style == XS_VERBOSE)
		pr_raw(d->p, "%" PRIu64 " /* %s */", lim, str);
	else
		pr_raw(d->p, "%s", str);
}

static void print_rlimit(struct dctx *d, uint64_t addr)
{
	uint64_t r[2];

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read(d, addr, r, sizeof(r)) < 0)
		pr_hex(d->p, addr);
	else {
		pr_struct_begin(d->p);
		pr_field(d->p, "rlim_cur");
		print_rlim(d, r[0]);
		pr_field(d->p, "rlim_max");
		print_rlim(d, r[1]);
		pr_struct_end(d->p);
	}
}

int dec_getrlimit(struct dctx *d)
{
	if (!d->exiting) {
		print_xval(d, &xl_rlimit_resources, arg(d, 0), "RLIMIT_???");
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_rlimit(d, arg(d, 1));
	return DEC_DONE;
}

int dec_setrlimit(struct dctx *d)
{
	print_xval(d, &xl_rlimit_resources, arg(d, 0), "RLIMIT_???");
	print_rlimit(d, arg(d, 1));
	return DEC_DONE;
}

int dec_prlimit64(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		print_xval(d, &xl_rlimit_resources, arg(d, 1), "RLIMIT_???");
		print_rlimit(d, arg(d, 2));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 3)))
		print_rlimit(d, arg(d, 3));
	return DEC_DONE;
}

int dec_getrusage(struct dctx *d)
{
	if (!d->exiting) {
		print_xval(d, &xl_rusage_who, (uint64_t)(int64_t)(int)arg(d, 0), "RUSAGE_???");
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_rusage(d, arg(d, 1));
	return DEC_DONE;
}

int dec_getpriority(struct dctx *d)
{
	print_xval(d, &xl_prio_which, (unsigned)arg(d, 0), "PRIO_???");
	pr_int(d->p, (int)arg(d, 1));
	if (d->si->nargs > 2)
		pr_int(d->p, (int)arg(d, 2));
	return DEC_DONE;
}
