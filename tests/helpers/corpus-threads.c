/* A multi-threaded program for the trace corpus.
 * usage: corpus-threads NTHREADS FILE
 * Main opens FILE once per thread (the fd numbers of the threads must not depend on who runs
 * first); the threads run at once, each reads its fd, writes what it read to stdout, closes
 * it and returns; main joins them. Each thread's own syscalls do not depend on scheduling; only whether
 * pthread_join has to wait in futex() does, so the corpus traces it with -e trace=!futex. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *worker(void *arg)
{
	int fd = *(int *)arg;
	char buf[256];
	ssize_t n = pread(fd, buf, sizeof(buf), 0);

	if (n > 0 && write(STDOUT_FILENO, buf, (size_t)n) != n)
		n = -1;
	close(fd);
	return n > 0 ? NULL : (void *)1;
}

int main(int argc, char **argv)
{
	pthread_t t[8];
	int fds[8];
	int n = argc > 2 ? atoi(argv[1]) : 0, failed = 0;

	if (n < 1 || n > 8) {
		fprintf(stderr, "usage: corpus-threads NTHREADS(1-8) FILE\n");
		return 2;
	}
	for (int i = 0; i < n; i++)
		if ((fds[i] = open(argv[2], O_RDONLY | O_CLOEXEC)) < 0)
			return 1;
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, worker, &fds[i]) != 0)
			return 1;
	for (int i = 0; i < n; i++) {
		void *r;

		if (pthread_join(t[i], &r) != 0 || r)
			failed = 1;
	}
	return failed;
}
