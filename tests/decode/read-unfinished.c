/* A read that blocks while another process prints: strace 6.1 writes "read(3, " before
 * " <unfinished ...>" and the rest after "<... read resumed>". */
/* TRACE: -f -e trace=read -e signal=none */
/* FROM: read(-2, */
#include "desc-tests.h"
#include <poll.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
	int data[2], done[2];
	if (pipe(data) || pipe(done))
		fail("pipe");
	pid_t parent = getpid();
	long rc = syscall(__NR_read, -2, NULL, 0);
	printf("%s%-*s = %s\n", pidpfx(parent), 33, "read(-2, NULL, 0)", sprintrc(rc));
	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		fail("fork");
	if (child == 0) {
		close(done[1]);
		/* let the parent block in read first */
		struct timespec ts = {0, 200 * 1000 * 1000};
		nanosleep(&ts, NULL);
		syscall(__NR_read, -1, NULL, 0);
		/* wake the parent with an untraced call, then wait until it has read */
		struct iovec iov = {"x", 1};
		if (syscall(__NR_writev, data[1], &iov, 1) != 1)
			_exit(1);
		struct pollfd pfd = {done[0], POLLIN, 0};
		poll(&pfd, 1, 10000);
		_exit(0);
	}
	char c;
	rc = syscall(__NR_read, data[0], &c, 1);
	close(done[1]);
	int status;
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status))
		fail("child status %#x", status);
	printf("%sread(%d,  <unfinished ...>\n", pidpfx(parent), data[0]);
	printf("%s%-33s = -1 EBADF (Bad file descriptor)\n", pidpfx(child), "read(-1, NULL, 0)");
	char call[64];
	snprintf(call, sizeof(call), "<... read resumed>\"x\", 1)");
	printf("%s%-33s = %ld\n", pidpfx(parent), call, rc);
	printf("%s+++ exited with 0 +++\n", pidpfx(child));
	printf("%s+++ exited with 0 +++\n", pidpfx(parent));
	return 0;
}
