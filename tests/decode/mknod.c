/* mknod, mknodat: the mode with its file type, the device only for devices. */
/* TRACE: -e trace=mknod,mknodat */
#include "filetests.h"

int main(void)
{
	long rc;

	rc = syscall(__NR_mknod, "fifo", S_IFIFO | 0600, 0);
	line(sprintrc(rc), "mknod(\"fifo\", S_IFIFO|0600)");
	rc = syscall(__NR_mknodat, AT_FDCWD, "reg", S_IFREG | 0640, 0);
	line(sprintrc(rc), "mknodat(AT_FDCWD, \"reg\", S_IFREG|0640)");
	rc = syscall(__NR_mknod, "/nonexistent/chr", S_IFCHR | 0600, makedev(1, 3));
	line(sprintrc(rc), "mknod(\"/nonexistent/chr\", S_IFCHR|0600, makedev(0x1, 0x3))");
	rc = syscall(__NR_mknodat, -1, "blk", S_IFBLK | S_ISUID | 0644, makedev(8, 0x101));
	line(sprintrc(rc), "mknodat(-1, \"blk\", S_IFBLK|S_ISUID|0644, makedev(0x8, 0x101))");
	rc = syscall(__NR_mknod, "x", 0170777, 0);
	line(sprintrc(rc), "mknod(\"x\", 0170777)");
	unlink("fifo");
	unlink("reg");
	printf("+++ exited with 0 +++\n");
	return 0;
}
