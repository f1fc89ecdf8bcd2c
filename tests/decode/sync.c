/* sync, fsync, fdatasync, syncfs, sync_file_range. */
/* TRACE: -e trace=sync,fsync,fdatasync,syncfs,sync_file_range */
/* FROM: fsync(-1) */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_fsync, -1);
	line(sprintrc(rc), "fsync(-1)");
	int fd = open("/tmp", O_TMPFILE | O_RDWR, 0600);
	if (fd < 0)
		fail("O_TMPFILE");
	rc = syscall(__NR_fsync, fd);
	line(sprintrc(rc), "fsync(%d)", fd);
	rc = syscall(__NR_fdatasync, fd);
	line(sprintrc(rc), "fdatasync(%d)", fd);
	rc = syscall(__NR_syncfs, fd);
	line(sprintrc(rc), "syncfs(%d)", fd);
	rc = syscall(__NR_sync_file_range, fd, 0L, 4096L,
		     SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE);
	line(sprintrc(rc), "sync_file_range(%d, 0, 4096, SYNC_FILE_RANGE_WAIT_BEFORE|"
			   "SYNC_FILE_RANGE_WRITE)", fd);
	rc = syscall(__NR_sync_file_range, fd, -1L, 0L, 8);
	line(sprintrc(rc), "sync_file_range(%d, -1, 0, 0x8 /* SYNC_FILE_RANGE_??? */)", fd);
	rc = syscall(__NR_sync);
	line(sprintrc(rc), "sync()");
	printf("+++ exited with 0 +++\n");
	return 0;
}
