/* -f with threads: a thread's syscalls and exit carry its tid; the process's exit follows. */
/* TRACE: -f -e trace=chdir -e signal=none */
#include "tests.h"
#include <pthread.h>
#include <sys/syscall.h>

static void *thread_main(void *arg)
{
	(void)arg;
	int tid = (int)syscall(SYS_gettid);
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
	/* the thread's exit is reported once it is reaped; wait for it to be gone */
	long rc = chdir("/nonexistent/main");
	print_line(pidpfx(getpid()), "chdir(\"/nonexistent/main\")", sprintrc(rc));
	printf("%s+++ exited with 0 +++\n", pidpfx(getpid()));
	return 0;
}
