/* exit: the call does not return. */
/* TRACE: -e trace=exit */
#include "tests.h"
#include <sys/syscall.h>

int main(void)
{
	print_line("", "exit(5)", "?");
	printf("+++ exited with 5 +++\n");
	fflush(stdout);
	syscall(__NR_exit, 5);
	return 1;
}
