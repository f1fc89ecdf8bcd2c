/* Small print helpers shared by the process/signal/clock decoders (see proc.h). */
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "decode/proc.h"
#include "decode/siginfo.h"

void print_arg_name(struct dctx *d, const char *name)
{
	if (!d->p->json)
		pr_field(d->p, name);
}

void print_value_changed(struct dctx *d)
{
	if (d->p->json)
		return;
	pr_text(d->p, " => ");
	d->p->after_name = true; /* the new value follows without a separator */
}

void print_xval(struct dctx *d, const struct xlat *x, uint64_t v, const char *dflt)
{
	pr_xval(d->p, x, v, dflt);
}

void print_xval_d(struct dctx *d, const struct xlat *x, int64_t v, const char *dflt)
{
	pr_xval_d(d->p, x, v, dflt);
}

void print_flags(struct dctx *d, const struct xlat *x, uint64_t v, const char *dflt)
{
	pr_flags(d->p, x, v, dflt);
}

void print_uid(struct dctx *d, unsigned uid)
{
	if (uid == (unsigned)-1)
		pr_int(d->p, -1);
	else
		pr_uint(d->p, uid);
}

bool out_failed(struct dctx *d, uint64_t addr)
{
	if (!syserror(d))
		return false;
	pr_ptr(d->p, addr);
	return true;
}

void print_siginfo_at(struct dctx *d, uint64_t addr)
{
	siginfo_t si;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, si) < 0)
		pr_hex(d->p, addr);
	else
		print_siginfo(d, &si);
}

bool is_erestart(const struct dctx *d)
{
	return d->ev->is_error && d->ev->ret <= -512 && d->ev->ret >= -516;
}

void print_buf_hex(struct dctx *d, uint64_t addr, uint64_t len)
{
	struct print_opts o = *d->p->o;
	const struct print_opts *saved = d->p->o;

	o.xflag = 2;
	d->p->o = &o;
	print_buf(d, addr, len);
	d->p->o = saved;
}

void print_fd_ref(struct dctx *d, uint64_t addr)
{
	int v;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, v) < 0)
		pr_hex(d->p, addr);
	else {
		pr_array_begin(d->p);
		print_fd(d, v);
		pr_array_end(d->p);
	}
}

int entry_more(struct dctx *d)
{
	pr_sep_now(d->p);
	return DEC_MORE;
}
