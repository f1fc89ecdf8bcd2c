/* File syscalls whose printing depends on other arguments or on the return value:
 * getcwd, getdents/getdents64, mknod, mount, the xattr family, utime/utimes/utimensat. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>

#include "decode/file.h"

#define XATTR_SIZE_MAX 65536
#define D_NAME_LEN_MAX 256
#ifndef UTIME_NOW
#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#endif

/* getcwd(buf, size): the path at exit */
int dec_getcwd(struct dctx *d)
{
	if (!d->exiting)
		return DEC_MORE;
	if (syserror(d))
		pr_ptr(d->p, arg(d, 0));
	else
		print_path(d, arg(d, 0));
	pr_uint(d->p, arg(d, 1));
	return DEC_DONE;
}

/* The kernel's directory entries (linux_dirent64 and the old linux_dirent). */
struct dent64_head {
	uint64_t d_ino;
	uint64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
} __attribute__((packed));

struct dent_head {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
} __attribute__((packed));

/* d_name: at most n bytes, "..." when no NUL is within the n+1 bytes read */
static void print_dname(struct dctx *d, uint64_t addr, unsigned n)
{
	char buf[D_NAME_LEN_MAX + 1];

	if (mem_read(d, addr, buf, n + 1) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	char *z = memchr(buf, '\0', n + 1);
	size_t len = z ? (size_t)(z - buf) : n;
	pr_quoted(d->p, buf, len > n ? n : len, !z, false);
}

/* One entry, -v only. Returns false when the tail could not be read. */
static bool print_dentry(struct dctx *d, uint64_t addr, const void *head, bool is64,
			 unsigned reclen)
{
	pr_struct_begin(d->p);
	if (is64) {
		const struct dent64_head *h = head;
		unsigned name_len = reclen - sizeof(*h);
		pr_field(d->p, "d_ino");
		pr_uint(d->p, h->d_ino);
		pr_field(d->p, "d_off");
		pr_uint(d->p, h->d_off);
		pr_field(d->p, "d_reclen");
		pr_uint(d->p, h->d_reclen);
		pr_field(d->p, "d_type");
		pr_xval(d->p, &xl_dirent_types, h->d_type, "DT_???");
		if (name_len) {
			if (name_len > D_NAME_LEN_MAX)
				name_len = D_NAME_LEN_MAX;
			pr_field(d->p, "d_name");
			print_dname(d, addr + sizeof(*h), name_len - 1);
		}
	} else {
		const struct dent_head *h = head;
		unsigned name_type_len = reclen - sizeof(*h);
		pr_field(d->p, "d_ino");
		pr_uint(d->p, h->d_ino);
		pr_field(d->p, "d_off");
		pr_uint(d->p, h->d_off);
		pr_field(d->p, "d_reclen");
		pr_uint(d->p, h->d_reclen);
		if (name_type_len) {
			unsigned name_len = name_type_len - 1;
			unsigned char type;
			if (name_len) {
				if (name_len > D_NAME_LEN_MAX)
					name_len = D_NAME_LEN_MAX;
				pr_field(d->p, "d_name");
				print_dname(d, addr + sizeof(*h), name_len - 1);
			}
			pr_field(d->p, "d_type");
			if (mem_read_obj(d, addr + sizeof(*h) + name_type_len - 1, type) < 0) {
				pr_hex(d->p, addr + sizeof(*h) + name_type_len - 1);
				pr_struct_end(d->p);
				return false;
			}
			pr_xval(d->p, &xl_dirent_types, type, "DT_???");
		}
	}
	pr_struct_end(d->p);
	return true;
}

static void print_dents(struct dctx *d, uint64_t addr, unsigned len, bool is64)
{
	const unsigned hsize = is64 ? sizeof(struct dent64_head) : sizeof(struct dent_head);
	bool full = d->o->verbose;
	unsigned count = 0;
	union {
		struct dent64_head h64;
		struct dent_head h;
	} u;

	if (!full)
		pr_ptr(d->p, addr);
	for (;;) {
		if (len < hsize) {
			if (full && !len && !count) {
				pr_array_begin(d->p);
				count++;
			} else if (full && !count) {
				/* a fragment: strace shows its bytes in hex */
				struct print_opts o = *d->o;
				const struct print_opts *saved = d->p->o;
				o.xflag = 2;
				d->p->o = &o;
				print_buf(d, addr, len);
				d->p->o = saved;
			}
			break;
		}
		if (mem_read(d, addr, &u, hsize) < 0) {
			if (full && count) {
				pr_more(d->p);
				pr_comment(d->p, "%#llx", (unsigned long long)addr);
			} else if (full) {
				pr_hex(d->p, addr);
			}
			break;
		}
		if (full && !count)
			pr_array_begin(d->p);
		count++;
		unsigned reclen = is64 ? u.h64.d_reclen : u.h.d_reclen;
		unsigned next_len = 0;
		uint64_t next = 0;
		if (reclen > len) {
			reclen = len;
		} else if (reclen < hsize) {
			reclen = hsize;
			next_len = len - hsize;
		} else {
			next_len = len - reclen;
			if (next_len)
				next = addr + reclen;
		}
		len = next_len;
		if (full && !print_dentry(d, addr, &u, is64, reclen) && next) {
			pr_more(d->p);
			break;
		}
		if (!next)
			break;
		addr = next;
	}
	if (full) {
		if (count)
			pr_array_end(d->p);
	} else {
		pr_comment(d->p, "%u%s entries", count, len ? "+" : "");
	}
}

static int decode_getdents(struct dctx *d, bool is64)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		return DEC_MORE;
	}
	unsigned count = (unsigned)arg(d, 2);
	if (syserror(d) || (uint64_t)d->ev->ret > count)
		pr_ptr(d->p, arg(d, 1));
	else
		print_dents(d, arg(d, 1), (unsigned)d->ev->ret, is64);
	pr_uint(d->p, count);
	return DEC_DONE;
}

