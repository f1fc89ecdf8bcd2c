/* /proc/PID/mountinfo: mount id -> device and filesystem type, so scry can tell which open
 * files live on network filesystems without touching them. */
#pragma once
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

struct mount_entry {
	int mnt_id;
	unsigned int major, minor;
	char fstype[32];
	char mountpoint[256]; /* octal escapes (\\040) left as the kernel wrote them */
};

struct mount_table {
	struct mount_entry *v;
	size_t n;
};

/* Parses mountinfo text. Malformed lines are skipped. Returns 0 or -ENOMEM. */
int mountinfo_parse(FILE *f, struct mount_table *ret);
void mount_table_free(struct mount_table *t);

const struct mount_entry *mount_find_id(const struct mount_table *t, int mnt_id);
const struct mount_entry *mount_find_dev(const struct mount_table *t, unsigned int major,
					 unsigned int minor);

/* One more filesystem type to treat as remote (tests set it from SCRY_REMOTE_FSTYPE). */
extern const char *fstype_remote_extra;

/* True for filesystems whose getattr may wait on a server (nfs, cifs, fuse, ...). */
bool fstype_is_remote(const char *fstype);
/* Whether stat() on this filesystem reports another device or inode number than the inode's
 * own fields (its getattr remaps them: btrfs subvolumes, overlayfs), so that only a real
 * stat gives what lsof shows. */
bool fstype_stat_remaps(const char *fstype);

/* The mount whose mountpoint is the longest prefix of path (an absolute path). */
const struct mount_entry *mount_find_path(const struct mount_table *t, const char *path);
