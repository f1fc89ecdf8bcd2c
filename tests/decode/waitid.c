/* waitid: idtype, id, siginfo at exit, options, rusage. */
/* TRACE: -e trace=waitid -e signal=none */
#include "tests.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

/* clock ticks as strace prints them: 12 / * 0.12 s * / */
static const char *clk(long v)
{
	static char buf[2][128];
	static int i;
	long tck = sysconf(_SC_CLK_TCK);
	i ^= 1;
	if (v > 0)
		snprintf(buf[i], sizeof(buf[i]), "%ld /* %ld.%02ld s */", v, v / tck, v % tck * 100 / tck);
	else
		snprintf(buf[i], sizeof(buf[i]), "%ld", v);
	return buf[i];
}

int main(void)
{
	char line[512];
	siginfo_t *si = tail_alloc(sizeof(*si));
	struct rusage *ru = tail_alloc(sizeof(*ru));

	pid_t pid = fork();
	if (pid == 0) {
		/* burn some CPU time so that si_utime is not 0 */
		struct timespec t0, t1;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
		do
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
		while ((t1.tv_sec - t0.tv_sec) * 1000000000L + t1.tv_nsec - t0.tv_nsec < 50000000L);
		_exit(3);
	}
	long rc = syscall(__NR_waitid, P_PID, pid, si, WEXITED, ru);
	snprintf(line, sizeof(line),
		 "waitid(P_PID, %d, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=%d, si_uid=%u, "
		 "si_status=3, si_utime=%s, si_stime=%s}, WEXITED, {ru_utime={tv_sec=%ld, "
		 "tv_usec=%ld}, ru_stime={tv_sec=%ld, tv_usec=%ld}, ...})",
		 pid, pid, getuid(), clk((long)si->si_utime), clk((long)si->si_stime),
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