int dec_getdents64(struct dctx *d)
{
	return decode_getdents(d, true);
}

int dec_getdents(struct dctx *d)
{
	return decode_getdents(d, false);
}

/* mknod(path, mode, dev) / mknodat(dirfd, ...): dev only for devices */
static int decode_mknod(struct dctx *d, int at)
{
	unsigned short mode = (unsigned short)arg(d, at + 1);

	print_path(d, arg(d, at));
	print_symbolic_mode(d, mode);
	if (S_ISCHR(mode) || S_ISBLK(mode))
		print_dev(d, (unsigned)arg(d, at + 2));
	return DEC_DONE;
}

int dec_mknod(struct dctx *d)
{
	return decode_mknod(d, 0);
}

int dec_mknodat(struct dctx *d)
{
	print_dirfd(d, (int)arg(d, 0));
	return decode_mknod(d, 1);
}

/* mount(source, target, fstype, flags, data): fstype and data are strings unless the flags
 * say they are ignored */
int dec_mount(struct dctx *d)
{
	enum { MGC_VAL = 0xc0ed0000, MGC_MSK = 0xffff0000 };
	enum {
		REMOUNT = 0x20,
		BIND = 0x1000,
		MOVE = 0x2000,
		UNBINDABLE = 0x20000,
		PRIVATE = 0x40000,
		SLAVE = 0x80000,
		SHARED = 0x100000
	};
	uint64_t flags = arg(d, 3);
	bool ignore_type = false, ignore_data = false, magic = false;

	if ((flags & MGC_MSK) == MGC_VAL) {
		flags &= ~(uint64_t)MGC_MSK;
		magic = true;
	}
	if (flags & REMOUNT)
		ignore_type = true;
	else if (flags & (BIND | MOVE | SHARED | PRIVATE | SLAVE | UNBINDABLE))
		ignore_type = ignore_data = true;
	print_path(d, arg(d, 0));
	print_path(d, arg(d, 1));
	if (ignore_type)
		pr_ptr(d->p, arg(d, 2));
	else
		print_str(d, arg(d, 2));
	if (magic) {
		struct strbuf sb = {0};
		if (d->o->xlat_style == XS_RAW)
			sb_printf(&sb, "%#x", MGC_VAL);
		else if (d->o->xlat_style == XS_VERBOSE)
			sb_printf(&sb, "%#x /* MS_MGC_VAL */", MGC_VAL);
		else
			sb_puts(&sb, "MS_MGC_VAL");
		if (flags) {
			sb_putc(&sb, '|');
			sb_flags(&sb, &xl_mount_flags, flags, d->o->xlat_style, "MS_???");
		}
		pr_raw(d->p, "%s", sb.buf);
		sb_free(&sb);
	} else {
		pr_flags(d->p, &xl_mount_flags, flags, "MS_???");
	}
	if (ignore_data)
		pr_ptr(d->p, arg(d, 4));
	else
		print_str(d, arg(d, 4));
	return DEC_DONE;
}

