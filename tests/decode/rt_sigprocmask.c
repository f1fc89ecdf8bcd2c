/* rt_sigprocmask, rt_sigpending: how, the new set at entry, the old one at exit. */
/* TRACE: -e trace=rt_sigprocmask,rt_sigpending */
#include "tests.h"
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>

int main(void)
{
	char line[512];
	uint64_t *set = tail_alloc(8), *old = tail_alloc(8);

	*set = 1ULL << (SIGUSR1 - 1) | 1ULL << (SIGINT - 1);
	long rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, set, old, 8);
	print_line("", "rt_sigprocmask(SIG_BLOCK, [INT USR1], [], 8)", sprintrc(rc));
	rc = syscall(__NR_rt_sigprocmask, SIG_SETMASK, NULL, old, 8);
	print_line("", "rt_sigprocmask(SIG_SETMASK, NULL, [INT USR1], 8)", sprintrc(rc));
	*set = 1ULL << 31 | 1ULL << 39; /* 32 and 40 */
	rc = syscall(__NR_rt_sigprocmask, SIG_UNBLOCK, set, NULL, 8);
	print_line("", "rt_sigprocmask(SIG_UNBLOCK, [RTMIN RT_8], NULL, 8)", sprintrc(rc));

	raise(SIGUSR1);
	rc = syscall(__NR_rt_sigpending, old, 8);
	print_line("", "rt_sigpending([USR1], 8)", sprintrc(rc));
	rc = syscall(__NR_rt_sigpending, old, 4);
	print_line("", "rt_sigpending([USR1], 4)", sprintrc(rc));
	rc = syscall(__NR_rt_sigpending, old, 16);
	snprintf(line, sizeof(line), "rt_sigpending(%p, 16)", (void *)old);
	print_line("", line, sprintrc(rc));

	/* failures */
	rc = syscall(__NR_rt_sigprocmask, 7, set, old, 8);
	snprintf(line, sizeof(line), "rt_sigprocmask(0x7 /* SIG_??? */, [RTMIN RT_8], %p, 8)", (void *)old);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, set, old, 4);
	snprintf(line, sizeof(line), "rt_sigprocmask(SIG_BLOCK, %p, %p, 4)", (void *)set, (void *)old);
	print_line("", line, sprintrc(rc));
	void *bad = (char *)set + 8;
	rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, bad, NULL, 8);
	snprintf(line, sizeof(line), "rt_sigprocmask(SIG_BLOCK, %p, NULL, 8)", bad);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
