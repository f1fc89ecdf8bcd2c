/* statfs, fstatfs: every field of struct statfs; the address on failure. */
/* TRACE: -P / -P /nonexistent -e trace=statfs,fstatfs */
#include "filetests.h"
#include <linux/magic.h>
#include <sys/vfs.h>

static const char *sstatfs(const struct statfs *b)
{
	static char buf[1024], type[64], flags[256];
	static const struct {
		long v;
		const char *n;
	} types[] = {
	    {EXT2_SUPER_MAGIC, "EXT2_SUPER_MAGIC"}, {TMPFS_MAGIC, "TMPFS_MAGIC"},
	    {0x794c7630, "OVERLAYFS_SUPER_MAGIC"},  {BTRFS_SUPER_MAGIC, "BTRFS_SUPER_MAGIC"},
	    {XFS_SUPER_MAGIC, "XFS_SUPER_MAGIC"},   {PROC_SUPER_MAGIC, "PROC_SUPER_MAGIC"},
	};
	static const char *fl[] = {"ST_RDONLY",
				   "ST_NOSUID",
				   "ST_NODEV",
				   "ST_NOEXEC",
				   "ST_SYNCHRONOUS",
				   NULL,
				   "ST_MANDLOCK",
				   NULL,
				   NULL,
				   NULL,
				   "ST_NOATIME",
				   "ST_NODIRATIME",
				   "ST_RELATIME",
				   "ST_NOSYMFOLLOW"};
	sprintf(type, "%#lx", (long)b->f_type);
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].v == b->f_type)
			strcpy(type, types[i].n);
	int n = sprintf(
	    buf,
	    "{f_type=%s, f_bsize=%ld, f_blocks=%lu, f_bfree=%lu, f_bavail=%lu, "
	    "f_files=%lu, f_ffree=%lu, f_fsid={val=[%#x, %#x]}, f_namelen=%ld, f_frsize=%ld",
	    type, (long)b->f_bsize, b->f_blocks, b->f_bfree, b->f_bavail, b->f_files, b->f_ffree,
	    (unsigned)b->f_fsid.__val[0], (unsigned)b->f_fsid.__val[1], (long)b->f_namelen,
	    (long)b->f_frsize);
	if (b->f_flags & 0x20) {
		unsigned long f = b->f_flags & ~0x20UL;
		int k = sprintf(flags, "ST_VALID");
		for (int i = 0; i < 14; i++)
			if ((f & (1UL << i)) && fl[i]) {
				k += sprintf(flags + k, "|%s", fl[i]);
				f &= ~(1UL << i);
			}
		if (f)
			sprintf(flags + k, "|%#lx", f);
		n += sprintf(buf + n, ", f_flags=%s", flags);
	}
	sprintf(buf + n, "}");
	return buf;
}

int main(void)
{
	struct statfs *b = tail_alloc(sizeof(*b));
	long rc;

	rc = syscall(__NR_statfs, "/", b);
	line(sprintrc(rc), "statfs(\"/\", %s)", sstatfs(b));
	rc = syscall(__NR_statfs, "/nonexistent", b);
	line(sprintrc(rc), "statfs(\"/nonexistent\", %p)", (void *)b);
	int fd = open("/", O_RDONLY | O_DIRECTORY);
	rc = syscall(__NR_fstatfs, fd, b);
	line(sprintrc(rc), "fstatfs(%d, %s)", fd, sstatfs(b));
	rc = syscall(__NR_fstatfs, fd, (char *)b + 1);
	line(sprintrc(rc), "fstatfs(%d, %p)", fd, (char *)b + 1);
	printf("+++ exited with 0 +++\n");
	return 0;
}
