/* -f across execve: the child's calls after exec are traced under the same pid. */
/* TRACE: -f -e trace=getppid,exit_group -e signal=none */
#include "tests.h"
#include <sys/syscall.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	if (argc > 1) {
		/* the exec'd child */
		char ret[32];
		snprintf(ret, sizeof(ret), "%ld", syscall(__NR_getppid));
		print_line(pidpfx(getpid()), "getppid()", ret);
		print_line(pidpfx(getpid()), "exit_group(9)", "?");
		printf("%s+++ exited with 9 +++\n", pidpfx(getpid()));
		fflush(stdout);
		syscall(__NR_exit_group, 9);
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", argv[0], "child", (char *)NULL);
		fail("exec");
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || WEXITSTATUS(status) != 9)
		fail("child status %#x", status);
	char ret[32];
	snprintf(ret, sizeof(ret), "%ld", syscall(__NR_getppid));
	print_line(pidpfx(getpid()), "getppid()", ret);
	print_line(pidpfx(getpid()), "exit_group(0)", "?");
	printf("%s+++ exited with 0 +++\n", pidpfx(getpid()));
	fflush(stdout);
	syscall(__NR_exit_group, 0);
	return 1;
}
