/* msync: MS_* flags. */
/* TRACE: -e trace=msync */
/* FROM: msync(NULL, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_msync, 0, 0, 0);
	line(sprintrc(rc), "msync(NULL, 0, 0)");
	void *a = mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	rc = syscall(__NR_msync, a, 4096, MS_SYNC | MS_INVALIDATE);
	line(sprintrc(rc), "msync(%p, 4096, MS_SYNC|MS_INVALIDATE)", a);
	rc = syscall(__NR_msync, a, 4096, MS_ASYNC);
	line(sprintrc(rc), "msync(%p, 4096, MS_ASYNC)", a);
	rc = syscall(__NR_msync, a, 4096, 8);
	line(sprintrc(rc), "msync(%p, 4096, 0x8 /* MS_??? */)", a);
	printf("+++ exited with 0 +++\n");
	return 0;
}
