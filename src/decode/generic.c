/* Printing a syscall from its table row: each argument by its kind. */
#include <inttypes.h>
#include <string.h>

#include "decode/dctx.h"

static bool kind_is_output(uint8_t kind)
{
	return kind == AK_BUF_OUT || kind == AK_OUT;
}

void print_arg_kind(struct dctx *d, int i)
{
	const struct arg_desc *a = &d->si->args[i];
	uint64_t v = arg(d, i);

	switch (a->kind) {
	case AK_HEX:
		pr_hex(d->p, v);
		break;
	case AK_INT:
		pr_int(d->p, (int)v);
		break;
	case AK_UINT:
		pr_uint(d->p, (unsigned)v);
		break;
	case AK_LONG:
		pr_int(d->p, (int64_t)v);
		break;
	case AK_ULONG:
		pr_uint(d->p, v);
		break;
	case AK_PTR:
		pr_ptr(d->p, v);
		break;
	case AK_FD:
		print_fd(d, (int)v);
		break;
	case AK_DIRFD:
		print_dirfd(d, (int)v);
		break;
	case AK_PATH:
		print_path(d, v);
		break;
	case AK_STR:
		print_str(d, v);
		break;
	case AK_MODE:
		print_mode(d, (unsigned)v);
		break;
	case AK_OCTAL:
		pr_octal(d->p, (unsigned)v);
		break;
	case AK_SIGNO:
		print_signo(d, (int)v);
		break;
	case AK_FLAGS:
		pr_flags(d->p, a->xlat, v, NULL);
		break;
	case AK_XVAL:
		pr_xval(d->p, a->xlat, v, NULL);
		break;
	case AK_BUF_IN:
		print_buf(d, v, arg(d, a->param));
		break;
	case AK_BUF_OUT:
		if (syserror(d))
			pr_ptr(d->p, v);
		else
			print_buf(d, v,
				  a->param == ARG_LEN_RET ? (uint64_t)d->ev->ret
							  : arg(d, a->param));
		break;
	case AK_IN:
	case AK_OUT:
		if (a->kind == AK_OUT && syserror(d))
			pr_ptr(d->p, v);
		else if (!v)
			pr_raw(d->p, "NULL");
		else
			a->strct->print(d, v);
		break;
	}
}

int dec_generic(struct dctx *d)
{
	unsigned n = d->si->nargs;

	for (unsigned i = d->next_arg; i < n; i++) {
		if (!d->exiting && kind_is_output(d->si->args[i].kind)) {
			d->next_arg = i;
			pr_sep_now(d->p);
			return DEC_MORE;
		}
		print_arg_kind(d, (int)i);
	}
	d->next_arg = n;
	return DEC_DONE;
}

/* A number the table does not know: strace prints all six arguments in hex. */
static int dec_unknown(struct dctx *d)
{
	for (int i = 0; i < 6; i++)
		pr_hex(d->p, arg(d, i));
	return DEC_DONE;
}

int decode_syscall(struct dctx *d)
{
	if (!d->si)
		return dec_unknown(d);
	return d->si->decode ? d->si->decode(d) : dec_generic(d);
}
