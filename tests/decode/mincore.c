/* mincore: one byte per page at exit, cut after -s elements. */
/* TRACE: -e trace=mincore -s 3 */
/* FROM: mincore(NULL, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>

int main(void)
{
	unsigned char *vec = tail_alloc(5);
	long rc = syscall(__NR_mincore, 0, 4096, vec);
	line(sprintrc(rc), "mincore(NULL, 4096, %p)", (void *)vec);
	long page = sysconf(_SC_PAGESIZE);
	char *a = mmap(NULL, 5 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);
	a[0] = 1;
	a[2 * page] = 1;
	rc = syscall(__NR_mincore, a, 2 * page + 1, vec);
	line(sprintrc(rc), "mincore(%p, %ld, [1, 0, 1])", (void *)a, 2 * page + 1);
	rc = syscall(__NR_mincore, a, 5 * page, vec);
	line(sprintrc(rc), "mincore(%p, %ld, [1, 0, 1, ...])", (void *)a, 5 * page);
	rc = syscall(__NR_mincore, a, 5 * page, vec + 1);
	line(sprintrc(rc), "mincore(%p, %ld, %p)", (void *)a, 5 * page, (void *)(vec + 1));
	printf("+++ exited with 0 +++\n");
	return 0;
}
