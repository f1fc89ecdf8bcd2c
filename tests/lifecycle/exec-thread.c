/* -f across an execve by a non-leader thread: the leader's blocked call never returns, the
 * leader is "superseded", and the exec'd program carries on under the leader's pid. */
/* TRACE: -f -e trace=pause,getppid,exit_group -e signal=none */
#include "tests.h"
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static pid_t leader;
static const char *self;

/* Waits until the leader is blocked in pause(), then execs. */
static void *exec_thread(void *arg)
{
	(void)arg;
	char path[64], buf[64];
	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", leader);
	for (;;) {
		FILE *f = fopen(path, "r");
		bool paused = false;
		if (f) {
			char nr[16];
			snprintf(nr, sizeof(nr), "%d ", __NR_pause);
			paused = fgets(buf, sizeof(buf), f) && strncmp(buf, nr, strlen(nr)) == 0;
			fclose(f);
		}
		if (paused)
			break;
		usleep(1000);
	}
	char tid[16];
	snprintf(tid, sizeof(tid), "%ld", syscall(__NR_gettid));
	execl(self, self, "exec'd", tid, (char *)NULL);
	fail("exec");
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 2) {
		/* the exec'd program, under the leader's pid */
		int pid = getpid();
		print_line(pidpfx(pid), "pause()", "?");
		printf("%s+++ superseded by execve in pid %s +++\n", pidpfx(pid), argv[2]);
		char ret[32];
		snprintf(ret, sizeof(ret), "%ld", syscall(__NR_getppid));
		/* strace 6.1 splits the first call after the takeover */
		printf("%sgetppid( <unfinished ...>\n", pidpfx(pid));
		print_line(pidpfx(pid), "<... getppid resumed>)", ret);
		print_line(pidpfx(pid), "exit_group(7)", "?");
		printf("%s+++ exited with 7 +++\n", pidpfx(pid));
		fflush(stdout);
		syscall(__NR_exit_group, 7);
	}
	self = argv[0];
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		leader = getpid();
		pthread_t th;
		if (pthread_create(&th, NULL, exec_thread, NULL))
			fail("pthread_create");
		for (;;)
			syscall(__NR_pause);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || WEXITSTATUS(status) != 7)
		fail("child status %#x", status);
	print_line(pidpfx(getpid()), "exit_group(0)", "?");
	printf("%s+++ exited with 0 +++\n", pidpfx(getpid()));
	fflush(stdout);
	syscall(__NR_exit_group, 0);
	return 1;
}
