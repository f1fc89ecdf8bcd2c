/* Drives examples/upload-server: uploads of a few KiB at a steady rate; every fifth one
 * announces more bytes than it sends (a client that gives up), which hits the server's leaky
 * error path.
 *
 * usage: upload-client PORT SECONDS [UPLOADS_PER_SECOND] */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int upload(uint16_t port, size_t announced, size_t sent)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons(port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	char buf[8192], reply[8];
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	memset(buf, 'u', sizeof(buf));
	dprintf(fd, "PUT %zu\n", announced);
	if (write(fd, buf, sent) < 0)
		sent = 0;
	shutdown(fd, SHUT_WR);
	ssize_t r = read(fd, reply, sizeof(reply) - 1);
	close(fd);
	return r > 0 && strncmp(reply, "OK", 2) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: upload-client PORT SECONDS [UPLOADS_PER_SECOND]\n");
		return 2;
	}
	uint16_t port = (uint16_t)atoi(argv[1]);
	double seconds = atof(argv[2]), rate = argc > 3 ? atof(argv[3]) : 50;
	struct timespec gap = {0, (long)(1e9 / rate)};
	unsigned ok = 0, failed = 0, down = 0;

	for (long i = 0; i < (long)(seconds * rate); i++) {
		int r = i % 5 == 4 ? upload(port, 4096, 1000) : upload(port, 4096, 4096);
		if (r < 0)
			down++;
		else if (r == 0)
			ok++;
		else
			failed++;
		nanosleep(&gap, NULL);
	}
	printf("client: %u uploads stored, %u refused (short), %u connections failed\n", ok, failed,
	       down);
	return 0;
}
