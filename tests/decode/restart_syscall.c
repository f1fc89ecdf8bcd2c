/* restart_syscall: a sleep stopped and continued resumes through restart_syscall, which
 * names the interrupted call. */
/* TRACE: -e trace=nanosleep,restart_syscall -e signal=SIGSTOP,SIGCONT */
#include "tests.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
	pid_t parent = getpid();
	uid_t uid = getuid();
	struct timespec ts = {.tv_sec = 0, .tv_nsec = 400000000};

	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		fail("fork");
	if (child == 0) {
		struct timespec d = {.tv_sec = 0, .tv_nsec = 100000000};
		nanosleep(&d, NULL);
		kill(parent, SIGSTOP);
		nanosleep(&d, NULL);
		kill(parent, SIGCONT);
		pause(); /* exiting now would interrupt the sleep again with SIGCHLD */
		_exit(0);
	}
	printf("nanosleep({tv_sec=0, tv_nsec=400000000}, NULL) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n");
	printf("--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER, si_pid=%d, si_uid=%u} ---\n", child, uid);
	printf("--- stopped by SIGSTOP ---\n");
	printf("--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=%d, si_uid=%u} ---\n", child, uid);
	print_line("", "restart_syscall(<... resuming interrupted nanosleep ...>)", "0");
	fflush(stdout);
	long rc = syscall(__NR_nanosleep, &ts, NULL);
	if (rc != 0)
		fail("nanosleep: %ld", rc);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	printf("+++ exited with 0 +++\n");
	return 0;
}
