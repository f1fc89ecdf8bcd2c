/* copy_file_range: offsets in brackets, flags in decimal. */
/* TRACE: -e trace=copy_file_range */
/* FROM: copy_file_range(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_copy_file_range, -1, NULL, -1, NULL, 5, 0);
	line(sprintrc(rc), "copy_file_range(-1, NULL, -1, NULL, 5, 0)");
	int in = open("/proc/self/exe", O_RDONLY);
	int out = open("/tmp", O_TMPFILE | O_RDWR, 0600);
	if (in < 0 || out < 0)
		fail("setup");
	loff_t *a = tail_alloc(sizeof(*a)), *b = tail_alloc(sizeof(*b));
	*a = 4;
	*b = 0;
	rc = syscall(__NR_copy_file_range, in, a, out, b, 16, 0);
	line(sprintrc(rc), "copy_file_range(%d, [4], %d, [0], 16, 0)", in, out);
	rc = syscall(__NR_copy_file_range, in, NULL, out, b + 1, 16, 3);
	line(sprintrc(rc), "copy_file_range(%d, NULL, %d, %p, 16, 3)", in, out, (void *)(b + 1));
	printf("+++ exited with 0 +++\n");
	return 0;
}
