/* -f with vfork: the child runs first, its syscalls and exit come before the parent's. */
/* TRACE: -f -e trace=chdir -e signal=none */
#include "tests.h"
#include <sys/wait.h>

int main(void)
{
	pid_t parent = getpid();
	char line[256];
	fflush(stdout);
	pid_t child = vfork();
	if (child == 0) {
		/* only async-signal-safe calls in a vfork child: build the line by hand */
		long rc = chdir("/nonexistent/vfork-child");
		(void)rc;
		_exit(5);
	}
	int status;
	if (waitpid(child, &status, 0) != child || WEXITSTATUS(status) != 5)
		fail("vfork child status %#x", status);
	errno = ENOENT;
	snprintf(line, sizeof(line), "%s", sprintrc(-1));
	print_line(pidpfx(child), "chdir(\"/nonexistent/vfork-child\")", line);
	printf("%s+++ exited with 5 +++\n", pidpfx(child));
	long rc = chdir("/nonexistent/parent");
	print_line(pidpfx(parent), "chdir(\"/nonexistent/parent\")", sprintrc(rc));
	printf("%s+++ exited with 0 +++\n", pidpfx(parent));
	return 0;
}
