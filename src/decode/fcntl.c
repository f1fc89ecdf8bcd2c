/* fcntl (every command), dup3, pipe, pipe2 and the open-mode flags they share. */
#include <fcntl.h>
#include <string.h>

#include "decode/desc.h"

#define ACCMODE 3

void sb_open_modes(struct strbuf *sb, uint64_t flags)
{
	const char *mode = xlat_name(&xl_open_access_modes, flags & ACCMODE);

	if (mode) {
		sb_puts(sb, mode);
		flags &= ~(uint64_t)ACCMODE;
		if (!flags)
			return;
		sb_putc(sb, '|');
	}
	sb_flags(sb, &xl_fcntl_fl_flags, flags, XS_ABBREV, NULL);
}

void print_open_modes(struct dctx *d, uint64_t flags)
{
	struct strbuf sb = {0};

	if (d->p->json) {
		pr_flags(d->p, &xl_fcntl_fl_flags, flags, NULL);
		return;
	}
	if (d->o->xlat_style == XS_RAW) {
		pr_hex(d->p, flags);
		return;
	}
	if (d->o->xlat_style == XS_VERBOSE)
		sb_printf(&sb, "%#" PRIx64 " /* ", flags);
	sb_open_modes(&sb, flags);
	if (d->o->xlat_style == XS_VERBOSE)
		sb_puts(&sb, " */");
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

/* struct flock (x86_64: the same layout as flock64) */
static void print_flock(struct dctx *d, uint64_t addr, bool getlk)
{
	struct flock fl;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if ((d->exiting && syserror(d)) || mem_read_obj(d, addr, fl) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "l_type");
	pr_xval(d->p, &xl_lock_types, (uint16_t)fl.l_type, NULL);
	pr_field(d->p, "l_whence");
	pr_xval(d->p, &xl_whence_codes, (uint16_t)fl.l_whence, NULL);
	pr_field(d->p, "l_start");
	pr_int(d->p, fl.l_start);
	pr_field(d->p, "l_len");
	pr_int(d->p, fl.l_len);
	if (getlk) {
		pr_field(d->p, "l_pid");
		pr_int(d->p, fl.l_pid);
	}
	pr_struct_end(d->p);
}

static void print_owner_ex(struct dctx *d, uint64_t addr)
{
	struct {
		int type, pid;
	} own;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if ((d->exiting && syserror(d)) || mem_read_obj(d, addr, own) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "type");
	pr_xval(d->p, &xl_f_owner_types, (unsigned)own.type, NULL);
	pr_field(d->p, "pid");
	pr_int(d->p, own.pid);
	pr_struct_end(d->p);
}

/* The return value of a "get" command as hex with its meaning: "= 0x1 (flags FD_CLOEXEC)" */
static void aux_flags(struct dctx *d, const char *prefix, const struct xlat *x)
{
	d->rval = RV_HEX;
	sb_puts(&d->aux, prefix);
	sb_flags(&d->aux, x, (uint64_t)d->ev->ret, d->o->xlat_style, NULL);
}

static int fcntl_exit(struct dctx *d, unsigned cmd)
{
	uint64_t ret = (uint64_t)d->ev->ret;

	switch (cmd) {
	case F_GETLK:
	case F_OFD_GETLK:
		print_flock(d, arg(d, 2), true);
		break;
	case F_GETOWN_EX:
		print_owner_ex(d, arg(d, 2));
		break;
	case F_GETFD:
		if (!syserror(d) && ret)
			aux_flags(d, "flags ", &xl_fd_flags);
		break;
	case F_GETFL:
		if (!syserror(d)) {
			d->rval = RV_HEX;
			sb_puts(&d->aux, "flags ");
			sb_open_modes(&d->aux, ret);
		}
		break;
	case F_GETLEASE:
		if (!syserror(d)) {
			const char *name = xlat_name(&xl_lock_types, ret);
			d->rval = RV_HEX;
			if (name)
				sb_puts(&d->aux, name);
		}
		break;
	case F_GET_SEALS:
		if (!syserror(d) && ret)
			aux_flags(d, "seals ", &xl_f_seals);
		break;
	case F_GETSIG:
		if (!syserror(d) && ret) {
			const char *name = signal_name((int)ret);
			if (name)
				sb_puts(&d->aux, name);
			else if (ret >= 32 && ret <= 64)
				sb_printf(&d->aux, ret == 32 ? "SIGRTMIN" : "SIGRT_%u",
					  (unsigned)ret - 32);
			else
				sb_printf(&d->aux, "%u", (unsigned)ret);
		}
		break;
	}
	return DEC_DONE;
}

int dec_fcntl(struct dctx *d)
{
	unsigned cmd = (unsigned)arg(d, 1);
	uint64_t a = arg(d, 2);

	if (d->exiting)
		return fcntl_exit(d, cmd);
	print_fd(d, (int)arg(d, 0));
	pr_xval(d->p, &xl_fcntl_cmds, cmd, NULL);
	switch (cmd) {
	case F_SETFD:
		pr_flags(d->p, &xl_fd_flags, a, NULL);
		break;
	case F_SETOWN:
	case F_SETPIPE_SZ:
		pr_int(d->p, (int)a);
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		pr_int(d->p, (int)a);
		d->rval = RV_FD;
		break;
	case F_SETFL:
		print_open_modes(d, (unsigned)a);
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		print_flock(d, a, false);
		break;
	case F_SETOWN_EX:
		print_owner_ex(d, a);
		break;
	case F_NOTIFY:
		pr_flags(d->p, &xl_dn_flags, a, NULL);
		break;
	case F_SETLEASE:
		pr_xval(d->p, &xl_lock_types, a, NULL);
		break;
	case F_ADD_SEALS:
		pr_flags(d->p, &xl_f_seals, a, NULL);
		break;
	case F_SETSIG:
		print_signo(d, (int)a);
		break;
	case F_GETOWN:
	case F_GETPIPE_SZ:
		break;
	case F_GETFD:
	case F_GETFL:
	case F_GETLEASE:
	case F_GET_SEALS:
	case F_GETSIG:
	case F_GETLK:
	case F_OFD_GETLK:
	case F_GETOWN_EX:
		return DEC_MORE; /* the return value or the struct at exit */
	default:
		pr_hex(d->p, a);
		break;
	}
	return DEC_DONE;
}

/* dup3(oldfd, newfd, flags) */
int dec_dup3(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_fd(d, (int)arg(d, 1));
	pr_flags(d->p, &xl_fcntl_fl_flags, (unsigned)arg(d, 2), NULL);
	return DEC_DONE;
}

static bool print_fd_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	int fd;

	(void)size;
	(void)opaque;
	memcpy(&fd, elem, sizeof(fd));
	print_fd(d, fd);
	return true;
}

/* pipe([rfd, wfd]), pipe2([rfd, wfd], flags): all at exit */
static int pipe_common(struct dctx *d, bool has_flags)
{
	if (!d->exiting)
		return DEC_MORE;
	if (syserror(d))
		pr_ptr(d->p, arg(d, 0));
	else
		print_array(d, arg(d, 0), 2, sizeof(int), print_fd_elem, NULL);
	if (has_flags)
		pr_flags(d->p, &xl_fcntl_fl_flags, (unsigned)arg(d, 1), NULL);
	return DEC_DONE;
}

int dec_pipe(struct dctx *d)
{
	return pipe_common(d, false);
}

int dec_pipe2(struct dctx *d)
{
	return pipe_common(d, true);
}
