/* -xx: paths in hex (every path). */
/* TRACE: -xx -e trace=open,mkdir */
#include "filetests.h"

static const char *hex(const char *s)
{
	static char b[256];
	int n = sprintf(b, "\"");
	for (; *s; s++)
		n += sprintf(b + n, "\\x%02x", (unsigned char)*s);
	sprintf(b + n, "\"");
	return b;
}

int main(void)
{
	long rc;

	rc = syscall(__NR_open, "/nonexistent/a\1b", O_RDONLY);
	line(sprintrc(rc), "open(%s, O_RDONLY)", hex("/nonexistent/a\1b"));
	rc = syscall(__NR_mkdir, "/nonexistent/plain", 0700);
	line(sprintrc(rc), "mkdir(%s, 0700)", hex("/nonexistent/plain"));
	printf("+++ exited with 0 +++\n");
	return 0;
}
