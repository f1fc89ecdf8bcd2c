/* A TCP server and client on 127.0.0.1 for the trace corpus.
 * usage: corpus-tcp ROUNDS
 * The server listens on an ephemeral port and forks the client; they exchange ROUNDS
 * request/reply pairs and the server reaps the client. SIGCHLD is blocked so its delivery
 * does not land at a different place in the trace on every run. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int client(const struct sockaddr_in *sa, int rounds)
{
	char buf[64];
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0 || connect(fd, (const struct sockaddr *)sa, sizeof(*sa)) < 0)
		return 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	for (int i = 0; i < rounds; i++) {
		int len = snprintf(buf, sizeof(buf), "request %d\n", i);

		if (send(fd, buf, (size_t)len, 0) != len || recv(fd, buf, sizeof(buf), MSG_WAITALL) <= 0)
			return 1;
	}
	shutdown(fd, SHUT_WR);
	if (recv(fd, buf, sizeof(buf), 0) != 0)
		return 1;
	close(fd);
	return 0;
}

static int serve(int lfd, int rounds)
{
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	char buf[64], reply[64];
	int fd = accept4(lfd, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);

	if (fd < 0)
		return 1;
	for (int i = 0; i < rounds; i++) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);

		if (n <= 0)
			return 1;
		memset(reply, 0, sizeof(reply));
		snprintf(reply, sizeof(reply), "reply to %.*s", (int)n, buf);
		if (sendto(fd, reply, sizeof(reply), 0, NULL, 0) != (ssize_t)sizeof(reply))
			return 1;
	}
	if (recv(fd, buf, sizeof(buf), 0) != 0)
		return 1;
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	int rounds = argc > 1 ? atoi(argv[1]) : 3;
	int one = 1, status, lfd;
	sigset_t chld;
	pid_t pid;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	if (lfd < 0 || setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lfd, 4) < 0 ||
	    getsockname(lfd, (struct sockaddr *)&sa, &len) < 0) {
		perror("corpus-tcp: listen");
		return 1;
	}
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		close(lfd);
		_exit(client(&sa, rounds));
	}
	if (serve(lfd, rounds) != 0 || waitpid(pid, &status, 0) != pid)
		return 1;
	close(lfd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
