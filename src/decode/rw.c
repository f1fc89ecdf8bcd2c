/* Reading and writing: read/write and their positional and vectored forms, sendfile, splice,
 * tee, vmsplice, copy_file_range. Data read from the tracee prints only at exit and only up
 * to the return value. */
#include "decode/desc.h"

struct iov_state {
	uint64_t left; /* bytes still to show, (uint64_t)-1 for all */
	bool as_addr;
};

static bool print_iovec_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	struct iov_state *st = opaque;
	const uint64_t *iov = elem; /* { iov_base, iov_len } */
	uint64_t len = iov[1];

	(void)size;
	if (len > st->left)
		len = st->left;
	if (st->left != (uint64_t)-1)
		st->left -= len;
	pr_struct_begin(d->p);
	pr_field(d->p, "iov_base");
	if (st->as_addr)
		pr_ptr(d->p, iov[0]);
	else
		print_buf(d, iov[0], len);
	pr_field(d->p, "iov_len");
	pr_uint(d->p, iov[1]);
	pr_struct_end(d->p);
	return true;
}

void print_iovec(struct dctx *d, uint64_t addr, uint64_t n, uint64_t data_size, bool as_addr)
{
	struct iov_state st = {data_size, as_addr};

	print_array(d, addr, n, 2 * sizeof(uint64_t), print_iovec_elem, &st);
}

void print_int64_ptr(struct dctx *d, uint64_t addr)
{
	int64_t v;

	if (!addr) {
		pr_raw(d->p, "NULL");
	} else if (mem_read_obj(d, addr, v) < 0) {
		pr_hex(d->p, addr);
	} else {
		pr_array_begin(d->p);
		pr_int(d->p, v);
		pr_array_end(d->p);
	}
}

/* read, pread64: fd at entry; the buffer (up to the return value), count[, offset] at exit */
static int read_common(struct dctx *d, bool has_offset)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		pr_sep_now(d->p);
		return DEC_MORE;
	}
	if (syserror(d))
		pr_ptr(d->p, arg(d, 1));
	else
		print_buf(d, arg(d, 1), (uint64_t)d->ev->ret);
	pr_uint(d->p, arg(d, 2));
	if (has_offset)
		pr_int(d->p, (int64_t)arg(d, 3));
	return DEC_DONE;
}

int dec_read(struct dctx *d)
{
	return read_common(d, false);
}

int dec_pread64(struct dctx *d)
{
	return read_common(d, true);
}

/* readv, preadv, preadv2: the iovec array at exit, data up to the return value */
static int readv_common(struct dctx *d, bool has_offset, int flags_arg)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		pr_sep_now(d->p);
		return DEC_MORE;
	}
	print_iovec(d, arg(d, 1), arg(d, 2), syserror(d) ? 0 : (uint64_t)d->ev->ret, syserror(d));
	pr_uint(d->p, arg(d, 2));
	if (has_offset)
		pr_int(d->p, (int64_t)arg(d, 3));
	if (flags_arg >= 0)
		pr_flags(d->p, &xl_rwf_flags, arg(d, flags_arg), NULL);
	return DEC_DONE;
}

int dec_readv(struct dctx *d)
{
	return readv_common(d, false, -1);
}

int dec_preadv(struct dctx *d)
{
	return readv_common(d, true, -1);
}

/* x86_64 passes the offset whole in argument 3; pos_h (argument 4) is not printed */
int dec_preadv2(struct dctx *d)
{
	return readv_common(d, true, 5);
}

static int writev_common(struct dctx *d, bool has_offset, int flags_arg)
{
	print_fd(d, (int)arg(d, 0));
	print_iovec(d, arg(d, 1), arg(d, 2), (uint64_t)-1, false);
	pr_uint(d->p, arg(d, 2));
	if (has_offset)
		pr_int(d->p, (int64_t)arg(d, 3));
	if (flags_arg >= 0)
		pr_flags(d->p, &xl_rwf_flags, arg(d, flags_arg), NULL);
	return DEC_DONE;
}

int dec_writev(struct dctx *d)
{
	return writev_common(d, false, -1);
}

int dec_pwritev(struct dctx *d)
{
	return writev_common(d, true, -1);
}

int dec_pwritev2(struct dctx *d)
{
	return writev_common(d, true, 5);
}

/* vmsplice(fd, iov, nr_segs, flags) */
int dec_vmsplice(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_iovec(d, arg(d, 1), arg(d, 2), (uint64_t)-1, false);
	pr_uint(d->p, arg(d, 2));
	pr_flags(d->p, &xl_splice_flags, arg(d, 3), NULL);
	return DEC_DONE;
}

/* process_madvise(pidfd, iov, vlen, advice, flags): the iovec bases as addresses */
int dec_process_madvise(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_iovec(d, arg(d, 1), arg(d, 2), (uint64_t)-1, true);
	pr_uint(d->p, arg(d, 2));
	pr_xval(d->p, &xl_madvise_cmds, (unsigned)arg(d, 3), NULL);
	pr_hex(d->p, (unsigned)arg(d, 4));
	return DEC_DONE;
}

/* A value that changed during the call: "[0] => [5]" (text only; JSON gets both values). */
static void pr_changed(struct dctx *d)
{
	if (d->p->json)
		return;
	pr_text(d->p, " => ");
	d->p->after_name = true;
}

static bool print_uint64_ptr(struct dctx *d, uint64_t addr)
{
	uint64_t v;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return false;
	}
	if (mem_read_obj(d, addr, v) < 0) {
		pr_hex(d->p, addr);
		return false;
	}
	pr_array_begin(d->p);
	pr_uint(d->p, v);
	pr_array_end(d->p);
	return true;
}

/* sendfile(out_fd, in_fd, offset, count): *offset at entry, and its new value at exit */
int dec_sendfile(struct dctx *d)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		print_fd(d, (int)arg(d, 1));
		if (!print_uint64_ptr(d, arg(d, 2)) || !arg(d, 3)) {
			pr_uint(d->p, arg(d, 3));
			return DEC_DONE;
		}
		return DEC_MORE;
	}
	if (!syserror(d) && d->ev->ret) {
		pr_changed(d);
		print_uint64_ptr(d, arg(d, 2));
	}
	pr_uint(d->p, arg(d, 3));
	return DEC_DONE;
}

/* splice(fd_in, off_in, fd_out, off_out, len, flags) */
int dec_splice(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_int64_ptr(d, arg(d, 1));
	print_fd(d, (int)arg(d, 2));
	print_int64_ptr(d, arg(d, 3));
	pr_uint(d->p, arg(d, 4));
	pr_flags(d->p, &xl_splice_flags, (unsigned)arg(d, 5), NULL);
	return DEC_DONE;
}

/* copy_file_range(fd_in, off_in, fd_out, off_out, len, flags) */
int dec_copy_file_range(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_int64_ptr(d, arg(d, 1));
	print_fd(d, (int)arg(d, 2));
	print_int64_ptr(d, arg(d, 3));
	pr_uint(d->p, arg(d, 4));
	pr_uint(d->p, (unsigned)arg(d, 5));
	return DEC_DONE;
}
