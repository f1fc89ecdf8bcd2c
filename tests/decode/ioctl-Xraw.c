/* -X raw: the request as a number only. */
/* TRACE: -e trace=ioctl -X raw */
/* FROM: ioctl(-1, */
#include "desc-tests.h"
#include <sys/ioctl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_ioctl, -1, FIOCLEX, 0);
	line(sprintrc(rc), "ioctl(-1, 0x5451)");
	rc = syscall(__NR_ioctl, -1, _IOR('x', 3, int), 7);
	line(sprintrc(rc), "ioctl(-1, 0x80047803, 0x7)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
