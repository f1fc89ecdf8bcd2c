/* fallocate: FALLOC_FL_* mode, offset, length. */
/* TRACE: -e trace=fallocate */
/* FROM: fallocate(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_fallocate, -1, 0, 0L, 1L);
	line(sprintrc(rc), "fallocate(-1, 0, 0, 1)");
	int fd = open("/tmp", O_TMPFILE | O_RDWR, 0600);
	if (fd < 0)
		fail("O_TMPFILE");
	rc = syscall(__NR_fallocate, fd, FALLOC_FL_KEEP_SIZE, 0L, 4096L);
	line(sprintrc(rc), "fallocate(%d, FALLOC_FL_KEEP_SIZE, 0, 4096)", fd);
	rc = syscall(__NR_fallocate, fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0L, 512L);
	line(sprintrc(rc), "fallocate(%d, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 0, 512)", fd);
	rc = syscall(__NR_fallocate, fd, 0x80, -1L, 0L);
	line(sprintrc(rc), "fallocate(%d, 0x80 /* FALLOC_FL_??? */, -1, 0)", fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
