/* Group-stop and SIGCONT: "--- SIGSTOP ---", "--- stopped by SIGSTOP ---", then SIGCONT. */
/* TRACE: -f -e trace=chdir -e signal=SIGSTOP,SIGCONT */
#include "tests.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
	pid_t parent = getpid();
	int pfd[2];
	if (pipe(pfd))
		fail("pipe");
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		pid_t me = getpid();
		printf("%s--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_TKILL, si_pid=%d, si_uid=%u} ---\n",
		       pidpfx(me), me, getuid());
		printf("%s--- stopped by SIGSTOP ---\n", pidpfx(me));
		printf("%s--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=%d, si_uid=%u} ---\n",
		       pidpfx(me), parent, getuid());
		fflush(stdout);
		raise(SIGSTOP);
		long rc = chdir("/nonexistent/continued");
		print_line(pidpfx(me), "chdir(\"/nonexistent/continued\")", sprintrc(rc));
		printf("%s+++ exited with 0 +++\n", pidpfx(me));
		fflush(stdout);
		_exit(0);
	}
	int status;
	if (waitpid(child, &status, WUNTRACED) != child || !WIFSTOPPED(status))
		fail("child did not stop: %#x", status);
	kill(child, SIGCONT);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status))
		fail("child status %#x", status);
	printf("%s+++ exited with 0 +++\n", pidpfx(parent));
	return 0;
}
