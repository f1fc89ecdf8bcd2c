/* dup, dup2, dup3: the new fd as the return value (with -y: its path; newfd is not open yet
 * when the arguments print). */
/* TRACE: -e trace=dup,dup2,dup3 -y */
/* FROM: dup(-1) */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_dup, -1);
	line(sprintrc(rc), "dup(-1)");
	int fd = open("/dev/null", O_RDONLY);
	if (fd < 0)
		fail("open");
	char ret[64];
	rc = syscall(__NR_dup, fd);
	snprintf(ret, sizeof(ret), "%ld</dev/null>", rc);
	line(ret, "dup(%d</dev/null>)", fd);
	rc = syscall(__NR_dup2, fd, 40);
	snprintf(ret, sizeof(ret), "%ld</dev/null>", rc);
	line(ret, "dup2(%d</dev/null>, 40)", fd);
	rc = syscall(__NR_dup2, fd, -1);
	line(sprintrc(rc), "dup2(%d</dev/null>, -1)", fd);
	rc = syscall(__NR_dup3, fd, 41, O_CLOEXEC);
	snprintf(ret, sizeof(ret), "%ld</dev/null>", rc);
	line(ret, "dup3(%d</dev/null>, 41, O_CLOEXEC)", fd);
	rc = syscall(__NR_dup3, fd, 42, 0);
	snprintf(ret, sizeof(ret), "%ld</dev/null>", rc);
	line(ret, "dup3(%d</dev/null>, 42, 0)", fd);
	rc = syscall(__NR_dup3, fd, 43, O_CLOEXEC | 0x10);
	line(sprintrc(rc), "dup3(%d</dev/null>, 43, O_CLOEXEC|0x10)", fd);
	rc = syscall(__NR_dup3, fd, fd, 0);
	line(sprintrc(rc), "dup3(%d</dev/null>, %d</dev/null>, 0)", fd, fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
