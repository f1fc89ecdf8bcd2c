/* -y on a socket: the link text socket:[inode], no endpoints. */
/* TRACE: -y -e trace=shutdown */
#include "tests.h"
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void)
{
	int sv[2];
	struct stat st;
	char call[256];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) || fstat(sv[0], &st))
		fail("socketpair");
	long rc = syscall(__NR_shutdown, sv[0], SHUT_RD);
	snprintf(call, sizeof(call), "shutdown(%d<socket:[%lu]>, SHUT_RD)", sv[0],
		 (unsigned long)st.st_ino);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
