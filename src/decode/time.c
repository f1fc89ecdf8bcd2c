/* struct timespec and struct timeval, as strace prints them. */
#include <sys/time.h>
#include <time.h>

#include "decode/dctx.h"

void print_timespec_val(struct dctx *d, const struct timespec *ts)
{
	pr_struct_begin(d->p);
	pr_field(d->p, "tv_sec");
	pr_int(d->p, ts->tv_sec);
	pr_field(d->p, "tv_nsec");
	pr_uint(d->p, (uint64_t)ts->tv_nsec);
	pr_struct_end(d->p);
}

void print_timespec(struct dctx *d, uint64_t addr)
{
	struct timespec ts;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, ts) < 0)
		pr_hex(d->p, addr);
	else
		print_timespec_val(d, &ts);
}

void print_timeval(struct dctx *d, uint64_t addr)
{
	struct timeval tv;

	if (!addr) {
		pr_raw(d->p, "NULL");
	} else if (mem_read_obj(d, addr, tv) < 0) {
		pr_hex(d->p, addr);
	} else {
		pr_struct_begin(d->p);
		pr_field(d->p, "tv_sec");
		pr_int(d->p, tv.tv_sec);
		pr_field(d->p, "tv_usec");
		pr_uint(d->p, (uint64_t)tv.tv_usec);
		pr_struct_end(d->p);
	}
}

static void sp_timespec_print(struct dctx *d, uint64_t addr)
{
	print_timespec(d, addr);
}

static void sp_timeval_print(struct dctx *d, uint64_t addr)
{
	print_timeval(d, addr);
}

/* struct printers the syscall table can name: in:timespec, out:timeval, ... */
const struct struct_printer sp_timespec = {"timespec", sp_timespec_print, sizeof(struct timespec)};
const struct struct_printer sp_timeval = {"timeval", sp_timeval_print, sizeof(struct timeval)};
