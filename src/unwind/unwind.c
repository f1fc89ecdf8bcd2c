/* Stack unwinding with libdwfl: one Dwfl per process, our own thread callbacks so that the
 * same Dwfl unwinds a live ptrace-stopped thread (registers from PTRACE_GETREGS) and a stack
 * captured by the bpf backend (registers and a copy of the stack top). Memory comes from
 * memory.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <unistd.h>

#include "unwind/unwind-internal.h"

/* x86_64 DWARF register numbers (System V psABI, figure 3.36). */
enum {
	DW_RAX,
	DW_RDX,
	DW_RCX,
	DW_RBX,
	DW_RSI,
	DW_RDI,
	DW_RBP,
	DW_RSP,
	DW_R8,
	DW_R9,
	DW_R10,
	DW_R11,
	DW_R12,
	DW_R13,
	DW_R14,
	DW_R15,
	DW_RIP,
	DW_NREGS,
};

static const Dwfl_Callbacks proc_callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
};

struct unwinder *unwinder_new(pid_t tgid)
{
	struct unwinder *u = calloc(1, sizeof(*u));

	if (!u)
		return NULL;
	u->dwfl = dwfl_begin(&proc_callbacks);
	if (!u->dwfl) {
		free(u);
		errno = ENOMEM;
		return NULL;
	}
	u->tgid = tgid;
	u->memfd = -1;
	u->arch_fd = -1;
	return u;
}

void unwinder_free(struct unwinder *u)
{
	if (!u)
		return;
	dwfl_end(u->dwfl);
	if (u->arch_elf)
		elf_end(u->arch_elf);
	if (u->arch_fd >= 0)
		close(u->arch_fd);
	unw_memory_close(u);
	unw_maps_clear(u);
	free(u->snapshot);
	free(u->syms);
	free(u->strace_syms);
	free(u);
}

void unwinder_invalidate(struct unwinder *u)
{
	u->reported = false;
	u->nmiss = 0;
	unw_memory_close(u); /* /proc/PID/mem follows the old mm after exec */
	unw_maps_clear(u);
	if (u->syms)
		memset(u->syms, 0, UNW_SYM_CACHE * sizeof(*u->syms));
}

void unwinder_maps_changed(struct unwinder *u)
{
	u->reported = false;
	u->nmiss = 0;
}

int unw_report(struct unwinder *u, bool force)
{
	if (u->reported && !force)
		return 0;
	/* through the last unwound thread first: once the leader exited while other threads
	 * run on, /proc/TGID/maps is empty */
	pid_t pid = u->tid > 0 ? u->tid : u->tgid;
	int r;
	for (;;) {
		FILE *f = unw_maps_open(u, pid);
		if (!f) {
			r = errno;
		} else {
			dwfl_report_begin(
			    u->dwfl); /* modules found again are kept, others dropped */
			r = dwfl_linux_proc_maps_report(u->dwfl, f);
			if (dwfl_report_end(u->dwfl, NULL, NULL) != 0 && r == 0)
				r = -1;
			fclose(f);
		}
		if (r == 0 || pid == u->tgid || u->snapshot)
			break;
		pid = u->tgid;
	}
	if (r != 0)
		return r > 0 ? -r : -ESRCH; /* r > 0: errno (ENOENT: the process is gone) */
	u->reported = true;
	u->maps_read = false; /* the maps changed: elfsym.c reads them again when next asked */
	if (u->syms)
		memset(u->syms, 0, UNW_SYM_CACHE * sizeof(*u->syms));
	if (u->strace_syms)
		memset(u->strace_syms, 0, UNW_SYM_CACHE * sizeof(*u->strace_syms));
	return 0;
}

FILE *unw_maps_open(struct unwinder *u, pid_t pid)
{
	char path[64];

	if (u->snapshot)
		return fmemopen(u->snapshot, u->snapshot_len, "r");
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	return fopen(path, "re");
}

int unwinder_load_maps(struct unwinder *u, const char *text, size_t len)
{
	char *copy = malloc(len + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, text, len);
	copy[len] = '\0';
	free(u->snapshot);
	u->snapshot = copy;
	u->snapshot_len = len;
	u->reported = false;
	u->nmiss = 0;
	unw_maps_clear(u);
	return unwinder_load(u);
}

bool unw_seen_miss(struct unwinder *u, uint64_t addr)
{
	for (unsigned i = 0; i < u->nmiss && i < UNW_MISS_PCS; i++)
		if (u->miss[i] == addr)
			return true;
	u->miss[u->nmiss++ % UNW_MISS_PCS] = addr;
	if (u->nmiss >= 2 * UNW_MISS_PCS)
		u->nmiss = UNW_MISS_PCS;
	return false;
}

/* libdwfl's view of the process: one thread, the one of the current request. */
static pid_t next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	struct unwinder *u = arg;

	(void)dwfl;
	if (*thread_argp)
		return 0;
	*thread_argp = arg;
	return u->tid;
}

static bool get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_argp)
{
	(void)dwfl;
	(void)tid;
	*thread_argp = arg;
	return true;
}

