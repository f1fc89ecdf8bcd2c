/* rt_sig* syscalls, sigaltstack, rt_sigreturn, restart_syscall and kill-like calls. */
#include <signal.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <ucontext.h>

#include "decode/proc.h"

#define NSIG_BYTES 8

/* the kernel's struct sigaction on x86_64 */
struct k_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

#define K_SA_RESTORER 0x04000000

/* strace 6.1 reads its struct new_sigaction, whose sa_mask is NSIG / sizeof(long) longs
 * (64 bytes instead of 8): 88 bytes in all. A struct whose end is closer than that to an
 * unreadable page prints as its address there; so it does here. */
#define SIGACTION_READ_SIZE 88

static void print_sa_handler(struct dctx *d, uint64_t h)
{
	const char *name = h == 0	       ? "SIG_DFL"
			   : h == 1	       ? "SIG_IGN"
			   : h == (uint64_t)-1 ? "SIG_ERR"
					       : NULL;

	if (!name)
		pr_ptr(d->p, h);
	else if (d->p->json || d->o->xlat_style == XS_ABBREV)
		pr_raw(d->p, "%s", name);
	else if (d->o->xlat_style == XS_RAW)
		pr_hex(d->p, h);
	else
		pr_raw(d->p, "%#" PRIx64 " /* %s */", h, name);
}

static void print_sigaction(struct dctx *d, uint64_t addr)
{
	struct k_sigaction sa;
	uint8_t buf[SIGACTION_READ_SIZE];

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if (mem_read(d, addr, buf, sizeof(buf)) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	memcpy(&sa, buf, sizeof(sa));
	pr_struct_begin(d->p);
	pr_field(d->p, "sa_handler");
	print_sa_handler(d, sa.handler);
	pr_field(d->p, "sa_mask");
	print_sigset_val(d, &sa.mask, sizeof(sa.mask));
	pr_field(d->p, "sa_flags");
	print_flags(d, &xl_sigact_flags, sa.flags, "SA_???");
	if (sa.flags & K_SA_RESTORER) {
		pr_field(d->p, "sa_restorer");
		pr_ptr(d->p, sa.restorer);
	}
	pr_struct_end(d->p);
}

int dec_rt_sigaction(struct dctx *d)
{
	if (!d->exiting) {
		print_signo(d, (int)arg(d, 0));
		print_sigaction(d, arg(d, 1));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 2)))
		print_sigaction(d, arg(d, 2));
	pr_uint(d->p, arg(d, 3));
	return DEC_DONE;
}

int dec_rt_sigprocmask(struct dctx *d)
{
	if (!d->exiting) {
		print_xval(d, &xl_sigprocmask_cmds, arg(d, 0), "SIG_???");
		print_sigset(d, arg(d, 1), arg(d, 3));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 2)))
		print_sigset(d, arg(d, 2), arg(d, 3));
	pr_uint(d->p, arg(d, 3));
	return DEC_DONE;
}

/* rt_sigpending accepts any size from 1 to 8 bytes */
int dec_rt_sigpending(struct dctx *d)
{
	uint64_t addr = arg(d, 0), len = arg(d, 1);
	uint8_t mask[NSIG_BYTES] = {0};

	if (!d->exiting)
		return entry_more(d);
	if (out_failed(d, addr))
		;
	else if (len < 1 || len > NSIG_BYTES || !addr || mem_read(d, addr, mask, len) < 0)
		pr_ptr(d->p, addr);
	else
		print_sigset_val(d, mask, len);
	pr_uint(d->p, len);
	return DEC_DONE;
}

