/* mremap: MREMAP_* flags; the new address only with MREMAP_MAYMOVE|MREMAP_FIXED. */
/* TRACE: -e trace=mremap */
/* FROM: mremap(NULL, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>

static char outbuf[1 << 16];

int main(void)
{
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	long rc = syscall(__NR_mremap, 0, 0, 0, 0, 0);
	line(sprinthex(rc), "mremap(NULL, 0, 0, 0)");
	void *a = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *b = mmap(NULL, 16384, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (a == MAP_FAILED || b == MAP_FAILED)
		fail("mmap");
	rc = syscall(__NR_mremap, a, 8192, 4096, 0, b);
	line(sprinthex(rc), "mremap(%p, 8192, 4096, 0)", a);
	rc = syscall(__NR_mremap, a, 4096, 16384, MREMAP_MAYMOVE | MREMAP_FIXED, b);
	line(sprinthex(rc), "mremap(%p, 4096, 16384, MREMAP_MAYMOVE|MREMAP_FIXED, %p)", a, b);
	rc = syscall(__NR_mremap, b, 4096, 4096, MREMAP_FIXED, a);
	line(sprinthex(rc), "mremap(%p, 4096, 4096, MREMAP_FIXED)", b);
	rc = syscall(__NR_mremap, b, 4096, 4096, 0x10, a);
	line(sprinthex(rc), "mremap(%p, 4096, 4096, 0x10 /* MREMAP_??? */)", b);
	printf("+++ exited with 0 +++\n");
	return 0;
}
