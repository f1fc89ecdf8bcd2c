/* shutdown: SHUT_* and an unknown mode. */
/* TRACE: -e trace=shutdown */
#include "tests.h"
#include <sys/socket.h>
#include <sys/syscall.h>

int main(void)
{
	int sv[2];
	char call[128];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		fail("socketpair");
	long rc = syscall(__NR_shutdown, sv[0], SHUT_WR);
	snprintf(call, sizeof(call), "shutdown(%d, SHUT_WR)", sv[0]);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shutdown, sv[1], SHUT_RDWR);
	snprintf(call, sizeof(call), "shutdown(%d, SHUT_RDWR)", sv[1]);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shutdown, -1, SHUT_RD);
	print_line("", "shutdown(-1, SHUT_RD)", sprintrc(rc));
	rc = syscall(__NR_shutdown, sv[0], 7);
	snprintf(call, sizeof(call), "shutdown(%d, 0x7 /* SHUT_??? */)", sv[0]);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
