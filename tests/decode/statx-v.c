/* statx -v: every field the mask says is valid, timestamps with dates in comments. */
/* TRACE: -v -P f -e trace=statx */
#include "filetests.h"
#include <linux/stat.h>

static char out[4096];
static int n;

static void add(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void add(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	n += vsnprintf(out + n, sizeof(out) - (size_t)n, fmt, ap);
	va_end(ap);
}

static void add_ts(const char *name, const struct statx_timestamp *t)
{
	add(", %s={tv_sec=%lld, tv_nsec=%u}%s", name, (long long)t->tv_sec, t->tv_nsec,
	    tcomment(t->tv_sec, t->tv_nsec, 9));
}

/* statx attribute bits strace 6.1 names, in its order */
static void add_attrs(unsigned long long a)
{
	static const struct {
		unsigned long long v;
		const char *n;
	} names[] = {
	    {0x4, "STATX_ATTR_COMPRESSED"},    {0x10, "STATX_ATTR_IMMUTABLE"},
	    {0x20, "STATX_ATTR_APPEND"},       {0x40, "STATX_ATTR_NODUMP"},
	    {0x800, "STATX_ATTR_ENCRYPTED"},   {0x1000, "STATX_ATTR_AUTOMOUNT"},
	    {0x2000, "STATX_ATTR_MOUNT_ROOT"}, {0x100000, "STATX_ATTR_VERITY"},
	    {0x200000, "STATX_ATTR_DAX"},
	};
	int first = 1;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (a & names[i].v) {
			add("%s%s", first ? "" : "|", names[i].n);
			a &= ~names[i].v;
			first = 0;
		}
	if (a)
		add(first ? "%#llx /* STATX_ATTR_??? */" : "|%#llx", a);
	else if (first)
		add("0");
}

int main(void)
{
	struct statx *s = tail_alloc(sizeof(*s));
	struct timespec t[2] = {{1700000000, 5}, {1600000000, 0}};

	close(open("f", O_CREAT | O_WRONLY, 0640));
	utimensat(AT_FDCWD, "f", t, 0);
	long rc = syscall(__NR_statx, AT_FDCWD, "f", 0, STATX_BASIC_STATS, s);
	if (rc < 0)
		skip("no statx");
	unsigned m = s->stx_mask;
	if ((m & 0x7ff) != 0x7ff || (m & ~0x17ffU) || s->stx_attributes)
		skip("statx reports fields this test does not expect");
	add("{stx_mask=STATX_BASIC_STATS%s, stx_blksize=%u, stx_attributes=0",
	    m & 0x1000 ? "|STATX_MNT_ID" : "", s->stx_blksize);
	add(", stx_nlink=%u, stx_uid=%u, stx_gid=%u, stx_mode=%s, stx_ino=%llu, stx_size=%llu"
	    ", stx_blocks=%llu, stx_attributes_mask=",
	    s->stx_nlink, s->stx_uid, s->stx_gid, smode(s->stx_mode),
	    (unsigned long long)s->stx_ino, (unsigned long long)s->stx_size,
	    (unsigned long long)s->stx_blocks);
	add_attrs(s->stx_attributes_mask);
	add_ts("stx_atime", &s->stx_atime);
	add_ts("stx_ctime", &s->stx_ctime);
	add_ts("stx_mtime", &s->stx_mtime);
	add(", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
	    s->stx_rdev_major, s->stx_rdev_minor, s->stx_dev_major, s->stx_dev_minor);
	if (m & 0x1000)
		add(", stx_mnt_id=%#llx", (unsigned long long)s->stx_mnt_id);
	add("}");
	line(sprintrc(rc), "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, %s)",
	     out);
	unlink("f");
	printf("+++ exited with 0 +++\n");
	return 0;
}
