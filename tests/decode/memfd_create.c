/* memfd_create: the name, MFD_* flags, the hugetlb page size as N<<MFD_HUGE_SHIFT. */
/* TRACE: -e trace=memfd_create */
/* FROM: memfd_create(NULL, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_memfd_create, NULL, 0);
	line(sprintrc(rc), "memfd_create(NULL, 0)");
	rc = syscall(__NR_memfd_create, "scry", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	line(sprintrc(rc), "memfd_create(\"scry\", MFD_CLOEXEC|MFD_ALLOW_SEALING)");
	rc = syscall(__NR_memfd_create, "x", 0);
	line(sprintrc(rc), "memfd_create(\"x\", 0)");
	rc = syscall(__NR_memfd_create, "huge", MFD_HUGETLB | (21U << 26));
	line(sprintrc(rc), "memfd_create(\"huge\", MFD_HUGETLB|21<<MFD_HUGE_SHIFT)");
	rc = syscall(__NR_memfd_create, "bad", 0x100);
	line(sprintrc(rc), "memfd_create(\"bad\", 0x100 /* MFD_??? */)");
	char *name = tail_alloc(1);
	rc = syscall(__NR_memfd_create, name + 1, 0);
	line(sprintrc(rc), "memfd_create(%p, 0)", (void *)(name + 1));
	printf("+++ exited with 0 +++\n");
	return 0;
}
