#include "log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *program_name = "scry";

void log_set_program_name(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	program_name = slash ? slash + 1 : argv0;
}

static void vlog(int err, const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (err)
		fprintf(stderr, "%s: %s: %s\n", program_name, msg, strerror(err));
	else
		fprintf(stderr, "%s: %s\n", program_name, msg);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(0, fmt, ap);
	va_end(ap);
}

int log_error_errno(int r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(r < 0 ? -r : r, fmt, ap);
	va_end(ap);
	return r;
}

void die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(0, fmt, ap);
	va_end(ap);
	exit(status);
}
