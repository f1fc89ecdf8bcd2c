/* The scry leaks demo: a small upload server on 127.0.0.1. Each connection sends
 * "PUT <size>\n" and then <size> bytes; the server stores them in /tmp/upload-XXXXXX, answers
 * "OK" and removes the file (its work is done). When the client sends fewer bytes than it
 * announced, store_upload() takes its error path, which forgets to close the file: one fd
 * leaks per short upload, and the server dies of EMFILE some minutes later.
 *
 * usage: upload-server [PORT]   (0 or none: any free port; "port N" is printed on stdout) */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

/* Reads the announced size from the header line; -1 on a malformed header. */
static long read_header(int conn)
{
	char line[64];
	size_t n = 0;

	while (n < sizeof(line) - 1 && read(conn, line + n, 1) == 1 && line[n] != '\n')
		n++;
	line[n] = '\0';
	if (strncmp(line, "PUT ", 4) != 0)
		return -1;
	return strtol(line + 4, NULL, 10);
}

/* Stores one upload. Returns 0, or -1 when the body was short. */
static int store_upload(int conn, long size)
{
	char path[] = "/tmp/upload-XXXXXX", buf[4096];
	int fd = mkstemp(path);

	if (fd < 0)
		return -1;
	for (long got = 0; got < size;) {
		ssize_t n =
		    read(conn, buf,
			 sizeof(buf) < (size_t)(size - got) ? sizeof(buf) : (size_t)(size - got));
		if (n <= 0) {
			unlink(path);
			return -1; /* BUG: fd is never closed on this path */
		}
		if (write(fd, buf, (size_t)n) != n) {
			close(fd);
			unlink(path);
			return -1;
		}
		got += n;
	}
	close(fd);
	unlink(path);
	return 0;
}

static void handle_client(int conn)
{
	long size = read_header(conn);
	const char *reply = size >= 0 && store_upload(conn, size) == 0 ? "OK\n" : "ERR\n";

	if (write(conn, reply, strlen(reply)) < 0)
		return;
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof(a);
	/* a modest limit, as many services run with, so the report can say when it is reached */
	struct rlimit rl = {1024, 1024};
	int one = 1;

	setrlimit(RLIMIT_NOFILE, &rl);
	a.sin_port = htons(argc > 1 ? (uint16_t)atoi(argv[1]) : 0);
	int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(lfd, 64) < 0 ||
	    getsockname(lfd, (struct sockaddr *)&a, &al) < 0) {
		perror("upload-server");
		return 1;
	}
	printf("port %u\n", ntohs(a.sin_port));
	fflush(stdout);
	for (;;) {
		int conn = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
		if (conn < 0) {
			if (errno == EINTR)
				continue;
			perror("upload-server: accept");
			return 1;
		}
		handle_client(conn);
		close(conn);
	}
}
