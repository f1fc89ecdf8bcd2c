/* SIGCHLD's si_utime and si_stime are clock ticks, printed with their value in seconds. */
/* TRACE: -e trace=none -e signal=SIGCHLD */
#include "tests.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static siginfo_t got;
static volatile int done;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got = *si;
	done = 1;
}

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
	struct sigaction sa = {.sa_sigaction = handler, .sa_flags = SA_SIGINFO};
	sigaction(SIGCHLD, &sa, NULL);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
		do
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
		while ((t1.tv_sec - t0.tv_sec) * 1000000000L + t1.tv_nsec - t0.tv_nsec < 60000000L);
		_exit(0);
	}
	while (!done)
		pause();
	waitpid(pid, NULL, 0);
	printf("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=%d, si_uid=%u, si_status=0, "
	       "si_utime=%s, si_stime=%s} ---\n",
	       pid, got.si_uid, clk((long)got.si_utime), clk((long)got.si_stime));
	printf("+++ exited with 0 +++\n");
	return 0;
}
