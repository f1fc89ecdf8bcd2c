/* rt_sigaction: the new action at entry, the old one at exit, sigsetsize. */
/* TRACE: -e trace=rt_sigaction */
#include "tests.h"
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>

struct k_sigaction {
	uintptr_t handler;
	unsigned long flags;
	uintptr_t restorer;
	uint64_t mask;
};

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	char line[512];
	/* strace reads 88 bytes for a struct sigaction (see src/decode/signal.c) */
	struct k_sigaction *sa = tail_alloc(88);
	struct k_sigaction *old = tail_alloc(88);
	struct k_sigaction *short_sa = tail_alloc(sizeof(*short_sa));

	memset(sa, 0, sizeof(*sa));
	sa->handler = (uintptr_t)handler;
	sa->flags = 0x04000000 | SA_RESTART;
	sa->restorer = 0x1234;
	sa->mask = 1ULL << (SIGCHLD - 1) | 1ULL << (SIGTTOU - 1);
	long rc = syscall(__NR_rt_sigaction, SIGUSR1, sa, old, 8);
	snprintf(line, sizeof(line),
		 "rt_sigaction(SIGUSR1, {sa_handler=%p, sa_mask=[CHLD TTOU], sa_flags=SA_RESTORER|SA_RESTART, "
		 "sa_restorer=0x1234}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8)",
		 (void *)handler);
	print_line("", line, sprintrc(rc));

	sa->handler = (uintptr_t)SIG_IGN;
	sa->flags = SA_SIGINFO | SA_NODEFER | SA_RESETHAND;
	sa->mask = ~0ULL & ~(1ULL << (SIGKILL - 1));
	rc = syscall(__NR_rt_sigaction, SIGUSR1, sa, old, 8);
	snprintf(line, sizeof(line),
		 "rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=~[KILL], "
		 "sa_flags=SA_NODEFER|SA_RESETHAND|SA_SIGINFO}, {sa_handler=%p, sa_mask=[CHLD TTOU], "
		 "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x1234}, 8)",
		 (void *)handler);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_rt_sigaction, SIGUSR2, NULL, old, 8);
	print_line("", "rt_sigaction(SIGUSR2, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8)",
		   sprintrc(rc));

	/* failures: the old action prints as an address */
	rc = syscall(__NR_rt_sigaction, SIGKILL, sa, old, 8);
	snprintf(line, sizeof(line),
		 "rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=~[KILL], "
		 "sa_flags=SA_NODEFER|SA_RESETHAND|SA_SIGINFO}, %p, 8)",
		 (void *)old);
	print_line("", line, sprintrc(rc));
	*short_sa = *sa;
	rc = syscall(__NR_rt_sigaction, SIGUSR2, short_sa, NULL, 8);
	snprintf(line, sizeof(line), "rt_sigaction(SIGUSR2, %p, NULL, 8)", (void *)short_sa);
	print_line("", line, sprintrc(rc));
	void *bad = (char *)old + 88;
	rc = syscall(__NR_rt_sigaction, SIGUSR2, bad, NULL, 7);
	snprintf(line, sizeof(line), "rt_sigaction(SIGUSR2, %p, NULL, 7)", bad);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
