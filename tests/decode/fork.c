/* fork, vfork: no arguments, the child's pid. */
/* TRACE: -e trace=fork,vfork -e signal=none */
#include "tests.h"
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	char ret[32];
	long rc = syscall(__NR_fork);
	if (rc == 0)
		syscall(__NR_exit_group, 0);
	waitpid((pid_t)rc, NULL, 0);
	snprintf(ret, sizeof(ret), "%ld", rc);
	print_line("", "fork()", ret);
	printf("+++ exited with 0 +++\n");
	return 0;
}
