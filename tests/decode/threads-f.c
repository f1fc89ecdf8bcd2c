/* -f with threads: a thread's syscalls and exit carry its tid; the process's exit follows. */
/* TRACE: -f -e trace=chdir -e signal=none */
#include "tests.h"
#include <pthread.h>
#include <sys/syscall.h>

static int thread_tid;

static void *thread_main(void *arg)
{
	(void)arg;
	int tid = (int)syscall(SYS_gettid);
	thread_tid = tid;
	long rc = chdir("/nonexistent/thread");
	print_line(pidpfx(tid), "chdir(\"/nonexistent/thread\")", sprintrc(rc));
	printf("%s+++ exited with 0 +++\n", pidpfx(tid));
	fflush(stdout);
	return NULL;
}

int main(void)
{
	pthread_t th;
	fflush(stdout);
	if (pthread_create(&th, NULL, thread_main, NULL))
		fail("pthread_create");
	pthread_join(th, NULL);
	/* The join returns before the tracer has seen the thread exit. Its /proc entry goes
	 * only once the tracer has reaped it, and the tracer prints the exit before it can see
	 * our next syscall. */
	char task[64];
	snprintf(task, sizeof(task), "/proc/self/task/%d", thread_tid);
	while (access(task, F_OK) == 0)
		usleep(1000);
	long rc = chdir("/nonexistent/main");
	print_line(pidpfx(getpid()), "chdir(\"/nonexistent/main\")", sprintrc(rc));
	printf("%s+++ exited with 0 +++\n", pidpfx(getpid()));
	return 0;
}