static bool set_regs(Dwfl_Thread *thread, unsigned first, const uint64_t *v, unsigned n)
{
	Dwarf_Word w[DW_NREGS];

	for (unsigned i = 0; i < n; i++)
		w[i] = v[i];
	return dwfl_thread_state_registers(thread, (int)first, n, w);
}

static bool set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	struct unwinder *u = arg;

	if (u->regs) {
		const struct unw_regs *r = u->regs;
		uint64_t bp_sp[2] = {r->bp, r->sp};
		uint64_t r12_15[4] = {r->r12, r->r13, r->r14, r->r15};
		if (!set_regs(thread, DW_RBX, &r->bx, 1) || !set_regs(thread, DW_RBP, bp_sp, 2) ||
		    !set_regs(thread, DW_R12, r12_15, 4))
			return false;
		dwfl_thread_state_register_pc(thread, r->ip);
		return true;
	}
	struct user_regs_struct ur;
	if (ptrace(PTRACE_GETREGS, u->tid, NULL, &ur) < 0)
		return false;
	const uint64_t regs[DW_NREGS] = {
	    [DW_RAX] = ur.rax, [DW_RDX] = ur.rdx, [DW_RCX] = ur.rcx, [DW_RBX] = ur.rbx,
	    [DW_RSI] = ur.rsi, [DW_RDI] = ur.rdi, [DW_RBP] = ur.rbp, [DW_RSP] = ur.rsp,
	    [DW_R8] = ur.r8,   [DW_R9] = ur.r9,	  [DW_R10] = ur.r10, [DW_R11] = ur.r11,
	    [DW_R12] = ur.r12, [DW_R13] = ur.r13, [DW_R14] = ur.r14, [DW_R15] = ur.r15,
	    [DW_RIP] = ur.rip,
	};
	if (!set_regs(thread, 0, regs, DW_NREGS))
		return false;
	dwfl_thread_state_register_pc(thread, ur.rip);
	return true;
}

static const Dwfl_Thread_Callbacks thread_callbacks = {
    .next_thread = next_thread,
    .get_thread = get_thread,
    .memory_read = unw_memory_read,
    .set_initial_registers = set_initial_registers,
};

static int frame_cb(Dwfl_Frame *state, void *arg)
{
	struct unwinder *u = arg;
	Dwarf_Addr pc;

	if (!dwfl_frame_pc(state, &pc, NULL))
		return DWARF_CB_ABORT; /* dwfl_errmsg says why */
	if (u->n >= u->max) {
		u->error = "too many stack frames";
		return DWARF_CB_ABORT;
	}
	u->pcs[u->n++] = pc;
	return DWARF_CB_OK;
}

/* The stack of the current request; on a frame outside every known module (dlopen since the
 * maps were read) reads the maps again once and starts over. */
static int walk(struct unwinder *u, uint64_t *pcs, int max)
{
	if (max <= 0)
		return -EINVAL;
	int r = unw_report(u, false);
	if (r < 0)
		return r;
	if (!u->attached) {
		/* The architecture from an ELF file of our own, not from one of the process's
		 * modules: libdwfl would keep that module's backend, freed when an exec or a
		 * dlclose drops the module. The tracee runs on our architecture. */
		if (!u->arch_elf) {
			u->arch_fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
			u->arch_elf =
			    u->arch_fd >= 0 ? elf_begin(u->arch_fd, ELF_C_READ_MMAP, NULL) : NULL;
		}
		if (!u->arch_elf ||
		    !dwfl_attach_state(u->dwfl, u->arch_elf, u->tgid, &thread_callbacks, u))
			return -ENOEXEC;
		u->attached = true;
	}
	for (int attempt = 0;; attempt++) {
		u->pcs = pcs;
		u->max = max;
		u->n = 0;
		u->error = NULL;
		unw_memory_reset(u);
		r = dwfl_getthread_frames(u->dwfl, u->tid, frame_cb, u);
		if (r != 0 && !u->error)
			u->error = dwfl_errmsg(-1);
		if (u->n == 0)
			return -EFAULT; /* no registers: the thread is not stopped or gone */
		uint64_t last = u->pcs[u->n - 1] - (u->n > 1);
		if (!r || attempt || dwfl_addrmodule(u->dwfl, last) || unw_seen_miss(u, last) ||
		    unw_report(u, true) < 0)
			return u->n;
	}
}

int unwind_stopped(struct unwinder *u, pid_t tid, uint64_t *pcs, int max)
{
	u->tid = tid;
	u->regs = NULL;
	u->stack = NULL;
	u->stack_len = 0;
	return walk(u, pcs, max);
}

int unwind_captured(struct unwinder *u, const struct unw_regs *regs, const void *stack, size_t len,
		    uint64_t *pcs, int max)
{
	u->tid = u->tgid;
	u->regs = regs;
	u->stack = stack;
	u->stack_len = stack ? len : 0;
	int r = walk(u, pcs, max);
	u->regs = NULL;
	u->stack = NULL;
	return r;
}

const char *unwind_error(const struct unwinder *u)
{
	return u->error;
}
