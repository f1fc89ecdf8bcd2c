/* uid/gid calls whose arguments need more than their table kind. */
#include <unistd.h>

#include "decode/proc.h"

static void print_uid_ref(struct dctx *d, uint64_t addr)
{
	unsigned v;

	if (out_failed(d, addr))
		return;
	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, v) < 0)
		pr_hex(d->p, addr);
	else {
		pr_array_begin(d->p);
		print_uid(d, v);
		pr_array_end(d->p);
	}
}

/* getresuid, getresgid: [0], [0], [0] at exit */
int dec_getresuid(struct dctx *d)
{
	if (!d->exiting)
		return entry_more(d);
	for (int i = 0; i < 3; i++)
		print_uid_ref(d, arg(d, i));
	return DEC_DONE;
}

int dec_setuid(struct dctx *d)
{
	for (unsigned i = 0; i < d->si->nargs; i++)
		print_uid(d, (unsigned)arg(d, (int)i));
	return DEC_DONE;
}

static bool print_gid_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	(void)size;
	(void)opaque;
	print_uid(d, *(const unsigned *)elem);
	return true;
}

static void print_groups(struct dctx *d, unsigned len, uint64_t addr)
{
	static long ngroups_max;

	if (!ngroups_max)
		ngroups_max = sysconf(_SC_NGROUPS_MAX);
	if (len > (unsigned long)ngroups_max)
		pr_ptr(d->p, addr);
	else
		print_array(d, addr, len, sizeof(unsigned), print_gid_elem, NULL);
}

int dec_setgroups(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	print_groups(d, (unsigned)arg(d, 0), arg(d, 1));
	return DEC_DONE;
}

int dec_getgroups(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return entry_more(d);
	}
	print_groups(d, (unsigned)d->ev->ret, arg(d, 1));
	return DEC_DONE;
}
