#include "tests.h"

#include <stdarg.h>

static const char *const errnames[] = {
#include "errnames.h"
};

const char *errno2name(void)
{
	if (errno > 0 && (size_t)errno < sizeof(errnames) / sizeof(errnames[0]) && errnames[errno])
		return errnames[errno];
	static char buf[32];
	snprintf(buf, sizeof(buf), "%d", errno);
	return buf;
}

const char *sprintrc(long rc)
{
	static char buf[256];

	if (rc == -1)
		snprintf(buf, sizeof(buf), "-1 %s (%s)", errno2name(), strerror(errno));
	else
		snprintf(buf, sizeof(buf), "%ld", rc);
	return buf;
}

void *tail_alloc(size_t size)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t len = (size + page - 1) / page * page;
	char *p = mmap(NULL, len + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0);
	if (p == MAP_FAILED)
		fail("mmap: %s", strerror(errno));
	if (munmap(p + len, page))
		fail("munmap: %s", strerror(errno));
	return p + len - size;
}

const char *quote(const char *s, size_t len)
{
	static char buf[4096 * 4 + 3];
	char *o = buf;
	const unsigned char *u = (const unsigned char *)s;

	*o++ = '"';
	for (size_t i = 0; i < len && o < buf + sizeof(buf) - 6; i++) {
		unsigned c = u[i];
		switch (c) {
		case '"': o += sprintf(o, "\\\""); continue;
		case '\\': o += sprintf(o, "\\\\"); continue;
		case '\f': o += sprintf(o, "\\f"); continue;
		case '\n': o += sprintf(o, "\\n"); continue;
		case '\r': o += sprintf(o, "\\r"); continue;
		case '\t': o += sprintf(o, "\\t"); continue;
		case '\v': o += sprintf(o, "\\v"); continue;
		}
		if (c >= ' ' && c < 0x7f)
			*o++ = (char)c;
		else if (i + 1 < len && u[i + 1] >= '0' && u[i + 1] <= '7')
			o += sprintf(o, "\\%03o", c);
		else
			o += sprintf(o, "\\%o", c);
	}
	*o++ = '"';
	*o = '\0';
	return buf;
}

void skip(const char *why)
{
	fprintf(stderr, "SKIP: %s\n", why);
	exit(77);
}

void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void print_line(const char *prefix, const char *call, const char *ret)
{
	char buf[8192];

	snprintf(buf, sizeof(buf), "%s%s", prefix, call);
	printf("%-39s = %s\n", buf, ret);
	fflush(stdout);
}

const char *pidpfx(int pid)
{
	static char buf[2][32];
	static int i;

	i ^= 1;
	snprintf(buf[i], sizeof(buf[i]), "%-5d ", pid);
	return buf[i];
}
