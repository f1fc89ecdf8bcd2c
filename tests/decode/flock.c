/* flock: LOCK_* operations. */
/* TRACE: -e trace=flock */
/* FROM: flock(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/file.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_flock, -1, LOCK_SH);
	line(sprintrc(rc), "flock(-1, LOCK_SH)");
	int fd = open("/tmp", O_TMPFILE | O_RDWR, 0600);
	if (fd < 0)
		fail("O_TMPFILE");
	rc = syscall(__NR_flock, fd, LOCK_EX | LOCK_NB);
	line(sprintrc(rc), "flock(%d, LOCK_EX|LOCK_NB)", fd);
	rc = syscall(__NR_flock, fd, LOCK_UN);
	line(sprintrc(rc), "flock(%d, LOCK_UN)", fd);
	rc = syscall(__NR_flock, fd, 0);
	line(sprintrc(rc), "flock(%d, 0)", fd);
	rc = syscall(__NR_flock, fd, 0x100);
	line(sprintrc(rc), "flock(%d, 0x100 /* LOCK_??? */)", fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
