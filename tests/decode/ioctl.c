/* ioctl: requests by name or as _IOC(dir, type, nr, size), the FIO* requests, and the
 * argument of requests scry does not decode in hex. */
/* TRACE: -e trace=ioctl */
/* FROM: ioctl(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_ioctl, -1, FIOCLEX, 0);
	line(sprintrc(rc), "ioctl(-1, FIOCLEX)");
	int p[2];
	if (pipe(p))
		fail("pipe");
	write(p[1], "abc", 3);
	int *n = tail_alloc(sizeof(*n));
	rc = syscall(__NR_ioctl, p[0], FIONREAD, n);
	line(sprintrc(rc), "ioctl(%d, FIONREAD, [3])", p[0]);
	rc = syscall(__NR_ioctl, p[0], FIONREAD, n + 1);
	line(sprintrc(rc), "ioctl(%d, FIONREAD, %p)", p[0], (void *)(n + 1));
	*n = 1;
	rc = syscall(__NR_ioctl, p[0], FIONBIO, n);
	line(sprintrc(rc), "ioctl(%d, FIONBIO, [1])", p[0]);
	rc = syscall(__NR_ioctl, p[0], FIONBIO, n + 1);
	line(sprintrc(rc), "ioctl(%d, FIONBIO, %p)", p[0], (void *)(n + 1));
	*n = 0;
	rc = syscall(__NR_ioctl, p[0], FIOASYNC, n);
	line(sprintrc(rc), "ioctl(%d, FIOASYNC, [0])", p[0]);
	rc = syscall(__NR_ioctl, p[0], FIOCLEX, 0);
	line(sprintrc(rc), "ioctl(%d, FIOCLEX)", p[0]);
	rc = syscall(__NR_ioctl, p[0], FIONCLEX, 0);
	line(sprintrc(rc), "ioctl(%d, FIONCLEX)", p[0]);
	/* known requests scry does not decode further: the argument in hex */
	rc = syscall(__NR_ioctl, p[0], FS_IOC_GETFLAGS, 0x1234);
	line(sprintrc(rc), "ioctl(%d, FS_IOC_GETFLAGS, 0x1234)", p[0]);
	/* unknown requests */
	rc = syscall(__NR_ioctl, p[0], 0x1234, 0);
	line(sprintrc(rc), "ioctl(%d, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0)", p[0]);
	rc = syscall(__NR_ioctl, p[0], _IOR('x', 3, int), 7);
	line(sprintrc(rc), "ioctl(%d, _IOC(_IOC_READ, 0x78, 0x3, 0x4), 0x7)", p[0]);
	rc = syscall(__NR_ioctl, p[0], _IOWR(0xfe, 0xff, long long), -1L);
	line(sprintrc(rc), "ioctl(%d, _IOC(_IOC_READ|_IOC_WRITE, 0xfe, 0xff, 0x8), 0xffffffffffffffff)",
	     p[0]);
	/* FICLONE takes an fd; requests sharing a number print every name */
	rc = syscall(__NR_ioctl, p[0], FICLONE, p[1]);
	line(sprintrc(rc), "ioctl(%d, BTRFS_IOC_CLONE or FICLONE, %d)", p[0], p[1]);
	/* socket requests with an int argument */
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0)
		fail("socket");
	*n = getpid();
	rc = syscall(__NR_ioctl, s, FIOSETOWN, n);
	line(sprintrc(rc), "ioctl(%d, FIOSETOWN, [%d])", s, *n);
	*n = 0;
	rc = syscall(__NR_ioctl, s, SIOCGPGRP, n);
	line(sprintrc(rc), "ioctl(%d, SIOCGPGRP, [%d])", s, *n);
	rc = syscall(__NR_ioctl, s, FIOGETOWN, n + 1);
	line(sprintrc(rc), "ioctl(%d, FIOGETOWN, %p)", s, (void *)(n + 1));
	rc = syscall(__NR_ioctl, s, SIOCATMARK, n);
	if (rc < 0)
		line(sprintrc(rc), "ioctl(%d, SIOCATMARK, %p)", s, (void *)n);
	else
		line(sprintrc(rc), "ioctl(%d, SIOCATMARK, [%d])", s, *n);
	printf("+++ exited with 0 +++\n");
	return 0;
}