/* An xattr value: size bytes (cut by -s) without a trailing NUL; the address when size is
 * beyond what the kernel accepts */
static void print_xattr_val(struct dctx *d, uint64_t addr, uint64_t size)
{
	if (size > XATTR_SIZE_MAX || !addr) {
		pr_ptr(d->p, addr);
		return;
	}
	unsigned show = size < d->o->strsize ? (unsigned)size : d->o->strsize;
	char *buf = malloc(show + 1);
	if (mem_read(d, addr, buf, show) < 0) {
		pr_hex(d->p, addr);
	} else {
		bool nul = show && buf[show - 1] == '\0';
		pr_quoted(d->p, buf, nul ? show - 1 : show, !nul && size > show, false);
	}
	free(buf);
}

/* setxattr(path, name, value, size, flags) and fsetxattr(fd, ...) */
int dec_setxattr(struct dctx *d)
{
	print_arg_kind(d, 0);
	print_str(d, arg(d, 1));
	print_xattr_val(d, arg(d, 2), arg(d, 3));
	pr_uint(d->p, arg(d, 3));
	pr_flags(d->p, &xl_xattr_flags, arg(d, 4), "XATTR_???");
	return DEC_DONE;
}

/* getxattr(path, name, value, size) and fgetxattr: the value at exit, its length the
 * return value */
int dec_getxattr(struct dctx *d)
{
	if (!d->exiting) {
		print_arg_kind(d, 0);
		print_str(d, arg(d, 1));
		return DEC_MORE;
	}
	print_xattr_val(d, arg(d, 2), (uint64_t)d->ev->ret);
	pr_uint(d->p, arg(d, 3));
	return DEC_DONE;
}

/* listxattr(path, list, size) and flistxattr: the list at exit */
int dec_listxattr(struct dctx *d)
{
	if (!d->exiting) {
		print_arg_kind(d, 0);
		return DEC_MORE;
	}
	uint64_t addr = arg(d, 1), size = arg(d, 2);
	if (!size || syserror(d))
		pr_ptr(d->p, addr);
	else
		print_buf(d, addr, (uint64_t)d->ev->ret);
	pr_uint(d->p, size);
	return DEC_DONE;
}

/* listxattrat(dirfd, path, at_flags, list, size): as listxattr after the flags (strace 7) */
int dec_listxattrat(struct dctx *d)
{
	if (!d->exiting) {
		print_dirfd(d, (int)arg(d, 0));
		print_path(d, arg(d, 1));
		pr_flags(d->p, &xl_xattrat_flags, arg(d, 2), "AT_???");
		return DEC_MORE;
	}
	uint64_t addr = arg(d, 3), size = arg(d, 4);
	if (!size || syserror(d))
		pr_ptr(d->p, addr);
	else
		print_buf(d, addr, (uint64_t)d->ev->ret);
	pr_uint(d->p, size);
	return DEC_DONE;
}

/* struct xattr_args { u64 value; u32 size; u32 flags; } of setxattrat/getxattrat */
struct xattr_args_k {
	uint64_t value;
	uint32_t size;
	uint32_t flags;
};

static void print_xattr_args(struct dctx *d, const struct xattr_args_k *a, bool value,
			     uint64_t vsize)
{
	pr_struct_begin(d->p);
	pr_field(d->p, "value");
	if (value)
		print_xattr_val(d, a->value, vsize);
	else
		pr_ptr(d->p, a->value);
	pr_field(d->p, "size");
	pr_uint(d->p, a->size);
	pr_field(d->p, "flags");
	pr_flags(d->p, &xl_xattr_flags, a->flags, "XATTR_???");
	pr_struct_end(d->p);
}

static bool read_xattr_args(struct dctx *d, uint64_t addr, uint64_t size, struct xattr_args_k *a)
{
	if (size < sizeof(*a) || mem_read_obj(d, addr, *a) < 0) {
		pr_ptr(d->p, addr);
		return false;
	}
	return true;
}

static void print_dirfd_path_flags_name(struct dctx *d)
{
	print_dirfd(d, (int)arg(d, 0));
	print_path(d, arg(d, 1));
	pr_flags(d->p, &xl_xattrat_flags, arg(d, 2), "AT_???");
	print_str(d, arg(d, 3));
}