int dec_rt_sigsuspend(struct dctx *d)
{
	print_sigset(d, arg(d, 0), arg(d, 1));
	pr_uint(d->p, arg(d, 1));
	return DEC_DONE;
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize): with -v (strace's default verbose) the
 * siginfo prints at exit, the timeout as it was at entry. */
int dec_rt_sigtimedwait(struct dctx *d)
{
	if (!d->exiting) {
		print_sigset(d, arg(d, 0), arg(d, 3));
		if (!arg(d, 1)) {
			pr_raw(d->p, "NULL");
			print_timespec(d, arg(d, 2));
			pr_uint(d->p, arg(d, 3));
			return DEC_MORE; /* for the signal's name */
		}
		struct timespec ts;
		d->priv[0] = arg(d, 2) && mem_read_obj(d, arg(d, 2), ts) == 0;
		if (d->priv[0]) {
			d->priv[1] = (uint64_t)ts.tv_sec;
			d->priv[2] = (uint64_t)ts.tv_nsec;
		}
		return entry_more(d);
	}
	if (arg(d, 1)) {
		if (!out_failed(d, arg(d, 1)))
			print_siginfo_at(d, arg(d, 1));
		if (d->priv[0]) {
			struct timespec ts = {.tv_sec = (time_t)d->priv[1],
					      .tv_nsec = (long)d->priv[2]};
			print_timespec_val(d, &ts);
		} else {
			pr_ptr(d->p, arg(d, 2));
		}
		pr_uint(d->p, arg(d, 3));
	}
	if (!syserror(d) && d->ev->ret > 0) {
		char name[16];
		const char *n = signal_name((int)d->ev->ret);
		if (!n && d->ev->ret >= 32 && d->ev->ret <= 64) {
			snprintf(name, sizeof(name), d->ev->ret == 32 ? "SIGRTMIN" : "SIGRT_%d",
				 (int)d->ev->ret - 32);
			n = name;
		}
		if (n)
			sb_puts(&d->aux, n);
	}
	return DEC_DONE;
}

int dec_rt_sigqueueinfo(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	print_signo(d, (int)arg(d, 1));
	print_siginfo_at(d, arg(d, 2));
	return DEC_DONE;
}

int dec_rt_tgsigqueueinfo(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	pr_int(d->p, (int)arg(d, 1));
	print_signo(d, (int)arg(d, 2));
	print_siginfo_at(d, arg(d, 3));
	return DEC_DONE;
}

static void print_stack_t(struct dctx *d, uint64_t addr)
{
	stack_t ss;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if (mem_read_obj(d, addr, ss) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "ss_sp");
	pr_ptr(d->p, (uint64_t)(uintptr_t)ss.ss_sp);
	pr_field(d->p, "ss_flags");
	print_flags(d, &xl_sigaltstack_flags, (unsigned)ss.ss_flags, "SS_???");
	pr_field(d->p, "ss_size");
	pr_uint(d->p, ss.ss_size);
	pr_struct_end(d->p);
}

int dec_sigaltstack(struct dctx *d)
{
	if (!d->exiting) {
		print_stack_t(d, arg(d, 0));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_stack_t(d, arg(d, 1));
	return DEC_DONE;
}

/* rt_sigreturn({mask=[]}): the mask of the signal frame the handler returns through, at
 * the stack pointer (the handler's return popped the return address: frame = sp - 8). */
/* struct rt_sigframe on x86_64: the return address, then the ucontext */
#define RT_SIGFRAME_MASK_OFFSET (8 + offsetof(ucontext_t, uc_sigmask))

int dec_rt_sigreturn(struct dctx *d)
{
	uint8_t mask[NSIG_BYTES];

	if (!d->ev->sp)
		return DEC_DONE; /* the backend could not tell the stack pointer */
	pr_struct_begin(d->p);
	pr_field(d->p, "mask");
	uint64_t addr = d->ev->sp - 8 + RT_SIGFRAME_MASK_OFFSET;
	if (mem_read(d, addr, mask, sizeof(mask)) < 0)
		pr_hex(d->p, addr);
	else
		print_sigset_val(d, mask, sizeof(mask));
	pr_struct_end(d->p);
	return DEC_DONE;
}

/* restart_syscall(<... resuming interrupted clock_nanosleep ...>) */
int dec_restart_syscall(struct dctx *d)
{
	const struct syscall_info *prev = syscall_get(d->ev->prev_nr);

	pr_raw(d->p, "<... resuming interrupted %s ...>", prev ? prev->name : "system call");
	return DEC_DONE;
}

int dec_get_robust_list(struct dctx *d)
{
	uint64_t v;

	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return entry_more(d);
	}
	for (int i = 1; i <= 2; i++) {
		uint64_t addr = arg(d, i);
		if (out_failed(d, addr))
			continue;
		if (!addr) {
			pr_raw(d->p, "NULL");
		} else if (mem_read_obj(d, addr, v) < 0) {
			pr_hex(d->p, addr);
		} else {
			pr_array_begin(d->p);
			if (i == 1)
				pr_ptr(d->p, v);
			else
				pr_uint(d->p, v);
			pr_array_end(d->p);
		}
	}
	return DEC_DONE;
}
