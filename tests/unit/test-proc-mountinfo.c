/* mountinfo parser and lookups on a captured /proc/PID/mountinfo. */
#include "proc/mountinfo.h"
#include "test-proc-helpers.h"

static const char text[] =
    "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n"
    "17 26 0:16 / /sys rw,nosuid - sysfs sysfs rw\n"
    "40 26 0:45 / /mnt/nfs rw,relatime shared:7 - nfs4 srv:/export rw,vers=4.2\n"
    "41 40 0:46 / /mnt/nfs/local rw - tmpfs tmpfs rw\n"
    "42 26 0:47 / /home/u/fuse rw - fuse.sshfs u@h: rw\n"
    "garbage line\n"
    "43 26 0:48 / /mnt/nfsish rw - ext4 /dev/vdb rw\n";

int main(void)
{
	struct mount_table t;
	FILE *f = text_file(text);

	CHECK(mountinfo_parse(f, &t) == 0);
	fclose(f);
	CHECK(t.n == 6);
	const struct mount_entry *m = mount_find_id(&t, 40);

	CHECK(m && m->major == 0 && m->minor == 45);
	CHECK_STR(m ? m->fstype : NULL, "nfs4");
	CHECK(fstype_is_remote("nfs4") && fstype_is_remote("fuse.sshfs") &&
	      fstype_is_remote("cifs"));
	CHECK(!fstype_is_remote("ext4") && !fstype_is_remote("tmpfs"));
	CHECK(fstype_stat_remaps("btrfs") && fstype_stat_remaps("overlay"));
	CHECK(!fstype_stat_remaps("ext4") && !fstype_stat_remaps("tmpfs") &&
	      !fstype_stat_remaps("xfs"));
	m = mount_find_dev(&t, 254, 0);
	CHECK(m && m->mnt_id == 26);
	CHECK(mount_find_id(&t, 99) == NULL);

	/* longest mountpoint prefix, on component boundaries */
	m = mount_find_path(&t, "/mnt/nfs/a/b");
	CHECK(m && m->mnt_id == 40);
	m = mount_find_path(&t, "/mnt/nfs/local/x");
	CHECK(m && m->mnt_id == 41);
	m = mount_find_path(&t, "/mnt/nfsx/y");
	CHECK(m && m->mnt_id == 26);
	m = mount_find_path(&t, "/mnt/nfs");
	CHECK(m && m->mnt_id == 40);
	m = mount_find_path(&t, "/etc/passwd");
	CHECK(m && m->mnt_id == 26);
	mount_table_free(&t);
	return failures != 0;
}
