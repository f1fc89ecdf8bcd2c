/* mseal (Linux 6.10, after strace 6.1): printed as current strace does, flags in hex. */
/* TRACE: -e trace=mseal */
/* FROM: mseal(NULL, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>

#ifndef __NR_mseal
#define __NR_mseal 462
#endif

int main(void)
{
	long rc = syscall(__NR_mseal, 0, 0, 0);
	line(sprintrc(rc), "mseal(NULL, 0, 0)");
	void *a = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	rc = syscall(__NR_mseal, a, 4096, 0x1);
	line(sprintrc(rc), "mseal(%p, 4096, 0x1)", a);
	rc = syscall(__NR_mseal, a, 4096, 0);
	line(sprintrc(rc), "mseal(%p, 4096, 0)", a);
	printf("+++ exited with 0 +++\n");
	return 0;
}
