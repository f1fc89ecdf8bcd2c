/* clone and clone3: which arguments print depends on the flags. */
#include <signal.h>
#include <stdio.h>

#include "decode/proc.h"

#define CSIGNAL_MASK	 0xff
#define F_PIDFD		 0x00001000
#define F_SETTLS	 0x00080000
#define F_PARENT_SETTID	 0x00100000
#define F_CHILD_CLEARTID 0x00200000
#define F_CHILD_SETTID	 0x01000000
#define F_INTO_CGROUP	 0x200000000ull

/* x86_64 argument order: flags, stack, parent_tid, child_tid, tls */
int dec_clone(struct dctx *d)
{
	uint64_t flags = arg(d, 0) & ~(uint64_t)CSIGNAL_MASK;
	int sig = (int)(arg(d, 0) & CSIGNAL_MASK);

	if (!d->exiting) {
		print_arg_name(d, "child_stack");
		pr_ptr(d->p, arg(d, 1));
		print_arg_name(d, "flags");
		if (flags && sig && !d->p->json) {
			/* CLONE_VM|SIGCHLD as one value */
			struct strbuf sb = {0};
			sb_flags(&sb, &xl_clone_flags, flags, d->o->xlat_style, "CLONE_???");
			char rt[16];
			const char *name = signal_name(sig);
			if (!name && sig >= 32 && sig <= 64) {
				snprintf(rt, sizeof(rt), sig == 32 ? "SIGRTMIN" : "SIGRT_%d",
					 sig - 32);
				name = rt;
			}
			if (!name || d->o->xlat_style == XS_RAW)
				sb_printf(&sb, "|%d", sig);
			else if (d->o->xlat_style == XS_VERBOSE)
				sb_printf(&sb, "|%d /* %s */", sig, name);
			else
				sb_printf(&sb, "|%s", name);
			pr_raw(d->p, "%s", sb.buf);
			sb_free(&sb);
		} else if (flags) {
			print_flags(d, &xl_clone_flags, flags, "CLONE_???");
			if (sig)
				print_signo(d, sig);
		} else {
			print_signo(d, sig);
		}
		if (!(flags &
		      (F_PARENT_SETTID | F_PIDFD | F_CHILD_SETTID | F_CHILD_CLEARTID | F_SETTLS)))
			return DEC_DONE;
		return DEC_MORE;
	}
	if (flags & (F_PARENT_SETTID | F_PIDFD)) {
		print_arg_name(d, "parent_tid");
		if (out_failed(d, arg(d, 2)))
			;
		else if (flags & F_PARENT_SETTID)
			print_int_ref(d, arg(d, 2));
		else
			print_fd_ref(d, arg(d, 2));
	}
	if (flags & F_SETTLS) {
		print_arg_name(d, "tls");
		pr_ptr(d->p, arg(d, 4));
	}
	if (flags & (F_CHILD_SETTID | F_CHILD_CLEARTID)) {
		print_arg_name(d, "child_tidptr");
		pr_ptr(d->p, arg(d, 3));
	}
	return DEC_DONE;
}

struct clone_args_k {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};

#define CLONE_ARGS_MIN 64 /* up to and including tls (CLONE_ARGS_SIZE_VER0) */

static bool print_int_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	(void)size;
	(void)opaque;
	pr_int(d->p, *(const int *)elem);
	return true;
}

static void print_clone_args(struct dctx *d, const struct clone_args_k *a, uint64_t fetched)
{
	pr_struct_begin(d->p);
	pr_field(d->p, "flags");
	print_flags(d, &xl_clone3_flags, a->flags, "CLONE_???");
	if (a->flags & F_PIDFD) {
		pr_field(d->p, "pidfd");
		pr_ptr(d->p, a->pidfd);
	}
	if (a->flags & (F_CHILD_SETTID | F_CHILD_CLEARTID)) {
		pr_field(d->p, "child_tid");
		pr_ptr(d->p, a->child_tid);
	}
	if (a->flags & F_PARENT_SETTID) {
		pr_field(d->p, "parent_tid");
		pr_ptr(d->p, a->parent_tid);
	}
	pr_field(d->p, "exit_signal");
	if (a->exit_signal < 0x7fffffff)
		print_signo(d, (int)a->exit_signal);
	else
		pr_uint(d->p, a->exit_signal);
	pr_field(d->p, "stack");
	pr_ptr(d->p, a->stack);
	pr_field(d->p, "stack_size");
	pr_hex(d->p, a->stack_size);
	if (a->flags & F_SETTLS) {
		pr_field(d->p, "tls");
		pr_ptr(d->p, a->tls);
	}
	if (a->set_tid || a->set_tid_size) {
		pr_field(d->p, "set_tid");
		if (!a->set_tid || !a->set_tid_size || a->set_tid_size > 32)
			pr_ptr(d->p, a->set_tid);
		else
			print_array(d, a->set_tid, a->set_tid_size, sizeof(int), print_int_elem,
				    NULL);
		pr_field(d->p, "set_tid_size");
		pr_uint(d->p, a->set_tid_size);
	}
	if (fetched > offsetof(struct clone_args_k, cgroup) &&
	    (a->cgroup || a->flags & F_INTO_CGROUP)) {
		pr_field(d->p, "cgroup");
		pr_uint(d->p, a->cgroup);
	}
	pr_struct_end(d->p);
}

int dec_clone3(struct dctx *d)
{
	uint64_t addr = arg(d, 0), size = arg(d, 1);
	uint64_t fetch = size < sizeof(struct clone_args_k) ? size : sizeof(struct clone_args_k);
	struct clone_args_k a = {0};

	if (!d->exiting) {
		if (fetch < CLONE_ARGS_MIN || mem_read(d, addr, &a, fetch) < 0) {
			pr_ptr(d->p, addr);
		} else {
			print_clone_args(d, &a, fetch);
			if (a.flags & (F_PIDFD | F_PARENT_SETTID)) {
				d->priv[0] = a.flags;
				return DEC_MORE;
			}
		}
		pr_uint(d->p, size);
		return DEC_DONE;
	}
	if (!syserror(d)) {
		if (mem_read(d, addr, &a, fetch) < 0) {
			print_value_changed(d);
			pr_ptr(d->p, addr);
		} else if (a.flags & (F_PIDFD | F_PARENT_SETTID)) {
			print_value_changed(d);
			pr_struct_begin(d->p);
			if (a.flags & F_PIDFD) {
				pr_field(d->p, "pidfd");
				print_fd_ref(d, a.pidfd);
			}
			if (a.flags & F_PARENT_SETTID) {
				pr_field(d->p, "parent_tid");
				print_int_ref(d, a.parent_tid);
			}
			pr_struct_end(d->p);
		}
	}
	pr_uint(d->p, size);
	return DEC_DONE;
}
