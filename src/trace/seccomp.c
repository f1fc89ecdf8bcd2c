/* A seccomp filter for launched commands: the traced syscalls stop (SECCOMP_RET_TRACE), the
 * rest run at native speed. execve/execveat always stop: the tracer must see the exec. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "trace/ptrace.h"

bool seccomp_wanted(const struct trace_opts *o)
{
	if (o->no_seccomp || !o->filter.trace_given || o->npids || o->filter.npaths ||
	    o->filter.fds_given)
		return false;
	/* worth it only if some syscall is left out */
	for (unsigned nr = 0; nr < syscall_table_size; nr++)
		if (syscall_table[nr].name && !numset_has(&o->filter.trace, nr))
			return true;
	return false;
}

/* maps: -k must see the syscalls that change the mappings (the unwinder re-reads them). */
static bool traced_by_filter(const struct filter *f, bool maps, unsigned nr)
{
	return nr == __NR_execve || nr == __NR_execveat || numset_has(&f->trace, nr) ||
	       (maps && stack_maps_change(nr));
}

int seccomp_install(const struct filter *f, bool maps)
{
	unsigned max = 8 + 2 * syscall_table_size;
	struct sock_filter *prog = calloc(max, sizeof(*prog));
	unsigned n = 0;

	if (!prog)
		return -ENOMEM;
	/* other architectures (x32, i386) and unknown numbers: trace */
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, arch));
	prog[n++] =
	    (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, nr));
	prog[n++] =
	    (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, syscall_table_size, 0, 1);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	/* ranges of traced numbers: if lo <= nr < hi, trace */
	unsigned nr = 0;
	while (nr < syscall_table_size) {
		if (!traced_by_filter(f, maps, nr)) {
			nr++;
			continue;
		}
		unsigned lo = nr;
		while (nr < syscall_table_size && traced_by_filter(f, maps, nr))
			nr++;
		/* nr < lo: skip both; nr >= hi: skip the return */
		prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, lo, 0, 2);
		prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, nr, 1, 0);
		prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	}
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);

	struct sock_fprog fprog = {.len = (unsigned short)n, .filter = prog};
	int r = 0;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) < 0)
		r = -errno;
	free(prog);
	return r;
}
