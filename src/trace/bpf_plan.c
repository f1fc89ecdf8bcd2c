/* What the bpf backend captures for each syscall, derived from the syscall table's argument
 * kinds, plus a few hooks for syscalls whose decoders read memory the kinds do not describe
 * (argv arrays, iovecs, fd sets). The kernel side runs the plan; the decoders then find the
 * memory they read among the captures. */
#include <limits.h>
#include <string.h>

#include "trace/bpf.h"

static void op_add(struct scry_plan *p, uint8_t kind, int arg, int lenarg, bool at_exit,
		   uint32_t max, uint16_t elem, uint16_t nmax)
{
	if (p->nops >= SCRY_NOPS)
		return;
	p->ops[p->nops++] = (struct scry_capop){
	    .kind = kind,
	    .arg = (uint8_t)arg,
	    .lenarg = (uint8_t)lenarg,
	    .at_exit = at_exit,
	    .elem = elem,
	    .nmax = nmax,
	    .max = max,
	};
}

/* Captures for arguments described by their kind alone. */
static void plan_from_kinds(const struct syscall_info *si, unsigned strsize, struct scry_plan *p)
{
	for (unsigned i = 0; i < si->nargs && i < 6; i++) {
		const struct arg_desc *a = &si->args[i];
		switch (a->kind) {
		case AK_PATH:
			op_add(p, CK_STR, (int)i, 0, false, SCRY_PATH_CAP, 0, 0);
			break;
		case AK_STR:
			op_add(p, CK_STR, (int)i, 0, false, strsize + 2, 0, 0);
			break;
		case AK_BUF_IN:
			op_add(p, CK_BUF, (int)i, a->param, false, strsize, 0, 0);
			break;
		case AK_BUF_OUT:
			if (a->param == ARG_LEN_RET)
				op_add(p, CK_BUF_RET, (int)i, 0, true, strsize, 0, 0);
			else
				op_add(p, CK_BUF, (int)i, a->param, true, strsize, 0, 0);
			break;
		case AK_IN:
		case AK_OUT:
			if (a->strct && a->strct->size)
				op_add(p, CK_FIXED, (int)i, 0, a->kind == AK_OUT,
				       a->strct->size < SCRY_CAP_MAX ? a->strct->size
								     : SCRY_CAP_MAX,
				       0, 0);
			break;
		}
	}
}

/* A syscall with its own decoder may read memory at any pointer argument the kinds leave
 * open (hex, ptr, structs the decoder reads itself): capture what is there, at entry and,
 * for outputs, at exit. The decoder finds its strings and structs in these blobs. */
#define BLOB_MAX 512
static void plan_blobs(const struct syscall_info *si, struct scry_plan *p)
{
	for (unsigned i = 0; i < si->nargs && i < 6; i++) {
		const struct arg_desc *a = &si->args[i];
		bool open =
		    a->kind == AK_HEX || a->kind == AK_PTR ||
		    ((a->kind == AK_IN || a->kind == AK_OUT) && !(a->strct && a->strct->size));
		if (!open)
			continue;
		op_add(p, CK_BLOB, (int)i, 0, false, BLOB_MAX, 0, 0);
		op_add(p, CK_BLOB, (int)i, 0, true, BLOB_MAX, 0, 0);
	}
}

static bool has_fdpath(const struct scry_plan *p, unsigned arg)
{
	for (unsigned i = 0; i < p->nops; i++)
		if (p->ops[i].kind == CK_FDPATH && p->ops[i].arg == arg && !p->ops[i].at_exit)
			return true;
	return false;
}

/* -y and -P need what an fd referred to when the call was made, not when it is printed. */
static void plan_fdpaths(const struct syscall_info *si, struct scry_plan *p)
{
	for (unsigned i = 0; i < si->nargs && i < 6; i++)
		if ((si->args[i].kind == AK_FD || si->args[i].kind == AK_DIRFD) &&
		    !has_fdpath(p, i))
			op_add(p, CK_FDPATH, (int)i, 0, false, SCRY_FDPATH_MAX, 0, 0);
	if (si->rval == RV_FD)
		op_add(p, CK_FDPATH, 0, 0xff, true, SCRY_FDPATH_MAX, 0, 0);
}

