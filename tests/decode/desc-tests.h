/* Shared by the desc and memory decode tests: one expected line from a printf-like call text. */
#pragma once
#include "tests.h"
#include <stdarg.h>

/* line(sprintrc(rc), "read(%d, %p, 5)", fd, buf) prints the call padded to column 40 */
static inline void line(const char *ret, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void line(const char *ret, const char *fmt, ...)
{
	char call[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(call, sizeof(call), fmt, ap);
	va_end(ap);
	print_line("", call, ret);
}

/* "= 0x7f..." as mmap and brk return */
static inline const char *sprinthex(long rc)
{
	static char buf[64];

	if (rc < 0 && rc > -4096)
		return sprintrc(-1);
	snprintf(buf, sizeof(buf), "%#lx", (unsigned long)rc);
	return buf;
}
