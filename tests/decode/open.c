/* open, openat, creat: access mode first, mode only with O_CREAT/O_TMPFILE, fd returned.
 * The loader calls openat too: -P keeps only the calls made here. */
/* TRACE: -P /dev/zero -P new-file -P new-file-2 -P x -P . -P / -e trace=open,openat,creat */
#include "filetests.h"

int main(void)
{
	long rc;

	rc = syscall(__NR_openat, AT_FDCWD, "/dev/zero", O_RDONLY | O_CLOEXEC);
	line(sprintrc(rc), "openat(AT_FDCWD, \"/dev/zero\", O_RDONLY|O_CLOEXEC)");
	close((int)rc);

	rc =
	    syscall(__NR_openat, AT_FDCWD, "new-file", O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0640);
	line(sprintrc(rc), "openat(AT_FDCWD, \"new-file\", O_WRONLY|O_CREAT|O_EXCL|O_TRUNC, 0640)");
	close((int)rc);

	rc = syscall(__NR_open, "new-file", O_RDWR | O_APPEND | O_NONBLOCK | O_NOFOLLOW | O_SYNC,
		     0777);
	line(sprintrc(rc), "open(\"new-file\", O_RDWR|O_APPEND|O_NONBLOCK|O_SYNC|O_NOFOLLOW)");
	close((int)rc);

	rc = syscall(__NR_openat, -1, "x", O_ACCMODE | 0x40000000);
	line(sprintrc(rc), "openat(-1, \"x\", O_ACCMODE|0x40000000)");

	rc = syscall(__NR_openat, -1, "x", 0x100000000UL | O_RDONLY, 0777);
	line(sprintrc(rc), "openat(-1, \"x\", O_RDONLY)"); /* bits above 32 are not flags */

	rc = syscall(__NR_openat, 12345, "x", O_RDONLY | 0x40000000);
	line(sprintrc(rc), "openat(12345, \"x\", O_RDONLY|0x40000000)");

	rc = syscall(__NR_openat, AT_FDCWD, ".", O_RDWR | O_TMPFILE, 0600);
	line(sprintrc(rc), "openat(AT_FDCWD, \".\", O_RDWR|O_TMPFILE, 0600)");
	if (rc >= 0)
		close((int)rc);

	rc = syscall(__NR_openat, AT_FDCWD, "/", O_RDONLY | O_PATH | O_DIRECTORY | O_NOCTTY);
	line(sprintrc(rc), "openat(AT_FDCWD, \"/\", O_RDONLY|O_NOCTTY|O_PATH|O_DIRECTORY)");
	close((int)rc);

	rc = syscall(__NR_openat, AT_FDCWD, "new-file", O_RDONLY | 0100000 | O_NOATIME | O_DIRECT);
	line(sprintrc(rc),
	     "openat(AT_FDCWD, \"new-file\", O_RDONLY|O_DIRECT|O_LARGEFILE|O_NOATIME)");
	if (rc >= 0)
		close((int)rc);

	rc = syscall(__NR_creat, "new-file-2", 0x12345);
	line(sprintrc(rc), "creat(\"new-file-2\", 0%o)", 0x2345);
	close((int)rc);

	rc = syscall(__NR_open, "new-file", O_CREAT | O_WRONLY, 0);
	line(sprintrc(rc), "open(\"new-file\", O_WRONLY|O_CREAT, 000)");
	close((int)rc);

	unlink("new-file");
	unlink("new-file-2");
	printf("+++ exited with 0 +++\n");
	return 0;
}