/* -y decorates the fds inside pollfd arrays and fd sets too: what they were at the call. */
#define FDS_IN_ARRAYS_MAX 64
static void plan_fds_in_arrays(const char *name, struct scry_plan *p)
{
	if (strcmp(name, "poll") == 0 || strcmp(name, "ppoll") == 0)
		op_add(p, CK_FDPOLL, 0, 1, false, 0, FDS_IN_ARRAYS_MAX, 8);
	else if (strcmp(name, "pipe") == 0 || strcmp(name, "pipe2") == 0)
		op_add(p, CK_FDPOLL, 0, 0xff, true, 0, 2, 4); /* the two fds it made */
	else if (strcmp(name, "socketpair") == 0)
		op_add(p, CK_FDPOLL, 3, 0xff, true, 0, 2, 4);
	else if (strcmp(name, "select") == 0 || strcmp(name, "pselect6") == 0)
		op_add(p, CK_FDSET, 0, 0, false, 0, FDS_IN_ARRAYS_MAX, 0);
}

/* Syscalls whose decoders read what the kinds do not say. Each hook replaces the plan. */
static void hook_execve(struct scry_plan *p, unsigned s, bool verbose, int first)
{
	op_add(p, CK_STR, first, 0, false, SCRY_PATH_CAP, 0, 0);
	op_add(p, CK_STRV, first + 1, 0, false, s + 2, 256, 512);
	/* envp prints as a count unless -v: only the pointers */
	op_add(p, CK_STRV, first + 2, 0, false, s + 2, verbose ? 256 : 0, 512);
}

struct hook {
	const char *name;
	void (*fn)(struct scry_plan *p, unsigned strsize, bool verbose);
};

static void h_execve(struct scry_plan *p, unsigned s, bool v)
{
	hook_execve(p, s, v, 0);
}
static void h_execveat(struct scry_plan *p, unsigned s, bool v)
{
	hook_execve(p, s, v, 1);
}
static void h_readv(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_IOVEC, 1, 2, true, s, (uint16_t)(s + 1), 0);
}
static void h_writev(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_IOVEC, 1, 2, false, s, (uint16_t)(s + 1), 0);
}
static void h_poll(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_ARRAY, 0, 1, false, 8 * (s + 1), 8, 0);
	op_add(p, CK_ARRAY, 0, 1, true, 8 * (s + 1), 8, 0);
}
static void h_ppoll(struct scry_plan *p, unsigned s, bool v)
{
	h_poll(p, s, v);
	op_add(p, CK_FIXED, 2, 0, false, 16, 0, 0);
	op_add(p, CK_FIXED, 3, 0, false, 8, 0, 0);
	op_add(p, CK_FIXED, 2, 0, true, 16, 0, 0);
}
static void h_select(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	for (int i = 1; i <= 3; i++)
		op_add(p, CK_BITS, i, 0, false, 128, 0, 0);
	op_add(p, CK_FIXED, 4, 0, false, 16, 0, 0);
	/* outputs: the sets again, and the time left */
	for (int i = 1; i <= 3; i++)
		op_add(p, CK_BITS, i, 0, true, 128, 0, 0);
	op_add(p, CK_FIXED, 4, 0, true, 16, 0, 0);
}
static void h_pselect6(struct scry_plan *p, unsigned s, bool v)
{
	h_select(p, s, v);
	op_add(p, CK_FIXED, 5, 0, false, 16, 0, 0);
	op_add(p, CK_PTR_AT, 5, 0, false, 8, 0, 0); /* {sigmask, size}: the mask */
}
static void h_clone3(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_BUF, 0, 1, false, 128, 0, 0);
	/* what the kernel wrote through clone_args' pointers */
	op_add(p, CK_PTR_AT, 0, 0, true, 8, 8, 0);  /* pidfd */
	op_add(p, CK_PTR_AT, 0, 0, true, 8, 16, 0); /* child_tid */
	op_add(p, CK_PTR_AT, 0, 0, true, 8, 24, 0); /* parent_tid */
}
static void h_vmsplice(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_IOVEC, 1, 2, false, s, (uint16_t)(s + 1), 0);
}
static void h_wait4(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_FIXED, 1, 0, true, 4, 0, 0);
	op_add(p, CK_FIXED, 3, 0, true, 144, 0, 0);
}
static void h_nanosleep(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_FIXED, 0, 0, false, 16, 0, 0);
	op_add(p, CK_FIXED, 1, 0, true, 16, 0, 0);
}
static void h_clock_nanosleep(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_FIXED, 2, 0, false, 16, 0, 0);
	op_add(p, CK_FIXED, 3, 0, true, 16, 0, 0);
}
static void h_rt_sigaction(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_FIXED, 1, 0, false, 32, 0, 0);
	op_add(p, CK_FIXED, 2, 0, true, 32, 0, 0);
}
static void h_rt_sigprocmask(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_BUF, 1, 3, false, 128, 0, 0);
	op_add(p, CK_BUF, 2, 3, true, 128, 0, 0);
}
static void h_getdents(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_BUF_RET, 1, 0, true, 4096, 0, 0);
}
static void h_futex(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_FIXED, 0, 0, false, 4, 0, 0);
	op_add(p, CK_FIXED, 3, 0, false, 16, 0, 0);
}

