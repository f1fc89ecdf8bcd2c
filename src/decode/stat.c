/* struct stat, struct statx and struct statfs, as strace prints them: abbreviated by default
 * ({st_mode=S_IFREG|0644, st_size=42579, ...}), every field with -v. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "decode/file.h"

#ifndef STATX_MNT_ID
#define STATX_MNT_ID 0x1000U
#endif
#ifndef STATX_DIOALIGN
#define STATX_DIOALIGN 0x2000U
#endif
#ifndef AT_STATX_SYNC_TYPE
#define AT_STATX_SYNC_TYPE 0x6000
#endif
#define ST_VALID 0x0020

static void print_stat_time(struct dctx *d, const char *name, const char *nsname, int64_t sec,
			    uint64_t nsec)
{
	pr_field(d->p, name);
	pr_int(d->p, sec);
	print_time_comment(d, sec, nsec, 9);
	pr_field(d->p, nsname);
	pr_uint(d->p, nsec);
}

/* x86_64's struct stat is the kernel's: glibc's layout is the same. */
static void print_stat_val(struct dctx *d, const struct stat *st)
{
	bool full = d->o->verbose;

	pr_struct_begin(d->p);
	if (full) {
		pr_field(d->p, "st_dev");
		print_dev(d, st->st_dev);
		pr_field(d->p, "st_ino");
		pr_uint(d->p, st->st_ino);
	}
	pr_field(d->p, "st_mode");
	print_symbolic_mode(d, st->st_mode);
	if (full) {
		pr_field(d->p, "st_nlink");
		pr_uint(d->p, st->st_nlink);
		pr_field(d->p, "st_uid");
		pr_uint(d->p, st->st_uid);
		pr_field(d->p, "st_gid");
		pr_uint(d->p, st->st_gid);
		pr_field(d->p, "st_blksize");
		pr_uint(d->p, (uint64_t)st->st_blksize);
		pr_field(d->p, "st_blocks");
		pr_uint(d->p, (uint64_t)st->st_blocks);
	}
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
		pr_field(d->p, "st_rdev");
		print_dev(d, st->st_rdev);
	} else {
		pr_field(d->p, "st_size");
		pr_uint(d->p, (uint64_t)st->st_size);
	}
	if (full) {
		print_stat_time(d, "st_atime", "st_atime_nsec", st->st_atim.tv_sec,
				(uint64_t)st->st_atim.tv_nsec);
		print_stat_time(d, "st_mtime", "st_mtime_nsec", st->st_mtim.tv_sec,
				(uint64_t)st->st_mtim.tv_nsec);
		print_stat_time(d, "st_ctime", "st_ctime_nsec", st->st_ctim.tv_sec,
				(uint64_t)st->st_ctim.tv_nsec);
	} else {
		pr_more(d->p);
	}
	pr_struct_end(d->p);
}

void print_struct_stat(struct dctx *d, uint64_t addr)
{
	struct stat st;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, st) < 0)
		pr_hex(d->p, addr);
	else
		print_stat_val(d, &st);
}

const struct struct_printer sp_stat = {"stat", print_struct_stat, sizeof(struct stat)};

static void print_statx_ts(struct dctx *d, const char *name, const struct statx_timestamp *t)
{
	pr_field(d->p, name);
	pr_struct_begin(d->p);
	pr_field(d->p, "tv_sec");
	pr_int(d->p, t->tv_sec);
	pr_field(d->p, "tv_nsec");
	pr_uint(d->p, t->tv_nsec);
	pr_struct_end(d->p);
	print_time_comment(d, t->tv_sec, t->tv_nsec, 9);
}

