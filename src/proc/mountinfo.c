#include "proc/mountinfo.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int mountinfo_parse(FILE *f, struct mount_table *ret)
{
	struct mount_table t = {0};
	size_t cap = 0;
	char *line = NULL;
	size_t len = 0;

	while (getline(&line, &len, f) > 0) {
		struct mount_entry e = {0};
		char *sep = strstr(line, " - ");

		if (sscanf(line, "%d %*d %u:%u %*s %255s", &e.mnt_id, &e.major, &e.minor,
			   e.mountpoint) != 4 ||
		    !sep)
			continue;
		if (sscanf(sep + 3, "%31s", e.fstype) != 1)
			continue;
		if (t.n == cap) {
			cap = cap ? cap * 2 : 32;
			struct mount_entry *v = realloc(t.v, cap * sizeof(*v));

			if (!v) {
				free(line);
				free(t.v);
				return -ENOMEM;
			}
			t.v = v;
		}
		t.v[t.n++] = e;
	}
	free(line);
	*ret = t;
	return 0;
}

void mount_table_free(struct mount_table *t)
{
	free(t->v);
	*t = (struct mount_table){0};
}

const struct mount_entry *mount_find_id(const struct mount_table *t, int mnt_id)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].mnt_id == mnt_id)
			return &t->v[i];
	return NULL;
}

const struct mount_entry *mount_find_dev(const struct mount_table *t, unsigned int major,
					 unsigned int minor)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].major == major && t->v[i].minor == minor)
			return &t->v[i];
	return NULL;
}

const char *fstype_remote_extra;

bool fstype_is_remote(const char *fstype)
{
	if (fstype_remote_extra && strcmp(fstype, fstype_remote_extra) == 0)
		return true;
	static const char *const remote[] = {
	    "nfs",	 "nfs4",   "cifs", "smb3",  "smbfs", "ceph", "9p",    "afs",
	    "glusterfs", "lustre", "gfs2", "ocfs2", "ncpfs", "coda", "davfs", "sshfs"};

	if (strncmp(fstype, "fuse", 4) == 0)
		return true;
	for (size_t i = 0; i < sizeof(remote) / sizeof(remote[0]); i++)
		if (strcmp(fstype, remote[i]) == 0)
			return true;
	return false;
}

bool fstype_stat_remaps(const char *fstype)
{
	static const char *const remap[] = {"btrfs", "overlay", "bcachefs"};

	for (size_t i = 0; i < sizeof(remap) / sizeof(remap[0]); i++)
		if (strcmp(fstype, remap[i]) == 0)
			return true;
	return false;
}

const struct mount_entry *mount_find_path(const struct mount_table *t, const char *path)
{
	const struct mount_entry *best = NULL;
	size_t best_len = 0;

	for (size_t i = 0; i < t->n; i++) {
		const char *mp = t->v[i].mountpoint;
		size_t n = strlen(mp);

		if (strcmp(mp, "/") == 0)
			n = 0;
		else if (strncmp(path, mp, n) != 0 || (path[n] != '/' && path[n] != '\0'))
			continue;
		if (!best || n >= best_len) {
			best = &t->v[i];
			best_len = n;
		}
	}
	return best;
}
