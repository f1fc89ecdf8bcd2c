/* -y / -yy: what an fd refers to, from /proc/TGID/fd. -yy adds socket endpoints (sockdiag.c),
 * device numbers (/dev/null<char 1:3>) and the process of a pidfd (pid:1234). Level 3 is not
 * an option: it answers a socket's protocol name ("NETLINK") for decoders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "trace/session.h"
#include "trace/sockdiag.h"

/* socket:[12345] -> 12345, else 0 */
static unsigned long socket_inode(const char *link)
{
	const char *p = link + strlen("socket:[");
	char *end;

	if (strncmp(link, "socket:[", 8) != 0)
		return 0;
	unsigned long ino = strtoul(p, &end, 10);
	return end != p && end[0] == ']' && end[1] == '\0' ? ino : 0;
}

static bool describe_dev(const char *link, size_t n, struct strbuf *out)
{
	struct stat st;

	if (link[0] != '/' || stat(link, &st) < 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return false;
	sb_escaped(out, link, n, 0, false, "<>");
	sb_printf(out, "<%s %u:%u>", S_ISBLK(st.st_mode) ? "block" : "char", major(st.st_rdev),
		  minor(st.st_rdev));
	return true;
}

static bool describe_pidfd(pid_t tgid, int fd, const char *link, struct strbuf *out)
{
	char path[64], *line = NULL;
	size_t cap = 0;
	long pid = -1;

	if (strcmp(link, "anon_inode:[pidfd]") != 0)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", tgid, fd);
	FILE *f = fopen(path, "re");
	while (f && getline(&line, &cap, f) > 0)
		if (strncmp(line, "Pid:\t", 5) == 0) {
			pid = strtol(line + 5, NULL, 10);
			break;
		}
	free(line);
	if (f)
		fclose(f);
	if (pid > 0)
		sb_printf(out, "pid:%ld", pid);
	else
		sb_puts(out, link);
	return true;
}

int fd_describe_proc(void *ctx, pid_t tgid, int fd, int level, struct strbuf *out)
{
	char path[64], buf[4096];

	(void)ctx;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", tgid, fd);
	if (level == 3) {
		/* the kernel's protocol name of a socket, for decoders of socket buffers */
		ssize_t len = getxattr(path, "system.sockprotoname", buf, sizeof(buf) - 1);
		if (len <= 0)
			return FD_UNKNOWN;
		buf[len] = '\0';
		sb_puts(out, buf);
		return FD_DESC_TEXT;
	}
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);
	if (n <= 0)
		return FD_UNKNOWN;
	buf[n] = '\0';
	if (level >= 2) {
		unsigned long ino = socket_inode(buf);
		if (ino && sockdiag_describe(tgid, fd, ino, out))
			return FD_DESC_TEXT;
		if (ino) {
			sb_puts(out, buf);
			return FD_DESC_TEXT;
		}
		if (describe_dev(buf, (size_t)n, out) || describe_pidfd(tgid, fd, buf, out))
			return FD_DESC_TEXT;
	}
	sb_add(out, buf, (size_t)n);
	return FD_DESC_PATH;
}
