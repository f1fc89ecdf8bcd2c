/* read(2): the data only at exit and only up to the return value, cut by -s; failures print
 * the buffer's address. */
/* TRACE: -e trace=read -s 8 */
/* FROM: read(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	int p[2];
	if (pipe(p))
		fail("pipe");
	static const char data[] = "ab\"\\\n\0\1\3777end";
	size_t n = sizeof(data) - 1;
	if (write(p[1], data, n) != (ssize_t)n)
		fail("write");

	char *buf = tail_alloc(64);
	/* failures: the address */
	long rc = syscall(__NR_read, -1, buf, 5);
	line(sprintrc(rc), "read(-1, %p, 5)", buf);

	rc = syscall(__NR_read, p[0], buf, 3);
	line(sprintrc(rc), "read(%d, %s, 3)", p[0], quote(buf, 3));
	/* more than -s 8 bytes: cut, "..." after the quote */
	rc = syscall(__NR_read, p[0], buf, 64);
	if (rc != (long)n - 3)
		fail("read %ld", rc);
	line(sprintrc(rc), "read(%d, %s..., 64)", p[0], quote(buf, 8));

	/* end of file: "" */
	close(p[1]);
	rc = syscall(__NR_read, p[0], buf, 64);
	line(sprintrc(rc), "read(%d, \"\", 64)", p[0]);

	rc = syscall(__NR_read, p[0], NULL, 5);
	line(sprintrc(rc), "read(%d, NULL, 5)", p[0]);
	if (pipe(p))
		fail("pipe");
	write(p[1], "x", 1);
	char *bad = buf + 64; /* unmapped */
	rc = syscall(__NR_read, p[0], bad, 1);
	line(sprintrc(rc), "read(%d, %p, 1)", p[0], bad);
	/* a count above 2^63 prints unsigned */
	rc = syscall(__NR_read, 1000, buf, (unsigned long)-1);
	line(sprintrc(rc), "read(1000, %p, %lu)", buf, (unsigned long)-1);

	printf("+++ exited with 0 +++\n");
	return 0;
}
