/* wait4: status as WIFEXITED/WIFSIGNALED expressions, options, rusage. */
/* TRACE: -e trace=wait4 -e signal=none */
#include "tests.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static const char *rusage_str(const struct rusage *ru)
{
	static char buf[256];
	snprintf(buf, sizeof(buf),
		 "{ru_utime={tv_sec=%ld, tv_usec=%ld}, ru_stime={tv_sec=%ld, tv_usec=%ld}, ...}",
		 (long)ru->ru_utime.tv_sec, (long)ru->ru_utime.tv_usec, (long)ru->ru_stime.tv_sec,
		 (long)ru->ru_stime.tv_usec);
	return buf;
}

int main(void)
{
	char line[512];
	int *st = tail_alloc(sizeof(int));
	struct rusage *ru = tail_alloc(sizeof(*ru));

	pid_t pid = fork();
	if (pid == 0)
		_exit(3);
	long rc = syscall(__NR_wait4, pid, st, 0, ru);
	snprintf(line, sizeof(line), "wait4(%d, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, %s)", pid,
		 rusage_str(ru));
	print_line("", line, sprintrc(rc));

	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGKILL);
	rc = syscall(__NR_wait4, pid, st, __WALL, NULL);
	snprintf(line, sizeof(line), "wait4(%d, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], __WALL, NULL)",
		 pid);
	print_line("", line, sprintrc(rc));

	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGSTOP);
	rc = syscall(__NR_wait4, pid, st, WSTOPPED, NULL);
	snprintf(line, sizeof(line), "wait4(%d, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL)",
		 pid);
	print_line("", line, sprintrc(rc));
	kill(pid, SIGKILL);
	rc = syscall(__NR_wait4, pid, NULL, 0, NULL);
	snprintf(line, sizeof(line), "wait4(%d, NULL, 0, NULL)", pid);
	print_line("", line, sprintrc(rc));

	/* nothing to wait for; unknown option bits */
	rc = syscall(__NR_wait4, -1, st, WNOHANG, ru);
	snprintf(line, sizeof(line), "wait4(-1, %p, WNOHANG, %p)", (void *)st, (void *)ru);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_wait4, -1, NULL, 0x10000000, NULL);
	print_line("", "wait4(-1, NULL, 0x10000000 /* W??? */, NULL)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