static void h_setxattrat(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_STR, 1, 0, false, SCRY_PATH_CAP, 0, 0);
	op_add(p, CK_STR, 3, 0, false, s + 2, 0, 0);
	op_add(p, CK_BLOB, 4, 0, false, 64, 0, 0);
	op_add(p, CK_PTR_AT, 4, 0, false, s + 1, 0, 0);
}
static void h_getxattrat(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_STR, 1, 0, false, SCRY_PATH_CAP, 0, 0);
	op_add(p, CK_STR, 3, 0, false, s + 2, 0, 0);
	op_add(p, CK_BLOB, 4, 0, false, 64, 0, 0);
	op_add(p, CK_PTR_AT, 4, 0, true, s + 1, 0, 0);
}

/* msghdr: the header, name, control data, iovecs and their buffers (up to -s each) */
static void h_sendmsg(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_MSGHDR, 1, 0xff, false, s, 0, 0);
	op_add(p, CK_FDPATH, 0, 0, false, SCRY_FDPATH_MAX, 0, 0); /* a netlink socket? */
}
static void h_recvmsg(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_FIXED, 1, 0, false, 56, 0, 0); /* msg_namelen as passed in */
	op_add(p, CK_MSGHDR, 1, 0xff, true, s, 0, 0);
	op_add(p, CK_FDPATH, 0, 0, false, SCRY_FDPATH_MAX, 0, 0);
}
static void h_sendmmsg(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_MSGHDR, 1, 2, false, s, 0, 0);
	op_add(p, CK_ARRAY, 1, 2, true, 64 * 64, 64, 0); /* msg_len of each */
}
static void h_recvmmsg(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_ARRAY, 1, 2, false, 64 * 64, 64, 0); /* msg_namelen of each */
	op_add(p, CK_FIXED, 4, 0, false, 16, 0, 0);
	op_add(p, CK_MSGHDR, 1, 0xfe, true, s, 0, 0); /* as many as were received */
}
/* strace decodes netlink messages in full, past -s: a whole page of them */
#define NETLINK_CAP 4096
static void h_sendto(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_BUF, 1, 2, false, s > NETLINK_CAP ? s : NETLINK_CAP, 0, 0);
	op_add(p, CK_FDPATH, 0, 0, false, SCRY_FDPATH_MAX, 0, 0); /* a netlink socket? */
}
static void h_recvfrom(struct scry_plan *p, unsigned s, bool v)
{
	(void)v;
	op_add(p, CK_BUF_RET, 1, 0, true, s > NETLINK_CAP ? s : NETLINK_CAP, 0, 0);
	op_add(p, CK_FDPATH, 0, 0, false, SCRY_FDPATH_MAX, 0, 0);
}
/* the signal frame rt_sigreturn restores the mask from, at the stack pointer */
static void h_rt_sigreturn(struct scry_plan *p, unsigned s, bool v)
{
	(void)s, (void)v;
	op_add(p, CK_STACK, 0, 0, false, 512, 0, 0);
}

