/* eventfd and eventfd2: the initial value, EFD_* flags, the new fd. */
/* TRACE: -e trace=eventfd,eventfd2 */
/* FROM: eventfd2(0, 0x2 */
#include "desc-tests.h"
#include <sys/eventfd.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_eventfd2, 0, 2);
	line(sprintrc(rc), "eventfd2(0, 0x2 /* EFD_??? */)");
	rc = syscall(__NR_eventfd2, 7, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE);
	line(sprintrc(rc), "eventfd2(7, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK)");
	rc = syscall(__NR_eventfd, 4294967295U);
	line(sprintrc(rc), "eventfd(4294967295)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
