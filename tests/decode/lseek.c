/* lseek: signed offset, SEEK_* whence. */
/* TRACE: -e trace=lseek */
/* FROM: lseek(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_lseek, -1, 0L, SEEK_SET);
	line(sprintrc(rc), "lseek(-1, 0, SEEK_SET)");
	int fd = open("/dev/zero", O_RDONLY);
	rc = syscall(__NR_lseek, fd, 100L, SEEK_CUR);
	line(sprintrc(rc), "lseek(%d, 100, SEEK_CUR)", fd);
	rc = syscall(__NR_lseek, fd, -5L, SEEK_END);
	line(sprintrc(rc), "lseek(%d, -5, SEEK_END)", fd);
	rc = syscall(__NR_lseek, fd, 0L, SEEK_DATA);
	line(sprintrc(rc), "lseek(%d, 0, SEEK_DATA)", fd);
	rc = syscall(__NR_lseek, fd, 0L, SEEK_HOLE);
	line(sprintrc(rc), "lseek(%d, 0, SEEK_HOLE)", fd);
	rc = syscall(__NR_lseek, fd, 0L, 7);
	line(sprintrc(rc), "lseek(%d, 0, 0x7 /* SEEK_??? */)", fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
