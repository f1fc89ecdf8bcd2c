/* pkey_alloc (flags in hex, PKEY_DISABLE_* rights) and pkey_free. */
/* TRACE: -e trace=pkey_alloc,pkey_free */
/* FROM: pkey_free(-1) */
#include "desc-tests.h"
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_pkey_free, -1);
	line(sprintrc(rc), "pkey_free(-1)");
	rc = syscall(__NR_pkey_alloc, 0, 0x3);
	line(sprintrc(rc), "pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE)");
	if (rc >= 0) {
		long k = rc;
		rc = syscall(__NR_pkey_free, k);
		line(sprintrc(rc), "pkey_free(%ld)", k);
	}
	rc = syscall(__NR_pkey_alloc, 0x10, 0x8);
	line(sprintrc(rc), "pkey_alloc(0x10, 0x8 /* PKEY_??? */)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
