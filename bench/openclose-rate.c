/* The loop of bench-leaks.sh: open/read/close of one small file for a number of seconds, then
 * "OPS iterations/s" on stdout. With --sync it writes "ready" and waits for a byte on stdin
 * first, so a tracer can attach (-p) before the timed part starts. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int sync = argc > 1 && strcmp(argv[1], "--sync") == 0;
	double seconds = argc > 1 + sync ? atof(argv[1 + sync]) : 3;
	char buf[64], c;
	long n = 0;

	if (sync) {
		printf("ready\n");
		fflush(stdout);
		if (read(0, &c, 1) != 1)
			return 1;
	}
	double t0 = now(), t = t0;
	while (t - t0 < seconds) {
		for (int i = 0; i < 16; i++, n++) {
			int fd = open("/etc/hostname", O_RDONLY);
			if (fd < 0 || read(fd, buf, sizeof(buf)) < 0)
				return 1;
			close(fd);
		}
		t = now();
	}
	printf("%.0f\n", (double)n / (t - t0));
	return 0;
}
