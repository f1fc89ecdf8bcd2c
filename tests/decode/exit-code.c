/* A process's exit status: "+++ exited with N +++". */
/* TRACE: -e trace=exit_group */
#include "tests.h"
#include <sys/syscall.h>

int main(void)
{
	print_line("", "exit_group(42)", "?");
	printf("+++ exited with 42 +++\n");
	fflush(stdout);
	syscall(__NR_exit_group, 42);
	return 1;
}
