/* statx: sync type and AT_ flags, the mask, the abbreviated struct; its address on failure. */
/* TRACE: -P /dev/zero -P /nonexistent -e trace=statx */
#include "filetests.h"
#include <linux/stat.h>

static const char *masks(unsigned m)
{
	static char b[512];
	const char *names[] = {"STATX_TYPE",   "STATX_MODE",	"STATX_NLINK",	"STATX_UID",
			       "STATX_GID",    "STATX_ATIME",	"STATX_MTIME",	"STATX_CTIME",
			       "STATX_INO",    "STATX_SIZE",	"STATX_BLOCKS", "STATX_BTIME",
			       "STATX_MNT_ID", "STATX_DIOALIGN"};
	int n = 0;
	b[0] = '\0';
	if ((m & 0xfff) == 0xfff) {
		n += sprintf(b + n, "STATX_ALL");
		m &= ~0xfffU;
	} else if ((m & 0x7ff) == 0x7ff) {
		n += sprintf(b + n, "STATX_BASIC_STATS");
		m &= ~0x7ffU;
	}
	for (int i = 0; i < 14; i++)
		if (m & (1U << i)) {
			n += sprintf(b + n, "%s%s", n ? "|" : "", names[i]);
			m &= ~(1U << i);
		}
	if (m)
		sprintf(b + n, "%s%#x", n ? "|" : "", m);
	return b;
}

int main(void)
{
	struct statx *stx = tail_alloc(sizeof(*stx));
	long rc;

	rc = syscall(__NR_statx, AT_FDCWD, "/dev/zero", AT_SYMLINK_NOFOLLOW,
		     STATX_TYPE | STATX_SIZE, stx);
	if (rc < 0 && errno == ENOSYS)
		skip("no statx");
	if (stx->stx_attributes)
		skip("file attributes set on /dev/zero");
	line(sprintrc(rc),
	     "statx(AT_FDCWD, \"/dev/zero\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, "
	     "STATX_TYPE|STATX_SIZE, {stx_mask=%s, stx_attributes=0, stx_mode=%s, stx_size=%llu, "
	     "...})",
	     masks(stx->stx_mask), smode(stx->stx_mode), (unsigned long long)stx->stx_size);
	rc = syscall(__NR_statx, AT_FDCWD, "/nonexistent", AT_STATX_FORCE_SYNC, STATX_ALL, stx);
	line(sprintrc(rc), "statx(AT_FDCWD, \"/nonexistent\", AT_STATX_FORCE_SYNC, STATX_ALL, %p)",
	     (void *)stx);
	rc = syscall(__NR_statx, AT_FDCWD, "/dev/zero", AT_STATX_DONT_SYNC | AT_EMPTY_PATH,
		     STATX_BASIC_STATS | 0x80000000, NULL);
	line(sprintrc(rc), "statx(AT_FDCWD, \"/dev/zero\", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, "
			   "STATX_BASIC_STATS|0x80000000, NULL)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
