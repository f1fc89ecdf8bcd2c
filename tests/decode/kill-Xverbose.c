/* -X verbose: signals, flags and enums of the process calls as "value / * NAME * /". */
/* TRACE: -X verbose -e trace=kill,prlimit64,clone,rt_sigprocmask -e signal=none */
#include "tests.h"
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	char line[512];
	pid_t me = getpid();
	uint64_t *r = tail_alloc(16);

	/* the dynamic loader's call, before main */
	long rc = syscall(__NR_prlimit64, 0, RLIMIT_STACK, NULL, r);
	/* build the limits the way strace writes them in verbose style */
	char cur[64], max[64];
	if (r[0] == UINT64_MAX)
		snprintf(cur, sizeof(cur), "%llu /* RLIM64_INFINITY */", (unsigned long long)r[0]);
	else if (r[0] > 1024 && r[0] % 1024 == 0)
		snprintf(cur, sizeof(cur), "%llu /* %llu*1024 */", (unsigned long long)r[0],
			 (unsigned long long)r[0] / 1024);
	else
		snprintf(cur, sizeof(cur), "%llu", (unsigned long long)r[0]);
	if (r[1] == UINT64_MAX)
		snprintf(max, sizeof(max), "%llu /* RLIM64_INFINITY */", (unsigned long long)r[1]);
	else if (r[1] > 1024 && r[1] % 1024 == 0)
		snprintf(max, sizeof(max), "%llu /* %llu*1024 */", (unsigned long long)r[1],
			 (unsigned long long)r[1] / 1024);
	else
		snprintf(max, sizeof(max), "%llu", (unsigned long long)r[1]);
	snprintf(line, sizeof(line), "prlimit64(0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=%s, rlim_max=%s})",
		 cur, max);
	print_line("", line, "0");
	print_line("", line, sprintrc(rc)); /* the same call again */

	rc = syscall(__NR_kill, me, 0);
	snprintf(line, sizeof(line), "kill(%d, 0)", me);
	print_line("", line, sprintrc(rc));
	signal(SIGURG, SIG_IGN);
	rc = syscall(__NR_kill, me, SIGURG);
	snprintf(line, sizeof(line), "kill(%d, 23 /* SIGURG */)", me);
	print_line("", line, sprintrc(rc));

	uint64_t *set = tail_alloc(8);
	*set = 1ULL << (SIGINT - 1);
	rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, set, NULL, 8);
	print_line("", "rt_sigprocmask(0 /* SIG_BLOCK */, [2 /* INT */], NULL, 8)", sprintrc(rc));

	rc = syscall(__NR_clone, 0x7000000000ULL | SIGCHLD, NULL, NULL, NULL, 0);
	if (rc == 0)
		syscall(__NR_exit_group, 0);
	waitpid((pid_t)rc, NULL, 0);
	print_line("", "clone(child_stack=NULL, flags=0x7000000000 /* CLONE_??? */|17 /* SIGCHLD */)",
		   sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
