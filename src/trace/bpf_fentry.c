/* Which syscalls the bpf backend can trace through fentry/fexit on their kernel functions
 * instead of the raw syscall tracepoints (see bpf_fentry_targets() in trace/bpf.h). While a
 * program is attached to raw_syscalls sys_enter/sys_exit, every syscall of every process on
 * the machine takes the kernel's slow syscall path; fentry on __x64_sys_openat costs only the
 * openat calls, and only them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syscalls/syscalls.h"
#include "trace/bpf.h"

/* x86_64 syscalls whose kernel entry point is not sys_<name> (syscall_64.tbl's last column) */
static const struct {
	const char *name, *entry;
} renamed[] = {
    {"stat", "newstat"},   {"fstat", "newfstat"}, {"lstat", "newlstat"},
    {"uname", "newuname"}, {"umount2", "umount"}, {"sendfile", "sendfile64"},
};

static bool kernel_function(long nr, char *buf, size_t len)
{
	const struct syscall_info *si = syscall_get(nr);
	const char *entry;

	if (!si || !si->name || strncmp(si->name, "syscall_", 8) == 0)
		return false;
	entry = si->name;
	for (size_t i = 0; i < sizeof(renamed) / sizeof(renamed[0]); i++)
		if (strcmp(renamed[i].name, si->name) == 0)
			entry = renamed[i].entry;
	return (size_t)snprintf(buf, len, "__x64_sys_%s", entry) < len;
}

int bpf_fentry_targets(const struct scry_plan *plans, unsigned n, const struct scry_plan *unknown,
		       long *nrs, char (*fns)[64], int max)
{
	int k = 0;

	if (getenv("SCRY_BPF_TRACEPOINTS") || unknown->mode != SM_SKIP)
		return -1;
	for (unsigned nr = 0; nr < n; nr++) {
		if (plans[nr].mode == SM_SKIP)
			continue;
		if (k == max || !kernel_function((long)nr, fns[k], sizeof(fns[k])))
			return -1;
		nrs[k++] = (long)nr;
	}
	return k > 0 ? k : -1;
}
