/* open/read/close of one small file, N times. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	char buf[64];

	for (long i = 0; i < n; i++) {
		int fd = open("/etc/hostname", O_RDONLY);
		if (fd < 0)
			return 1;
		if (read(fd, buf, sizeof(buf)) < 0)
			return 1;
		close(fd);
	}
	return 0;
}
