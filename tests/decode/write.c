/* write(2): the data at entry, cut by -s; -x/-xx style tested in write-x. The expected lines
 * are sent with writev so that they do not show in the trace. */
/* TRACE: -e trace=write -s 6 */
/* FROM: write(-1, */
#include "desc-tests.h"
#include <sys/syscall.h>
#include <sys/uio.h>

static char out[8192];
static size_t outlen;

/* collect the expected lines; print_line() would call write() */
static void expect(const char *ret, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void expect(const char *ret, const char *fmt, ...)
{
	char call[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(call, sizeof(call), fmt, ap);
	va_end(ap);
	outlen += (size_t)snprintf(out + outlen, sizeof(out) - outlen, "%-39s = %s\n", call, ret);
}

int main(void)
{
	int p[2];
	if (pipe(p))
		fail("pipe");
	char *buf = tail_alloc(16);
	memcpy(buf, "a\tb\"\0\1\377xyz012345", 16);

	long rc = syscall(__NR_write, -1, buf, 3);
	expect(sprintrc(rc), "write(-1, \"a\\tb\", 3)");
	rc = syscall(__NR_write, p[1], buf, 5);
	expect(sprintrc(rc), "write(%d, %s, 5)", p[1], quote(buf, 5));
	rc = syscall(__NR_write, p[1], buf, 16);
	expect(sprintrc(rc), "write(%d, %s..., 16)", p[1], quote(buf, 6));
	rc = syscall(__NR_write, p[1], buf + 16, 0);
	expect(sprintrc(rc), "write(%d, \"\", 0)", p[1]);
	/* unreadable data: the address */
	rc = syscall(__NR_write, p[1], buf + 16, 1);
	expect(sprintrc(rc), "write(%d, %p, 1)", p[1], buf + 16);
	rc = syscall(__NR_write, p[1], NULL, 1);
	expect(sprintrc(rc), "write(%d, NULL, 1)", p[1]);

	outlen += (size_t)snprintf(out + outlen, sizeof(out) - outlen, "+++ exited with 0 +++\n");
	struct iovec iov = {out, outlen};
	syscall(__NR_writev, 1, &iov, 1);
	return 0;
}
