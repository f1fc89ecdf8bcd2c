/* A multi-threaded program for the trace corpus whose trace does not depend on scheduling.
 * usage: corpus-threads NTHREADS FILE
 * Each thread reads FILE, writes what it read to stdout, reports on a pipe and then waits in
 * pause(); main collects one byte per thread in order and exits, taking the threads with it.
 * Nothing joins, so no futex wait shows up or not depending on who ran first. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *path;
static int done[2];

static void *worker(void *arg)
{
	char buf[256];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf));

	if (n > 0 && write(STDOUT_FILENO, buf, (size_t)n) < 0)
		n = -1;
	if (fd >= 0)
		close(fd);
	if (write(done[1], n > 0 ? arg : "!", 1) != 1)
		return NULL;
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	static char ids[] = "abcdefgh";
	int n = argc > 2 ? atoi(argv[1]) : 0;

	if (n < 1 || n > 8) {
		fprintf(stderr, "usage: corpus-threads NTHREADS(1-8) FILE\n");
		return 2;
	}
	path = argv[2];
	if (pipe2(done, O_CLOEXEC) < 0)
		return 1;
	for (int i = 0; i < n; i++) {
		pthread_t t;
		char c;

		if (pthread_create(&t, NULL, worker, &ids[i]) != 0)
			return 1;
		/* one thread at a time: the trace of main stays the same on every run */
		if (read(done[0], &c, 1) != 1 || c == '!')
			return 1;
	}
	return 0;
}
