/* A multi-threaded process that keeps making syscalls until killed: for attach/detach tests.
 * usage: busy-threads NTHREADS
 * Each thread loops on getppid() and a short nanosleep; SIGUSR1 is counted, so a stray
 * signal left by a tracer would be visible; prints "ready" when all threads run. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void *spin(void *arg)
{
	struct timespec ts = {0, 1000000};

	(void)arg;
	for (;;) {
		syscall(SYS_getppid);
		nanosleep(&ts, NULL);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 4;

	for (int i = 1; i < n; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, spin, NULL))
			return 1;
	}
	printf("ready\n");
	fflush(stdout);
	spin(NULL);
	return 0;
}
