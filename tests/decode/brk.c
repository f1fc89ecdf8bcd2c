/* brk: the address argument and the break returned, in hex. */
/* TRACE: -e trace=brk */
/* FROM: brk(0x1) */
#include "desc-tests.h"
#include <sys/syscall.h>

static char outbuf[1 << 16];

int main(void)
{
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf)); /* stdio must not call brk itself */
	/* the dynamic loader calls brk(NULL) too: start with a call of our own */
	long rc = syscall(__NR_brk, 1);
	line(sprinthex(rc), "brk(0x1)");
	long cur = syscall(__NR_brk, 0);
	line(sprinthex(cur), "brk(NULL)");
	rc = syscall(__NR_brk, cur + 8192);
	line(sprinthex(rc), "brk(%#lx)", cur + 8192);
	rc = syscall(__NR_brk, cur);
	line(sprinthex(rc), "brk(%#lx)", cur);
	printf("+++ exited with 0 +++\n");
	return 0;
}
