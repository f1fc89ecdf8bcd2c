/* POSIX message queues: mq_open, mq_timedsend, mq_timedreceive, mq_notify, mq_getsetattr. */
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>

#include "decode/net.h"

/* O_RDWR|O_CREAT|O_EXCL as strace prints open flags */
static void print_open_modes(struct dctx *d, unsigned flags)
{
	struct strbuf names = {0};
	const char *acc = xlat_name(&xl_open_access_modes, flags & 3);
	unsigned rest = flags;

	if (acc) {
		sb_puts(&names, acc);
		rest &= ~3u;
		if (rest)
			sb_putc(&names, '|');
	}
	if (!acc || rest)
		sb_flags(&names, &xl_open_flags, rest, XS_ABBREV, NULL);
	if (xstyle(d) == XS_RAW)
		pr_raw(d->p, "%#x", flags);
	else if (xstyle(d) == XS_VERBOSE)
		pr_raw(d->p, "%#x /* %s */", flags, names.buf);
	else
		pr_raw(d->p, "%s", names.buf);
	sb_free(&names);
}

/* {mq_flags=O_NONBLOCK, mq_maxmsg=4, mq_msgsize=32, mq_curmsgs=0}; mq_open shows the flags
 * in hex */
static void print_mq_attr(struct dctx *d, uint64_t addr, bool decode_flags)
{
	struct mq_attr a;

	if (!addr || mem_read_obj(d, addr, a) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "mq_flags");
	if (decode_flags)
		pr_flags(d->p, &xl_mq_attr_flags, (uint64_t)a.mq_flags, "O_???");
	else
		pr_hex(d->p, (uint64_t)a.mq_flags);
	pr_field(d->p, "mq_maxmsg");
	pr_int(d->p, a.mq_maxmsg);
	pr_field(d->p, "mq_msgsize");
	pr_int(d->p, a.mq_msgsize);
	pr_field(d->p, "mq_curmsgs");
	pr_int(d->p, a.mq_curmsgs);
	pr_struct_end(d->p);
}

int dec_mq_open(struct dctx *d)
{
	unsigned flags = (unsigned)arg(d, 1);

	print_path(d, arg(d, 0));
	print_open_modes(d, flags);
	if (flags & O_CREAT) {
		pr_raw(d->p, "%#03o", (unsigned)arg(d, 2));
		print_mq_attr(d, arg(d, 3), false);
	}
	return DEC_DONE;
}

int dec_mq_timedsend(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_buf(d, arg(d, 1), arg(d, 2));
	pr_uint(d->p, arg(d, 2));
	pr_uint(d->p, (unsigned)arg(d, 3));
	print_timespec(d, arg(d, 4));
	return DEC_DONE;
}

int dec_mq_timedreceive(struct dctx *d)
{
	unsigned prio;

	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		return DEC_MORE;
	}
	if (syserror(d))
		pr_ptr(d->p, arg(d, 1));
	else
		print_buf(d, arg(d, 1), (uint64_t)d->ev->ret);
	pr_uint(d->p, arg(d, 2));
	if (!arg(d, 3)) {
		pr_raw(d->p, "NULL");
	} else if (syserror(d) || mem_read_obj(d, arg(d, 3), prio) < 0) {
		pr_hex(d->p, arg(d, 3));
	} else {
		pr_array_begin(d->p);
		pr_uint(d->p, prio);
		pr_array_end(d->p);
	}
	/* the kernel read the timeout at entry: shown even when the call failed */
	print_timespec(d, arg(d, 4));
	return DEC_DONE;
}

/* struct sigevent */
static void print_sigevent(struct dctx *d, uint64_t addr)
{
	struct sigevent ev;

	if (!addr || mem_read_obj(d, addr, ev) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	if (ev.sigev_value.sival_ptr) {
		pr_field(d->p, "sigev_value");
		pr_struct_begin(d->p);
		pr_field(d->p, "sival_int");
		pr_int(d->p, ev.sigev_value.sival_int);
		pr_field(d->p, "sival_ptr");
		pr_ptr(d->p, (uint64_t)(uintptr_t)ev.sigev_value.sival_ptr);
		pr_struct_end(d->p);
	}
	pr_field(d->p, "sigev_signo");
	if (ev.sigev_notify == SIGEV_SIGNAL || ev.sigev_notify == SIGEV_THREAD ||
	    ev.sigev_notify == SIGEV_THREAD_ID)
		print_signo(d, ev.sigev_signo);
	else
		pr_uint(d->p, (unsigned)ev.sigev_signo);
	pr_field(d->p, "sigev_notify");
	pr_xval(d->p, &xl_sigev_value, (unsigned)ev.sigev_notify, "SIGEV_???");
	if (ev.sigev_notify == SIGEV_THREAD_ID) {
		pr_field(d->p, "sigev_notify_thread_id");
		pr_int(d->p, ev._sigev_un._tid);
	} else if (ev.sigev_notify == SIGEV_THREAD) {
		pr_field(d->p, "sigev_notify_function");
		pr_ptr(d->p, (uint64_t)(uintptr_t)ev._sigev_un._sigev_thread._function);
		pr_field(d->p, "sigev_notify_attributes");
		pr_ptr(d->p, (uint64_t)(uintptr_t)ev._sigev_un._sigev_thread._attribute);
	}
	pr_struct_end(d->p);
}

int dec_mq_notify(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_sigevent(d, arg(d, 1));
	return DEC_DONE;
}

int dec_mq_getsetattr(struct dctx *d)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		print_mq_attr(d, arg(d, 1), true);
		return DEC_MORE;
	}
	if (syserror(d))
		pr_ptr(d->p, arg(d, 2));
	else
		print_mq_attr(d, arg(d, 2), true);
	return DEC_DONE;
}
