/* mmap, munmap, mprotect, pkey_mprotect: PROT_* and MAP_* (the map type, then flags, then the
 * huge page size), the fd, the offset in hex, the address returned in hex. */
/* TRACE: -e trace=mmap,munmap,mprotect,pkey_mprotect */
/* FROM: mmap(NULL, 0, */
#include "desc-tests.h"
#include <sys/mman.h>
#include <sys/syscall.h>

static char outbuf[1 << 16];

int main(void)
{
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf)); /* no malloc, no mmap */
	long rc = syscall(__NR_mmap, 0, 0, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	line(sprinthex(rc), "mmap(NULL, 0, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
	long a = syscall(__NR_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	line(sprinthex(a), "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
	rc = syscall(__NR_mprotect, a, 4096, PROT_READ | PROT_EXEC);
	line(sprintrc(rc), "mprotect(%#lx, 4096, PROT_READ|PROT_EXEC)", a);
	rc = syscall(__NR_mprotect, a, 4096, PROT_NONE);
	line(sprintrc(rc), "mprotect(%#lx, 4096, PROT_NONE)", a);
	rc = syscall(__NR_mprotect, a, 4096, 0x10);
	line(sprintrc(rc), "mprotect(%#lx, 4096, 0x10 /* PROT_??? */)", a);
	rc = syscall(__NR_mprotect, a, 4096, PROT_WRITE | 0x10);
	line(sprintrc(rc), "mprotect(%#lx, 4096, PROT_WRITE|0x10)", a);
	rc = syscall(__NR_pkey_mprotect, a, 4096, PROT_READ, -1);
	line(sprintrc(rc), "pkey_mprotect(%#lx, 4096, PROT_READ, -1)", a);
	rc = syscall(__NR_pkey_mprotect, a, 4096, PROT_READ, 15);
	line(sprintrc(rc), "pkey_mprotect(%#lx, 4096, PROT_READ, 15)", a);
	rc = syscall(__NR_munmap, a, 8192);
	line(sprintrc(rc), "munmap(%#lx, 8192)", a);
	rc = syscall(__NR_munmap, 0, 0);
	line(sprintrc(rc), "munmap(NULL, 0)");

	/* the fd is ignored for anonymous maps: any number prints */
	a = syscall(__NR_mmap, 0, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE, 1000,
		    0);
	line(sprinthex(a), "mmap(NULL, 4096, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_POPULATE, 1000, 0)");
	long b = syscall(__NR_mmap, a, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	line(sprinthex(b), "mmap(%#lx, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|"
			   "MAP_NORESERVE|MAP_STACK, -1, 0)", a);
	rc = syscall(__NR_mmap, 0, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, -1, 0x1000);
	line(sprinthex(rc), "mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE|MAP_SYNC, -1, 0x1000)");
	rc = syscall(__NR_mmap, 0, 4096, PROT_READ,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21U << 26), -1, 0);
	line(sprinthex(rc), "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|"
			    "21<<MAP_HUGE_SHIFT, -1, 0)");
	/* no map type: 0 is MAP_FILE; an unknown type and flags */
	rc = syscall(__NR_mmap, 0, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0);
	line(sprinthex(rc), "mmap(NULL, 4096, PROT_READ, MAP_FILE|MAP_ANONYMOUS, -1, 0)");
	rc = syscall(__NR_mmap, 0, 4096, PROT_READ, 0xf | 0x800000, -1, 0);
	line(sprinthex(rc), "mmap(NULL, 4096, PROT_READ, 0xf /* MAP_??? */|0x800000, -1, 0)");
	rc = syscall(__NR_mmap, 0, 4096, 0x100 | PROT_READ, MAP_PRIVATE, -1, -4096L);
	line(sprinthex(rc), "mmap(NULL, 4096, PROT_READ|0x100, MAP_PRIVATE, -1, 0xfffffffffffff000)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
