/* restart_syscall when the interrupted call was not traced: "system call", as strace says
 * when it did not show the previous syscall. */
/* TRACE: -e trace=restart_syscall -e signal=none */
#include "tests.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
	pid_t parent = getpid();
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
	print_line("", "restart_syscall(<... resuming interrupted system call ...>)", "0");
	fflush(stdout);
	long rc = syscall(__NR_nanosleep, &ts, NULL);
	if (rc != 0)
		fail("nanosleep: %ld", rc);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	printf("+++ exited with 0 +++\n");
	return 0;
}
