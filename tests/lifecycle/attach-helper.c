/* A multi-threaded process to attach to: three threads call close(-1) in a loop, slowly.
 * Prints "ready" when all run. */
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void *spin(void *arg)
{
	struct timespec ts = {0, 20 * 1000 * 1000};

	(void)arg;
	for (;;) {
		syscall(__NR_close, -1);
		nanosleep(&ts, NULL);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	for (int i = 0; i < 2; i++)
		if (pthread_create(&t, NULL, spin, NULL))
			return 1;
	printf("ready\n");
	fflush(stdout);
	spin(NULL);
	return 0;
}
