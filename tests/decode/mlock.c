/* mlock, mlock2, munlock, mlockall, munlockall. */
/* TRACE: -e trace=mlock,mlock2,munlock,mlockall,munlockall */
/* FROM: mlock(NULL, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif

int main(void)
{
	long rc = syscall(__NR_mlock, 0, 0);
	line(sprintrc(rc), "mlock(NULL, 0)");
	void *a = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	rc = syscall(__NR_mlock, a, 4096);
	line(sprintrc(rc), "mlock(%p, 4096)", a);
	rc = syscall(__NR_munlock, a, 4096);
	line(sprintrc(rc), "munlock(%p, 4096)", a);
	rc = syscall(__NR_mlock2, a, 4096, MLOCK_ONFAULT);
	line(sprintrc(rc), "mlock2(%p, 4096, MLOCK_ONFAULT)", a);
	rc = syscall(__NR_mlock2, a, 4096, 2);
	line(sprintrc(rc), "mlock2(%p, 4096, 0x2 /* MLOCK_??? */)", a);
	rc = syscall(__NR_mlockall, MCL_CURRENT | MCL_ONFAULT);
	line(sprintrc(rc), "mlockall(MCL_CURRENT|MCL_ONFAULT)");
	rc = syscall(__NR_mlockall, 8);
	line(sprintrc(rc), "mlockall(0x8 /* MCL_??? */)");
	rc = syscall(__NR_munlockall);
	line(sprintrc(rc), "munlockall()");
	printf("+++ exited with 0 +++\n");
	return 0;
}
