/* rt_sigsuspend, rt_sigreturn and pause: a handled signal interrupts them; rt_sigreturn shows
 * the mask restored from the signal frame. */
/* TRACE: -e trace=rt_sigsuspend,rt_sigreturn,pause,kill */
#include "tests.h"
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	char line[512];
	uint64_t *set = tail_alloc(8);
	pid_t me = getpid();
	uid_t uid = getuid();

	signal(SIGUSR1, handler);
	signal(SIGALRM, handler);
	*set = 1ULL << (SIGUSR1 - 1) | 1ULL << (SIGUSR2 - 1);
	syscall(__NR_rt_sigprocmask, SIG_BLOCK, set, NULL, 8);
	long rc = syscall(__NR_kill, me, SIGUSR1); /* pending until rt_sigsuspend */
	snprintf(line, sizeof(line), "kill(%d, SIGUSR1)", me);
	print_line("", line, sprintrc(rc));

	*set = 1ULL << (SIGUSR2 - 1);
	printf("rt_sigsuspend([USR2], 8)                = ? ERESTARTNOHAND (To be restarted if no handler)\n");
	printf("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, si_uid=%u} ---\n", me, uid);
	/* the mask before rt_sigsuspend comes back */
	print_line("", "rt_sigreturn({mask=[USR1 USR2]})", "-1 EINTR (Interrupted system call)");
	fflush(stdout);
	rc = syscall(__NR_rt_sigsuspend, set, 8);

	rc = syscall(__NR_rt_sigsuspend, set, 4);
	snprintf(line, sizeof(line), "rt_sigsuspend(%p, 4)", (void *)set);
	print_line("", line, sprintrc(rc));

	struct itimerval it = {.it_value = {.tv_usec = 10000}};
	printf("pause()                                 = ? ERESTARTNOHAND (To be restarted if no handler)\n");
	printf("--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n");
	print_line("", "rt_sigreturn({mask=[USR1 USR2]})", "-1 EINTR (Interrupted system call)");
	fflush(stdout);
	setitimer(ITIMER_REAL, &it, NULL);
	syscall(__NR_pause);
	printf("+++ exited with 0 +++\n");
	return 0;
}
