/* madvise (MADV_* advice) and process_madvise (an iovec of addresses). */
/* TRACE: -e trace=madvise,process_madvise */
/* FROM: madvise(NULL, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#ifndef __NR_process_madvise
#define __NR_process_madvise 440
#endif

int main(void)
{
	long rc = syscall(__NR_madvise, 0, 0, MADV_NORMAL);
	line(sprintrc(rc), "madvise(NULL, 0, MADV_NORMAL)");
	void *a = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	rc = syscall(__NR_madvise, a, 8192, MADV_DONTNEED);
	line(sprintrc(rc), "madvise(%p, 8192, MADV_DONTNEED)", a);
	rc = syscall(__NR_madvise, a, 4096, MADV_HUGEPAGE);
	line(sprintrc(rc), "madvise(%p, 4096, MADV_HUGEPAGE)", a);
	rc = syscall(__NR_madvise, a, 4096, 77);
	line(sprintrc(rc), "madvise(%p, 4096, 0x4d /* MADV_??? */)", a);
	struct iovec *iov = tail_alloc(sizeof(*iov));
	*iov = (struct iovec){a, 4096};
	rc = syscall(__NR_process_madvise, -1, iov, 1, MADV_COLD, 0);
	line(sprintrc(rc), "process_madvise(-1, [{iov_base=%p, iov_len=4096}], 1, MADV_COLD, 0)", a);
	rc = syscall(__NR_process_madvise, -1, iov + 1, 1, MADV_PAGEOUT, 5);
	line(sprintrc(rc), "process_madvise(-1, %p, 1, MADV_PAGEOUT, 0x5)", (void *)(iov + 1));
	printf("+++ exited with 0 +++\n");
	return 0;
}
