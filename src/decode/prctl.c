/* prctl and arch_prctl: what the arguments mean depends on the option. */
#include <linux/prctl.h>

#include "decode/proc.h"

#define TASK_COMM_LEN 16

/* the remaining arguments in hex, as strace does for options it does not decode */
static void hex_args(struct dctx *d, int first)
{
	for (int i = first; i < 5; i++)
		pr_hex(d->p, arg(d, i));
}

/* [value] of a u32 at addr (printnum_int with %u) */
static void print_uint_ref(struct dctx *d, uint64_t addr)
{
	unsigned v;

	if (out_failed(d, addr))
		;
	else if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, v) < 0)
		pr_hex(d->p, addr);
	else {
		pr_array_begin(d->p);
		pr_uint(d->p, v);
		pr_array_end(d->p);
	}
}

/* [0x7f...] of a pointer-sized value at addr */
static void print_kptr_ref(struct dctx *d, uint64_t addr)
{
	uint64_t v;

	if (out_failed(d, addr))
		;
	else if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, v) < 0)
		pr_hex(d->p, addr);
	else {
		pr_array_begin(d->p);
		pr_ptr(d->p, v);
		pr_array_end(d->p);
	}
}

static void print_comm(struct dctx *d, uint64_t addr, unsigned max)
{
	char buf[TASK_COMM_LEN + 1];

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	/* read byte by byte up to a NUL so that a name at the end of a page reads */
	unsigned n;
	for (n = 0; n < max; n++) {
		if (mem_read(d, addr + n, &buf[n], 1) < 0) {
			if (n == 0) {
				pr_hex(d->p, addr);
				return;
			}
			break;
		}
		if (!buf[n])
			break;
	}
	bool cut = n == max && max < TASK_COMM_LEN;
	if (cut) {
		char c;
		cut = mem_read(d, addr + n, &c, 1) == 0 && c;
	}
	pr_quoted(d->p, buf, n, cut, false);
}

struct sock_fprog_k {
	uint16_t len;
	uint64_t filter;
};

static void print_seccomp_fprog(struct dctx *d, uint64_t addr)
{
	struct sock_fprog_k f;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, f) < 0)
		pr_hex(d->p, addr);
	else {
		pr_struct_begin(d->p);
		pr_field(d->p, "len");
		pr_uint(d->p, f.len);
		pr_field(d->p, "filter");
		pr_ptr(d->p, f.filter);
		pr_struct_end(d->p);
	}
}

static int prctl_exit_aux(struct dctx *d, const struct xlat *x)
{
	if (!syserror(d)) {
		const char *n = xlat_name(x, (uint64_t)d->ev->ret);
		if (n)
			sb_puts(&d->aux, n);
	}
	return DEC_DONE;
}

int dec_prctl(struct dctx *d)
{
	unsigned option = (unsigned)arg(d, 0);
	uint64_t a2 = arg(d, 1);

	if (!d->exiting)
		print_xval(d, &xl_prctl_options, option, "PR_???");
	switch (option) {
	case PR_GET_KEEPCAPS:
	case PR_GET_SECCOMP:
	case PR_GET_TIMERSLACK:
	case PR_GET_TIMING:
	case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE:
		return DEC_DONE;
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_ENDIAN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
		if (!d->exiting)
			return entry_more(d);
		print_uint_ref(d, a2);
		return DEC_DONE;
	case PR_GET_DUMPABLE:
		if (!d->exiting)
			return DEC_MORE;
		return prctl_exit_aux(d, &xl_pr_dumpable);
	case PR_GET_NAME:
		if (!d->exiting)
			return entry_more(d);
		if (!out_failed(d, a2))
			print_comm(d, a2, TASK_COMM_LEN);
		return DEC_DONE;
	case PR_GET_PDEATHSIG: {
		if (!d->exiting)
			return entry_more(d);
		unsigned sig;
		if (out_failed(d, a2))
			;
		else if (!a2)
			pr_raw(d->p, "NULL");
		else if (mem_read_obj(d, a2, sig) < 0)
			pr_hex(d->p, a2);
		else {
			pr_array_begin(d->p);
			print_signo(d, (int)sig);
			pr_array_end(d->p);
		}
		return DEC_DONE;
	}
	case PR_GET_TID_ADDRESS:
		if (!d->exiting)
			return entry_more(d);
		print_kptr_ref(d, a2);
		return DEC_DONE;
	case PR_SET_CHILD_SUBREAPER:
	case PR_SET_ENDIAN:
	case PR_SET_FPEMU:
	case PR_SET_FPEXC:
	case PR_SET_KEEPCAPS:
	case PR_SET_TIMING:
		pr_uint(d->p, a2);
		return DEC_DONE;
	case PR_SET_DUMPABLE:
		print_xval(d, &xl_pr_dumpable, a2, "SUID_DUMP_???");
		return DEC_DONE;
	case PR_CAPBSET_DROP:
	case PR_CAPBSET_READ:
		print_xval(d, &xl_capabilities, a2, "CAP_???");
		return DEC_DONE;
	case PR_SET_NAME:
		print_comm(d, a2, TASK_COMM_LEN - 1);
		return DEC_DONE;
	case 0x53564d41: /* PR_SET_VMA */
		print_xval(d, &xl_pr_set_vma, a2, "PR_SET_VMA_???");
		if (a2 == 0) {
			pr_ptr(d->p, arg(d, 2));
			pr_uint(d->p, arg(d, 3));
			print_str(d, arg(d, 4));
		} else {
			hex_args(d, 2);
		}
		return DEC_DONE;
	case PR_SET_PDEATHSIG:
		if (a2 > 128)
			pr_uint(d->p, a2);
		else
			print_signo(d, (int)a2);
		return DEC_DONE;
	case PR_SET_PTRACER:
		if ((int)a2 == -1)
			pr_raw(d->p, d->o->xlat_style == XS_ABBREV || d->p->json
					 ? "PR_SET_PTRACER_ANY"
				     : d->o->xlat_style == XS_RAW ? "-1"
								  : "-1 /* PR_SET_PTRACER_ANY */");
		else
			pr_int(d->p, (int)a2);
		return DEC_DONE;
	case PR_SET_SECCOMP:
		print_xval(d, &xl_seccomp_modes, a2, "SECCOMP_MODE_???");
		if (a2 == 1)
			return DEC_DONE;
		if (a2 == 2) {
			print_seccomp_fprog(d, arg(d, 2));
			return DEC_DONE;
		}
		hex_args(d, 2);
		return DEC_DONE;
	case PR_SET_TIMERSLACK:
		pr_int(d->p, (int64_t)a2);
		return DEC_DONE;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
	case 57: /* PR_SET_IO_FLUSHER */
		pr_uint(d->p, a2);
		hex_args(d, 2);
		return DEC_DONE;
	default:
		hex_args(d, 1);
		return DEC_DONE;
	}
}

int dec_arch_prctl(struct dctx *d)
{
	unsigned code = (unsigned)arg(d, 0);
	uint64_t addr = arg(d, 1);

	if (!d->exiting)
		print_xval(d, &xl_arch_prctl_codes, code, "ARCH_???");
	switch (code) {
	case 0x1003: /* ARCH_GET_FS */
	case 0x1004: /* ARCH_GET_GS */
		if (!d->exiting)
			return entry_more(d);
		print_kptr_ref(d, addr);
		return DEC_DONE;
	case 0x1011: /* ARCH_GET_CPUID */
		return DEC_DONE;
	default:
		pr_hex(d->p, addr);
		return DEC_DONE;
	}
}
