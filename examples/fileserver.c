/* The demo program: a tiny "server" that forks a worker per request, and each worker opens
 * a log file, reads a config file that does not exist, writes a reply and exits. One worker
 * forgets to close its log. Traced by `make demo`. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void worker(int n)
{
	char path[64], msg[64];

	snprintf(path, sizeof(path), "/tmp/scry-demo-%d.log", n);
	int log = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	int cfg = open("/etc/scry-demo.conf", O_RDONLY);
	if (cfg >= 0)
		close(cfg);
	int len = snprintf(msg, sizeof(msg), "request %d handled\n", n);
	write(log, msg, (size_t)len);
	if (n != 2)
		close(log);
	unlink(path);
	_exit(0);
}

int main(void)
{
	for (int n = 1; n <= 3; n++) {
		pid_t pid = fork();
		if (pid == 0)
			worker(n);
		waitpid(pid, NULL, 0);
	}
	printf("3 requests served\n");
	return 0;
}
