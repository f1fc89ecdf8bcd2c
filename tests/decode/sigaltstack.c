/* sigaltstack: the new stack at entry, the old one at exit. */
/* TRACE: -e trace=sigaltstack */
#include "tests.h"
#include <signal.h>
#include <sys/syscall.h>

int main(void)
{
	char line[512];
	stack_t *ss = tail_alloc(sizeof(*ss)), *old = tail_alloc(sizeof(*old));
	static char stack[1 << 16];

	long rc = syscall(__NR_sigaltstack, NULL, old);
	print_line("", "sigaltstack(NULL, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0})", sprintrc(rc));
	ss->ss_sp = stack;
	ss->ss_flags = 0;
	ss->ss_size = sizeof(stack);
	rc = syscall(__NR_sigaltstack, ss, old);
	snprintf(line, sizeof(line),
		 "sigaltstack({ss_sp=%p, ss_flags=0, ss_size=%zu}, {ss_sp=NULL, ss_flags=SS_DISABLE, "
		 "ss_size=0})",
		 (void *)stack, sizeof(stack));
	print_line("", line, sprintrc(rc));
	ss->ss_flags = (int)(1U << 31) | 0x100; /* SS_AUTODISARM */
	rc = syscall(__NR_sigaltstack, ss, old);
	snprintf(line, sizeof(line), "sigaltstack({ss_sp=%p, ss_flags=SS_AUTODISARM|0x100, ss_size=%zu}, %p)",
		 (void *)stack, sizeof(stack), (void *)old);
	print_line("", line, sprintrc(rc));
	void *bad = (char *)old + sizeof(*old);
	rc = syscall(__NR_sigaltstack, bad, NULL);
	snprintf(line, sizeof(line), "sigaltstack(%p, NULL)", bad);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
