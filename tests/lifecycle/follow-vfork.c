/* -f with vfork and clone: children are followed, exit codes shown. */
/* TRACE: -f -e trace=getppid,exit_group -e signal=none */
#include "tests.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static void getppid_line(void)
{
	char ret[32];

	snprintf(ret, sizeof(ret), "%ld", syscall(__NR_getppid));
	print_line(pidpfx(getpid()), "getppid()", ret);
}

static void child(int code)
{
	char call[64];

	getppid_line();
	snprintf(call, sizeof(call), "exit_group(%d)", code);
	print_line(pidpfx(getpid()), call, "?");
	printf("%s+++ exited with %d +++\n", pidpfx(getpid()), code);
	fflush(stdout);
	syscall(__NR_exit_group, code);
}

int main(void)
{
	int status;

	fflush(stdout);
	pid_t pid = vfork();
	if (pid == 0)
		child(5);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || WEXITSTATUS(status) != 5)
		fail("vfork child");
	pid = (pid_t)syscall(__NR_clone, SIGCHLD, 0, 0, 0, 0);
	if (pid == 0)
		child(6);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || WEXITSTATUS(status) != 6)
		fail("clone child");
	getppid_line();
	print_line(pidpfx(getpid()), "exit_group(0)", "?");
	printf("%s+++ exited with 0 +++\n", pidpfx(getpid()));
	fflush(stdout);
	syscall(__NR_exit_group, 0);
	return 1;
}
