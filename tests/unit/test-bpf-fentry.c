/* Which syscalls the bpf backend traces through fentry/fexit, and on which kernel functions:
 * names from the syscall table with x86_64's renamed entry points; more than the limit, a
 * number past the table, a syscall the kernel only has as sys_ni_syscall, or
 * SCRY_BPF_TRACEPOINTS means the tracepoints. With root, every
 * function named for a syscall of the table must exist in this kernel (/proc/kallsyms). */
#include <asm/unistd_64.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

#include "syscalls/syscalls.h"
#include "trace/bpf.h"

static struct scry_plan plans[SCRY_NR_MAX], unknown;
static long nrs[SCRY_FENTRY_MAX];
static char fns[SCRY_FENTRY_MAX][64];

static int targets(void)
{
	return bpf_fentry_targets(plans, SCRY_NR_MAX, &unknown, nrs, fns, SCRY_FENTRY_MAX);
}

static char *kallsyms; /* /proc/kallsyms, read once */

/* Whether name is a symbol of the running kernel (root: /proc/kallsyms lists them). */
static bool in_kernel(const char *name)
{
	char want[128];

	snprintf(want, sizeof(want), " %s\n", name);
	return kallsyms && strstr(kallsyms, want);
}

static void read_kallsyms(void)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	size_t len = 0, cap = 0;
	char buf[65536];

	if (!f)
		return;
	for (size_t n; (n = fread(buf, 1, sizeof(buf), f)) > 0;) {
		if (len + n + 1 > cap) {
			cap = 2 * (len + n + 1);
			kallsyms = realloc(kallsyms, cap);
		}
		memcpy(kallsyms + len, buf, n);
		len += n;
	}
	fclose(f);
	if (kallsyms)
		kallsyms[len] = '\0';
}

int main(void)
{
	unsetenv("SCRY_BPF_TRACEPOINTS");
	CHECK(targets() == -1); /* nothing traced */

	plans[__NR_openat].mode = SM_RECORD;
	plans[__NR_stat].mode = SM_COUNT;
	plans[__NR_uname].mode = SM_RECORD;
	plans[__NR_umount2].mode = SM_RECORD;
	CHECK(targets() == 4); /* in number order */
	CHECK(nrs[0] == __NR_stat && nrs[3] == __NR_openat);
	CHECK_STR(fns[0], "__x64_sys_newstat");
	CHECK_STR(fns[1], "__x64_sys_newuname");
	CHECK_STR(fns[2], "__x64_sys_umount");
	CHECK_STR(fns[3], "__x64_sys_openat");

	plans[__NR_openat].mode = SM_SKIP;
	plans[__NR_tuxcall].mode = SM_RECORD; /* sys_ni_syscall: no function of its own */
	CHECK(targets() == -1);
	plans[__NR_tuxcall].mode = SM_SKIP;

	setenv("SCRY_BPF_TRACEPOINTS", "1", 1);
	CHECK(targets() == -1);
	unsetenv("SCRY_BPF_TRACEPOINTS");

	unknown.mode = SM_RECORD; /* numbers past the table: only the tracepoints see them */
	CHECK(targets() == -1);
	unknown.mode = SM_SKIP;

	for (long nr = 0; nr < 9; nr++)
		plans[nr].mode = SM_RECORD;
	CHECK(targets() == -1); /* more than SCRY_FENTRY_MAX */

	/* every syscall of the table, one at a time: its function is in the kernel */
	memset(plans, 0, sizeof(plans));
	read_kallsyms();
	if (in_kernel("__x64_sys_openat")) {
		for (long nr = 0; nr < SCRY_NR_MAX; nr++) {
			if (!syscall_get(nr))
				continue;
			plans[nr].mode = SM_RECORD;
			if (targets() == 1 && !in_kernel(fns[0])) {
				fprintf(stderr, "syscall %ld (%s): no kernel function %s\n", nr,
					syscall_get(nr)->name, fns[0]);
				unit_failures++;
			}
			plans[nr].mode = SM_SKIP;
		}
	}
	UNIT_DONE();
}
