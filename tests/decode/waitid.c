/* waitid: idtype, id, siginfo at exit, options, rusage. */
/* TRACE: -e trace=waitid -e signal=none */
#include "tests.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	char line[512];
	siginfo_t *si = tail_alloc(sizeof(*si));
	struct rusage *ru = tail_alloc(sizeof(*ru));

	pid_t pid = fork();
	if (pid == 0)
		_exit(3);
	long rc = syscall(__NR_waitid, P_PID, pid, si, WEXITED, ru);
	snprintf(line, sizeof(line),
		 "waitid(P_PID, %d, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=%d, si_uid=%u, "
		 "si_status=3, si_utime=%ld, si_stime=%ld}, WEXITED, {ru_utime={tv_sec=%ld, "
		 "tv_usec=%ld}, ru_stime={tv_sec=%ld, tv_usec=%ld}, ...})",
		 pid, pid, getuid(), (long)si->si_utime, (long)si->si_stime,
		 (long)ru->ru_utime.tv_sec, (long)ru->ru_utime.tv_usec, (long)ru->ru_stime.tv_sec,
		 (long)ru->ru_stime.tv_usec);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_waitid, P_ALL, 0, si, WEXITED | WNOHANG, NULL);
	snprintf(line, sizeof(line), "waitid(P_ALL, 0, %p, WNOHANG|WEXITED, NULL)", (void *)si);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_waitid, 7, -1, NULL, 0, NULL);
	print_line("", "waitid(0x7 /* P_??? */, -1, NULL, 0, NULL)", sprintrc(rc));
	rc = syscall(__NR_waitid, P_PIDFD, 0x7fffffff, NULL, WEXITED, NULL);
	print_line("", "waitid(P_PIDFD, 2147483647, NULL, WEXITED, NULL)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
