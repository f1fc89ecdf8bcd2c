/* -y: an fd path with characters strace escapes: < > " \ newline, control and high bytes. */
/* TRACE: -y -e trace=sendto */
#include "tests.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>

int main(void)
{
	char path[256], call[512];

	snprintf(path, sizeof(path), "/tmp/scry-%d-a<b>\"c\\d\ne\0011\x80z", getpid());
	int fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0)
		fail("open %s", path);
	long rc = syscall(__NR_sendto, fd, "x", 1, 0, NULL, 0);
	snprintf(call, sizeof(call),
		 "sendto(%d</tmp/scry-%d-a\\74b\\76\\\"c\\\\d\\ne\\0011\\200z>, \"x\", 1, 0, NULL, 0)",
		 fd, getpid());
	print_line("", call, sprintrc(rc));
	unlink(path);
	printf("+++ exited with 0 +++\n");
	return 0;
}
