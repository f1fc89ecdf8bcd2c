/* -f: a child's syscalls and exit, prefixed with its pid (-o FILE: "%-5d "). */
/* TRACE: -f -e trace=chdir -e signal=none */
#include "tests.h"
#include <sys/wait.h>

int main(void)
{
	pid_t parent = getpid();
	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		fail("fork");
	if (child == 0) {
		long rc = chdir("/nonexistent/child");
		print_line(pidpfx(getpid()), "chdir(\"/nonexistent/child\")", sprintrc(rc));
		printf("%s+++ exited with 7 +++\n", pidpfx(getpid()));
		fflush(stdout);
		_exit(7);
	}
	int status;
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 7)
		fail("child status %#x", status);
	long rc = chdir("/nonexistent/parent");
	print_line(pidpfx(parent), "chdir(\"/nonexistent/parent\")", sprintrc(rc));
	printf("%s+++ exited with 0 +++\n", pidpfx(parent));
	return 0;
}
