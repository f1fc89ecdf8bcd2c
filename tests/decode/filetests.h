/* Helpers for the file-syscall decode tests: formatting the values the kernel was given or
 * returned the way strace prints them. */
#pragma once
#include "tests.h"

#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>

/* LINE(ret, fmt, ...): one trace line whose call part is formatted */
static inline void line(const char *ret, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void line(const char *ret, const char *fmt, ...)
{
	char call[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(call, sizeof(call), fmt, ap);
	va_end(ap);
	print_line("", call, ret);
}

/* " /\* 2024-01-02T03:04:05.000000006+0000 *\/" or "" (time 0) */
static inline const char *tcomment(long long sec, unsigned long long part, int width)
{
	static char buf[4][128];
	static int i;
	char *b = buf[i++ & 3];
	time_t t = (time_t)sec;
	struct tm tm;
	size_t n;

	b[0] = '\0';
	if (sec == 0 && part == 0)
		return b;
	localtime_r(&t, &tm);
	n = (size_t)sprintf(b, " /* ");
	n += strftime(b + n, 64, "%FT%T", &tm);
	if (part)
		n += (size_t)sprintf(b + n, ".%0*llu", width, part);
	n += strftime(b + n, 16, "%z", &tm);
	sprintf(b + n, " */");
	return b;
}

/* st_mode as strace prints it, abbreviated style */
static inline const char *smode(unsigned m)
{
	static char buf[4][64];
	static int i;
	char *b = buf[i++ & 3];
	const char *t = S_ISREG(m)    ? "S_IFREG|"
			: S_ISDIR(m)  ? "S_IFDIR|"
			: S_ISCHR(m)  ? "S_IFCHR|"
			: S_ISBLK(m)  ? "S_IFBLK|"
			: S_ISLNK(m)  ? "S_IFLNK|"
			: S_ISFIFO(m) ? "S_IFIFO|"
			: S_ISSOCK(m) ? "S_IFSOCK|"
				      : "";
	sprintf(b, "%s%s%s%s%#03o", t, m & S_ISUID ? "S_ISUID|" : "", m & S_ISGID ? "S_ISGID|" : "",
		m & S_ISVTX ? "S_ISVTX|" : "", m & 0777);
	return b;
}

/* struct stat, abbreviated or -v */
static inline const char *sstat(const struct stat *st, int verbose)
{
	static char buf[2][1024];
	static int i;
	char *b = buf[i++ & 1];
	int n = 0;

	n += sprintf(b + n, "{");
	if (verbose)
		n += sprintf(b + n, "st_dev=makedev(%#x, %#x), st_ino=%llu, ", major(st->st_dev),
			     minor(st->st_dev), (unsigned long long)st->st_ino);
	n += sprintf(b + n, "st_mode=%s, ", smode(st->st_mode));
	if (verbose)
		n += sprintf(b + n,
			     "st_nlink=%lu, st_uid=%u, st_gid=%u, st_blksize=%ld, st_blocks=%ld, ",
			     (unsigned long)st->st_nlink, st->st_uid, st->st_gid,
			     (long)st->st_blksize, (long)st->st_blocks);
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		n += sprintf(b + n, "st_rdev=makedev(%#x, %#x)", major(st->st_rdev),
			     minor(st->st_rdev));
	else
		n += sprintf(b + n, "st_size=%lld", (long long)st->st_size);
	if (!verbose) {
		sprintf(b + n, ", ...}");
		return b;
	}
	const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
	const char *names[3] = {"atime", "mtime", "ctime"};
	for (int k = 0; k < 3; k++)
		n += sprintf(b + n, ", st_%s=%lld%s, st_%s_nsec=%lu", names[k],
			     (long long)ts[k]->tv_sec,
			     tcomment(ts[k]->tv_sec, (unsigned long long)ts[k]->tv_nsec, 9),
			     names[k], (unsigned long)ts[k]->tv_nsec);
	sprintf(b + n, "}");
	return b;
}
