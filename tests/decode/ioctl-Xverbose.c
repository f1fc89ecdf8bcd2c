/* -X verbose: the request as a number with its name in a comment; unknown ones as _IOC. */
/* TRACE: -e trace=ioctl -X verbose */
/* FROM: ioctl(-1, */
#include "desc-tests.h"
#include <sys/ioctl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_ioctl, -1, FIOCLEX, 0);
	line(sprintrc(rc), "ioctl(-1, 0x5451 /* FIOCLEX */)");
	rc = syscall(__NR_ioctl, -1, _IOR('x', 3, int), 7);
	line(sprintrc(rc), "ioctl(-1, 0x80047803 /* _IOC(_IOC_READ, 0x78, 0x3, 0x4) */, 0x7)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
