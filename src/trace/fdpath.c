/* -y / -yy: what an fd refers to, from /proc/TGID/fd. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trace/session.h"

bool fd_describe_proc(void *ctx, pid_t tgid, int fd, int level, struct strbuf *out)
{
	char path[64], buf[4096];

	(void)ctx;
	(void)level;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", tgid, fd);
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	/* strace escapes the path as a string without quotes, and also '<' and '>' */
	for (ssize_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c == '<' || c == '>' || c == '\\' || c < ' ' || c >= 0x7f)
			sb_printf(out, "\\%o", c);
		else
			sb_putc(out, (char)c);
	}
	return true;
}
