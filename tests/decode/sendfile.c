/* sendfile: the offset before and, when it moved, after the call ([0] => [5]). */
/* TRACE: -e trace=sendfile */
/* FROM: sendfile(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_sendfile, -1, -1, NULL, 5);
	line(sprintrc(rc), "sendfile(-1, -1, NULL, 5)");
	int in = open("/proc/self/exe", O_RDONLY);
	int p[2];
	if (in < 0 || pipe(p))
		fail("setup");
	off_t *off = tail_alloc(sizeof(*off));
	*off = 3;
	rc = syscall(__NR_sendfile, p[1], in, off, 5);
	line(sprintrc(rc), "sendfile(%d, %d, [3] => [8], 5)", p[1], in);
	rc = syscall(__NR_sendfile, p[1], in, off, 0);
	line(sprintrc(rc), "sendfile(%d, %d, [8], 0)", p[1], in);
	rc = syscall(__NR_sendfile, p[1], -1, off, 5);
	line(sprintrc(rc), "sendfile(%d, -1, [8], 5)", p[1]);
	rc = syscall(__NR_sendfile, p[1], in, off + 1, 5);
	line(sprintrc(rc), "sendfile(%d, %d, %p, 5)", p[1], in, (void *)(off + 1));
	rc = syscall(__NR_sendfile, p[1], in, NULL, 4);
	line(sprintrc(rc), "sendfile(%d, %d, NULL, 4)", p[1], in);
	printf("+++ exited with 0 +++\n");
	return 0;
}