static const struct hook hooks[] = {
    {"sendmsg", h_sendmsg},
    {"recvmsg", h_recvmsg},
    {"sendmmsg", h_sendmmsg},
    {"recvmmsg", h_recvmmsg},
    {"sendto", h_sendto},
    {"recvfrom", h_recvfrom},
    {"rt_sigreturn", h_rt_sigreturn},
    {"setxattrat", h_setxattrat},
    {"getxattrat", h_getxattrat},
    {"execve", h_execve},
    {"execveat", h_execveat},
    {"readv", h_readv},
    {"preadv", h_readv},
    {"preadv2", h_readv},
    {"writev", h_writev},
    {"pwritev", h_writev},
    {"pwritev2", h_writev},
    {"poll", h_poll},
    {"ppoll", h_ppoll},
    {"select", h_select},
    {"pselect6", h_pselect6},
    {"clone3", h_clone3},
    {"vmsplice", h_vmsplice},
    {"wait4", h_wait4},
    {"nanosleep", h_nanosleep},
    {"clock_nanosleep", h_clock_nanosleep},
    {"rt_sigaction", h_rt_sigaction},
    {"rt_sigprocmask", h_rt_sigprocmask},
    {"getdents64", h_getdents},
    {"getdents", h_getdents},
    {"futex", h_futex},
};

/* Syscalls whose entry goes out at once: they block (so their line shows while they do,
 * and other tracees' lines interleave as strace prints them), never return, or replace or
 * create tasks. */
static const char *const entry_now[] = {
    "exit",	   "exit_group",   "execve",	      "execveat",	"fork",
    "vfork",	   "clone",	   "clone3",	      "wait4",		"waitid",
    "pause",	   "nanosleep",	   "clock_nanosleep", "rt_sigsuspend",	"rt_sigtimedwait",
    "poll",	   "ppoll",	   "select",	      "pselect6",	"epoll_wait",
    "epoll_pwait", "epoll_pwait2", "futex",	      "accept",		"accept4",
    "connect",	   "msgrcv",	   "semop",	      "semtimedop",	"mq_timedreceive",
    "flock",	   "io_getevents", "io_pgetevents",   "io_uring_enter", "futex_wait",
    "futex_waitv", "sigsuspend",
};

void bpf_plan_build(const struct trace_opts *o, bool count_only, struct scry_plan *plans,
		    unsigned n, struct scry_plan *unknown)
{
	unsigned strsize = o->print.strsize;
	uint8_t traced_mode = count_only ? SM_COUNT : SM_RECORD;

	if (strsize > SCRY_CAP_MAX - 2)
		strsize = SCRY_CAP_MAX - 2;
	memset(plans, 0, n * sizeof(*plans));
	memset(unknown, 0, sizeof(*unknown));
	unknown->mode = o->filter.trace.not ? traced_mode : SM_SKIP;
	for (unsigned nr = 0; nr < n; nr++) {
		struct scry_plan *p = &plans[nr];
		bool traced =
		    nr < NSYSCALL_SET ? numset_has(&o->filter.trace, nr) : o->filter.trace.not ;
		if (!traced)
			continue;
		p->mode = traced_mode;
		const struct syscall_info *si = syscall_get((long)nr);
		if (!si || count_only)
			continue;
		bool hooked = false;
		for (size_t h = 0; h < sizeof(hooks) / sizeof(hooks[0]); h++)
			if (strcmp(hooks[h].name, si->name) == 0) {
				hooks[h].fn(p, strsize, o->print.verbose);
				hooked = true;
			}
		if (!hooked)
			plan_from_kinds(si, strsize, p);
		if (o->print.decode_fds)
			plan_fds_in_arrays(si->name, p); /* before the blobs: ops are limited */
		if (si->decode)
			plan_blobs(si, p);
		if (o->print.decode_fds || o->filter.npaths)
			plan_fdpaths(si, p);
		for (unsigned i = 0; i < p->nops; i++)
			if (p->ops[i].kind == CK_FDPATH || p->ops[i].kind == CK_FDPOLL ||
			    p->ops[i].kind == CK_FDSET)
				p->flags |= SP_FDPATH;
		if (o->kflag) {
			/* -k: where the unwinder starts, and the stack it walks */
			op_add(p, CK_REGS, 0, 0, false, sizeof(struct scry_regs), 0, 0);
			op_add(p, CK_STACK, 0, 0, false, SCRY_STACK_CAP, 0, 0);
		}
		for (size_t e = 0; e < sizeof(entry_now) / sizeof(entry_now[0]); e++)
			if (strcmp(entry_now[e], si->name) == 0)
				p->flags |= SP_ENTRY;
	}
}
