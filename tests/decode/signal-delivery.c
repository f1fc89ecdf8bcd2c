/* Signals delivered to a handler, and ignored ones, as "--- SIG... {siginfo} ---". */
/* TRACE: -e trace=getppid */
#include "tests.h"
#include <signal.h>
#include <sys/syscall.h>

static volatile int got;

static void handler(int sig)
{
	got = sig;
}

int main(void)
{
	signal(SIGUSR1, handler);
	signal(SIGUSR2, SIG_IGN);
	pid_t me = getpid();
	uid_t uid = getuid();

	printf("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, si_uid=%u} ---\n", me,
	       uid);
	fflush(stdout);
	kill(me, SIGUSR1);
	if (got != SIGUSR1)
		fail("handler not called");
	printf("--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_USER, si_pid=%d, si_uid=%u} ---\n", me,
	       uid);
	fflush(stdout);
	kill(me, SIGUSR2);
	char ret[32];
	snprintf(ret, sizeof(ret), "%ld", (long)syscall(__NR_getppid));
	print_line("", "getppid()", ret);
	printf("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=%d, si_uid=%u} ---\n", me,
	       uid);
	fflush(stdout);
	syscall(__NR_tgkill, me, me, SIGUSR1);
	printf("+++ exited with 0 +++\n");
	return 0;
}
