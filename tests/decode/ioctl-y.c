/* -y on ioctl: the fd argument gets its path, an unlinked file's with "(deleted)" after it;
 * FICLONE's source fd is a plain int (strace 6.1). */
/* TRACE: -y -e trace=ioctl */
#include "filetests.h"
#include <limits.h>
#include <linux/fs.h>
#include <sys/ioctl.h>

int main(void)
{
	char cwd[PATH_MAX], dst[PATH_MAX + 32];
	long rc;

	if (!getcwd(cwd, sizeof(cwd)))
		fail("getcwd");
	int src = open(".", O_RDONLY | O_DIRECTORY);
	int fd = open("ioctl-y.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (src < 0 || fd < 0)
		fail("open");
	unlink("ioctl-y.tmp");
	snprintf(dst, sizeof(dst), "%s/ioctl-y.tmp", cwd);
	rc = syscall(__NR_ioctl, fd, FICLONE, src);
	line(sprintrc(rc), "ioctl(%d<%s>(deleted), BTRFS_IOC_CLONE or FICLONE, %d)", fd, dst, src);
	rc = syscall(__NR_ioctl, fd, FICLONE, -1);
	line(sprintrc(rc), "ioctl(%d<%s>(deleted), BTRFS_IOC_CLONE or FICLONE, -1)", fd, dst);
	printf("+++ exited with 0 +++\n");
	return 0;
}