static void print_statx_val(struct dctx *d, const struct statx *s)
{
	bool full = d->o->verbose;
	unsigned m = s->stx_mask;

	pr_struct_begin(d->p);
	pr_field(d->p, "stx_mask");
	pr_flags(d->p, &xl_statx_masks, m, "STATX_???");
	if (full) {
		pr_field(d->p, "stx_blksize");
		pr_uint(d->p, s->stx_blksize);
	}
	pr_field(d->p, "stx_attributes");
	pr_flags(d->p, &xl_statx_attrs, s->stx_attributes, "STATX_ATTR_???");
	if (full) {
		if (m & STATX_NLINK) {
			pr_field(d->p, "stx_nlink");
			pr_uint(d->p, s->stx_nlink);
		}
		if (m & STATX_UID) {
			pr_field(d->p, "stx_uid");
			print_id(d, s->stx_uid);
		}
		if (m & STATX_GID) {
			pr_field(d->p, "stx_gid");
			print_id(d, s->stx_gid);
		}
	}
	if (m & (STATX_TYPE | STATX_MODE)) {
		pr_field(d->p, "stx_mode");
		print_symbolic_mode(d, s->stx_mode);
	}
	if (full && (m & STATX_INO)) {
		pr_field(d->p, "stx_ino");
		pr_uint(d->p, s->stx_ino);
	}
	if (m & STATX_SIZE) {
		pr_field(d->p, "stx_size");
		pr_uint(d->p, s->stx_size);
	}
	if (!full) {
		pr_more(d->p);
		pr_struct_end(d->p);
		return;
	}
	if (m & STATX_BLOCKS) {
		pr_field(d->p, "stx_blocks");
		pr_uint(d->p, s->stx_blocks);
	}
	pr_field(d->p, "stx_attributes_mask");
	pr_flags(d->p, &xl_statx_attrs, s->stx_attributes_mask, "STATX_ATTR_???");
	if (m & STATX_ATIME)
		print_statx_ts(d, "stx_atime", &s->stx_atime);
	if (m & STATX_BTIME)
		print_statx_ts(d, "stx_btime", &s->stx_btime);
	if (m & STATX_CTIME)
		print_statx_ts(d, "stx_ctime", &s->stx_ctime);
	if (m & STATX_MTIME)
		print_statx_ts(d, "stx_mtime", &s->stx_mtime);
	pr_field(d->p, "stx_rdev_major");
	pr_uint(d->p, s->stx_rdev_major);
	pr_field(d->p, "stx_rdev_minor");
	pr_uint(d->p, s->stx_rdev_minor);
	pr_field(d->p, "stx_dev_major");
	pr_uint(d->p, s->stx_dev_major);
	pr_field(d->p, "stx_dev_minor");
	pr_uint(d->p, s->stx_dev_minor);
	if (m & STATX_MNT_ID) {
		pr_field(d->p, "stx_mnt_id");
		pr_hex(d->p, s->stx_mnt_id);
	}
	if (m & STATX_DIOALIGN) {
		/* the two u32 after stx_mnt_id */
		const uint32_t *dio = (const uint32_t *)((const char *)&s->stx_mnt_id + 8);
		pr_field(d->p, "stx_dio_mem_align");
		pr_uint(d->p, dio[0]);
		pr_field(d->p, "stx_dio_offset_align");
		pr_uint(d->p, dio[1]);
	}
	pr_struct_end(d->p);
}

/* statx(dirfd, path, flags, mask, statxbuf) */
int dec_statx(struct dctx *d)
{
	if (!d->exiting) {
		unsigned flags = (unsigned)arg(d, 2);
		print_dirfd(d, (int)arg(d, 0));
		print_path(d, arg(d, 1));
		if (d->p->json) {
			/* one list: the sync type and the AT_ flags together */
			pr_flags(d->p, &xl_at_flags, flags, NULL);
		} else {
			struct strbuf sb = {0};
			int style = d->o->xlat_style;
			/* strace prints nothing for a zero sync type with -X raw */
			if (style != XS_RAW || (flags & AT_STATX_SYNC_TYPE))
				sb_flags(&sb, &xl_statx_sync_types, flags & AT_STATX_SYNC_TYPE,
					 style, NULL);
			if (flags & ~(unsigned)AT_STATX_SYNC_TYPE) {
				sb_putc(&sb, '|');
				sb_flags(&sb, &xl_at_flags, flags & ~(unsigned)AT_STATX_SYNC_TYPE,
					 style, NULL);
			}
			pr_raw(d->p, "%s", sb.buf ? sb.buf : "");
			sb_free(&sb);
		}
		pr_flags(d->p, &xl_statx_masks, (unsigned)arg(d, 3), "STATX_???");
		return DEC_MORE;
	}
	struct statx s;
	uint64_t addr = arg(d, 4);
	if (syserror(d) || !addr || mem_read_obj(d, addr, s) < 0)
		pr_ptr(d->p, addr);
	else
		print_statx_val(d, &s);
	return DEC_DONE;
}

static void print_struct_statfs(struct dctx *d, uint64_t addr)
{
	struct statfs b;

	if (mem_read_obj(d, addr, b) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "f_type");
	pr_xval(d->p, &xl_fsmagic, (uint64_t)b.f_type, NULL);
	pr_field(d->p, "f_bsize");
	pr_uint(d->p, (uint64_t)b.f_bsize);
	pr_field(d->p, "f_blocks");
	pr_uint(d->p, b.f_blocks);
	pr_field(d->p, "f_bfree");
	pr_uint(d->p, b.f_bfree);
	pr_field(d->p, "f_bavail");
	pr_uint(d->p, b.f_bavail);
	pr_field(d->p, "f_files");
	pr_uint(d->p, b.f_files);
	pr_field(d->p, "f_ffree");
	pr_uint(d->p, b.f_ffree);
	pr_field(d->p, "f_fsid");
	pr_struct_begin(d->p);
	pr_field(d->p, "val");
	pr_array_begin(d->p);
	pr_hex(d->p, (unsigned)b.f_fsid.__val[0]);
	pr_hex(d->p, (unsigned)b.f_fsid.__val[1]);
	pr_array_end(d->p);
	pr_struct_end(d->p);
	pr_field(d->p, "f_namelen");
	pr_uint(d->p, (uint64_t)b.f_namelen);
	pr_field(d->p, "f_frsize");
	pr_uint(d->p, (uint64_t)b.f_frsize);
	if (b.f_flags & ST_VALID) {
		pr_field(d->p, "f_flags");
		pr_flags(d->p, &xl_statfs_flags, (uint64_t)b.f_flags, "ST_???");
	}
	pr_struct_end(d->p);
}

const struct struct_printer sp_statfs = {"statfs", print_struct_statfs, sizeof(struct statfs)};