/* setxattrat(dirfd, path, at_flags, name, args, size) (Linux 6.13, strace 7) */
int dec_setxattrat(struct dctx *d)
{
	struct xattr_args_k a;

	print_dirfd_path_flags_name(d);
	if (read_xattr_args(d, arg(d, 4), arg(d, 5), &a))
		print_xattr_args(d, &a, true, (uint64_t)(int64_t)(int32_t)a.size);
	pr_uint(d->p, arg(d, 5));
	return DEC_DONE;
}

/* getxattrat(dirfd, path, at_flags, name, args, size): the value at exit */
int dec_getxattrat(struct dctx *d)
{
	struct xattr_args_k a;

	if (!d->exiting) {
		print_dirfd_path_flags_name(d);
		if (!read_xattr_args(d, arg(d, 4), arg(d, 5), &a)) {
			pr_uint(d->p, arg(d, 5));
			return DEC_DONE;
		}
		if (a.size) {
			d->priv[0] = 1;
			d->priv[1] = a.value;
			d->priv[2] = ((uint64_t)a.flags << 32) | a.size;
			return DEC_MORE;
		}
		print_xattr_args(d, &a, false, 0);
		pr_uint(d->p, arg(d, 5));
		return DEC_DONE;
	}
	a.value = d->priv[1];
	a.size = (uint32_t)d->priv[2];
	a.flags = (uint32_t)(d->priv[2] >> 32);
	print_xattr_args(d, &a, true, (uint64_t)d->ev->ret);
	pr_uint(d->p, arg(d, 5));
	return DEC_DONE;
}

/* utime(path, {actime, modtime}) */
static void print_utimbuf(struct dctx *d, uint64_t addr)
{
	struct {
		long actime, modtime;
	} u;

	if (mem_read_obj(d, addr, u) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "actime");
	pr_int(d->p, u.actime);
	print_time_comment(d, u.actime, 0, 0);
	pr_field(d->p, "modtime");
	pr_int(d->p, u.modtime);
	print_time_comment(d, u.modtime, 0, 0);
	pr_struct_end(d->p);
}

/* utimes/futimesat: [{tv_sec, tv_usec}, {tv_sec, tv_usec}] with times in comments */
static void print_timeval_pair(struct dctx *d, uint64_t addr)
{
	struct timeval tv[2];

	if (mem_read_obj(d, addr, tv) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_array_begin(d->p);
	for (int i = 0; i < 2; i++) {
		pr_struct_begin(d->p);
		pr_field(d->p, "tv_sec");
		pr_int(d->p, tv[i].tv_sec);
		pr_field(d->p, "tv_usec");
		pr_uint(d->p, (uint64_t)tv[i].tv_usec);
		pr_struct_end(d->p);
		print_time_comment(d, tv[i].tv_sec, (uint64_t)tv[i].tv_usec, 6);
	}
	pr_array_end(d->p);
}

/* utimensat: [{tv_sec, tv_nsec}, ...], UTIME_NOW and UTIME_OMIT by name */
static void print_timespec_pair(struct dctx *d, uint64_t addr)
{
	struct timespec ts[2];

	if (mem_read_obj(d, addr, ts) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_array_begin(d->p);
	for (int i = 0; i < 2; i++) {
		long ns = ts[i].tv_nsec;
		if (ns == UTIME_NOW || ns == UTIME_OMIT) {
			const char *name = ns == UTIME_NOW ? "UTIME_NOW" : "UTIME_OMIT";
			if (d->o->xlat_style == XS_ABBREV) {
				pr_raw(d->p, "%s", name);
				continue;
			}
			print_timespec_val(d, &ts[i]);
			if (d->o->xlat_style == XS_VERBOSE)
				pr_comment(d->p, "%s", name);
			continue;
		}
		print_timespec_val(d, &ts[i]);
		print_time_comment(d, ts[i].tv_sec, (uint64_t)ns, 9);
	}
	pr_array_end(d->p);
}

const struct struct_printer sp_utimbuf = {"utimbuf", print_utimbuf, 16};
const struct struct_printer sp_timeval_pair = {"timeval_pair", print_timeval_pair,
					       2 * sizeof(struct timeval)};
const struct struct_printer sp_timespec_pair = {"timespec_pair", print_timespec_pair,
						2 * sizeof(struct timespec)};
