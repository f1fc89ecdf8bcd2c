/* kill, tkill, tgkill: pids and signal names. */
/* TRACE: -e trace=kill,tkill,tgkill -e signal=none */
#include "tests.h"
#include <signal.h>
#include <sys/syscall.h>

int main(void)
{
	char line[256];
	pid_t me = getpid();

	long rc = syscall(__NR_kill, me, 0);
	snprintf(line, sizeof(line), "kill(%d, 0)", me);
	print_line("", line, sprintrc(rc));
	signal(SIGUSR1, SIG_IGN);
	rc = syscall(__NR_kill, me, SIGUSR1);
	snprintf(line, sizeof(line), "kill(%d, SIGUSR1)", me);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_kill, 0x7fffffff, SIGTERM);
	print_line("", "kill(2147483647, SIGTERM)", sprintrc(rc));
	rc = syscall(__NR_kill, me, 100);
	snprintf(line, sizeof(line), "kill(%d, 100)", me);
	print_line("", line, sprintrc(rc));
	signal(SIGRTMIN + 1, SIG_IGN);
	rc = syscall(__NR_tkill, me, SIGRTMIN + 1);
	snprintf(line, sizeof(line), "tkill(%d, SIGRT_%d)", me, SIGRTMIN + 1 - 32);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_tgkill, me, me, 0);
	snprintf(line, sizeof(line), "tgkill(%d, %d, 0)", me, me);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_tgkill, -1, 0x7fffffff, SIGKILL);
	print_line("", "tgkill(-1, 2147483647, SIGKILL)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
