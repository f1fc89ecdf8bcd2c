/* Waiting for descriptors: poll, ppoll, select, pselect6 and the epoll family. What became
 * ready prints after the return value, as strace does: "= 1 ([{fd=3, revents=POLLIN}])". */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>

#include "decode/desc.h"

/* Text of a struct timespec/timeval for the aux string: "{tv_sec=1, tv_nsec=5}". Returns false
 * when unreadable. */
static bool sb_time(struct dctx *d, struct strbuf *sb, uint64_t addr, bool usec)
{
	int64_t t[2];

	if (mem_read(d, addr, t, sizeof(t)) < 0)
		return false;
	sb_printf(sb,
		  usec ? "{tv_sec=%" PRId64 ", tv_usec=%" PRIu64 "}"
		       : "{tv_sec=%" PRId64 ", tv_nsec=%" PRIu64 "}",
		  t[0], (uint64_t)t[1]);
	return true;
}

static bool print_pollfd(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	struct pollfd pfd;

	(void)opaque;
	memcpy(&pfd, elem, size);
	pr_struct_begin(d->p);
	pr_field(d->p, "fd");
	print_fd(d, pfd.fd);
	if (pfd.fd >= 0) {
		pr_field(d->p, "events");
		pr_flags(d->p, &xl_poll_events, (uint16_t)pfd.events, NULL);
	}
	pr_struct_end(d->p);
	return true;
}

static void poll_entry(struct dctx *d)
{
	print_array(d, arg(d, 0), (unsigned)arg(d, 1), sizeof(struct pollfd), print_pollfd, NULL);
	pr_uint(d->p, (unsigned)arg(d, 1));
}

/* "[{fd=3, revents=POLLIN}]" and ", left {...}" after the return value */
static void poll_exit(struct dctx *d, uint64_t ts)
{
	uint64_t start = arg(d, 0);
	unsigned nfds = (unsigned)arg(d, 1);
	unsigned max = d->o->verbose ? (unsigned)-1 : d->o->strsize;
	unsigned printed = 0;
	struct strbuf *sb = &d->aux;

	if (syserror(d))
		return;
	if (d->ev->ret == 0) {
		sb_puts(sb, "Timeout");
		return;
	}
	if (start && nfds) {
		for (unsigned i = 0; i < nfds; i++) {
			uint64_t cur = start + (uint64_t)i * sizeof(struct pollfd);
			struct pollfd pfd;
			if (mem_read_obj(d, cur, pfd) < 0) {
				sb_puts(sb, sb->len ? ", " : "[");
				sb_printf(sb, "%#" PRIx64, cur);
				break;
			}
			if (!pfd.revents)
				continue;
			sb_puts(sb, sb->len ? ", " : "[");
			if (printed >= max) {
				sb_puts(sb, "...");
				break;
			}
			sb_printf(sb, "{fd=%d, revents=", pfd.fd);
			sb_flags(sb, &xl_poll_events, (uint16_t)pfd.revents, d->o->xlat_style,
				 NULL);
			sb_putc(sb, '}');
			printed++;
		}
		if (sb->len)
			sb_putc(sb, ']');
	}
	if (ts) {
		size_t at = sb->len;
		sb_puts(sb, at ? ", left " : "left ");
		if (!sb_time(d, sb, ts, false)) {
			sb->len = at;
			sb->buf[at] = '\0';
			sb_puts(sb, at ? ", left " : "left ");
			sb_printf(sb, "%#" PRIx64, ts);
		}
	}
}

int dec_poll(struct dctx *d)
{
	if (!d->exiting) {
		poll_entry(d);
		pr_int(d->p, (int)arg(d, 2));
		return DEC_MORE;
	}
	poll_exit(d, 0);
	return DEC_DONE;
}

int dec_ppoll(struct dctx *d)
{
	if (!d->exiting) {
		poll_entry(d);
		print_timespec(d, arg(d, 2));
		print_sigset(d, arg(d, 3), arg(d, 4));
		pr_uint(d->p, arg(d, 4));
		return DEC_MORE;
	}
	poll_exit(d, arg(d, 2));
	return DEC_DONE;
}

#define SELECT_MAX_FDS (1024 * 1024)

static int select_nfds(struct dctx *d)
{
	int nfds = (int)arg(d, 0);

	if (nfds < 0)
		nfds = 0;
	return nfds > SELECT_MAX_FDS ? SELECT_MAX_FDS : nfds;
}

/* bytes of an fd_set holding nfds bits, rounded up to whole longs as the kernel reads them */
static size_t fdset_bytes(int nfds)
{
	return ((size_t)(nfds + 7) / 8 + 7) & ~(size_t)7;
}

static bool bit_set(const uint8_t *set, int i)
{
	return set[i / 8] >> (i % 8) & 1;
}

static void select_entry(struct dctx *d, bool usec)
{
	int nfds = select_nfds(d);
	size_t bytes = fdset_bytes(nfds);
	uint8_t *set = bytes ? calloc(1, bytes) : NULL;

	pr_int(d->p, (int)arg(d, 0));
	for (int i = 0; i < 3; i++) {
		uint64_t addr = arg(d, 1 + i);
		if (!set) {
			pr_ptr(d->p, addr);
			continue;
		}
		if (!addr) {
			pr_raw(d->p, "NULL");
			continue;
		}
		if (mem_read(d, addr, set, bytes) < 0) {
			pr_hex(d->p, addr);
			continue;
		}
		/* a bit set: [3 4] (a list in JSON) */
		pr_array_begin(d->p);
		bool first = true;
		for (int fd = 0; fd < nfds; fd++) {
			if (!bit_set(set, fd))
				continue;
			if (!first && !d->p->json) {
				pr_text(d->p, " ");
				d->p->after_name = true;
			}
			first = false;
			print_fd(d, fd);
		}
		pr_array_end(d->p);
	}
	free(set);
	if (usec)
		print_timeval(d, arg(d, 4));
	else
		print_timespec(d, arg(d, 4));
}

/* "in [3], out [4], left {tv_sec=0, tv_usec=5}" after the return value */
static void select_exit(struct dctx *d, bool usec)
{
	static const char *const names[] = {"in", "out", "except"};
	int nfds = select_nfds(d);
	size_t bytes = fdset_bytes(nfds);
	int ready = (int)d->ev->ret;
	struct strbuf *sb = &d->aux;
	const char *sep = "";

	if (syserror(d))
		return;
	if (ready == 0) {
		sb_puts(sb, "Timeout");
		return;
	}
	uint8_t *set = bytes ? malloc(bytes) : NULL;
	for (int i = 0; i < 3 && ready > 0; i++) {
		uint64_t addr = arg(d, 1 + i);
		bool first = true;
		if (!addr || !set || mem_read(d, addr, set, bytes) < 0)
			continue;
		for (int fd = 0; fd < nfds; fd++) {
			if (!bit_set(set, fd))
				continue;
			if (first) {
				sb_printf(sb, "%s%s [%d", sep, names[i], fd);
				first = false;
				sep = ", ";
			} else {
				sb_printf(sb, " %d", fd);
			}
			if (--ready == 0)
				break;
		}
		/* strace closes the bracket after every set it read once anything was printed */
		if (sb->len)
			sb_putc(sb, ']');
	}
	free(set);
	if (arg(d, 4)) {
		struct strbuf t = {0};
		if (sb_time(d, &t, arg(d, 4), usec))
			sb_printf(sb, "%sleft %s", sep, t.buf);
		sb_free(&t);
	}
}

int dec_select(struct dctx *d)
{
	if (!d->exiting) {
		select_entry(d, true);
		return DEC_MORE;
	}
	select_exit(d, true);
	return DEC_DONE;
}

/* pselect6's last argument points to { const sigset_t *ss; size_t ss_len; } */
static void print_pselect_sigmask(struct dctx *d, uint64_t addr)
{
	uint64_t data[2];

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if (mem_read(d, addr, data, sizeof(data)) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "sigmask");
	print_sigset(d, data[0], data[1]);
	pr_field(d->p, "sigsetsize");
	pr_uint(d->p, data[1]);
	pr_struct_end(d->p);
}

int dec_pselect6(struct dctx *d)
{
	if (!d->exiting) {
		select_entry(d, false);
		print_pselect_sigmask(d, arg(d, 5));
		return DEC_MORE;
	}
	select_exit(d, false);
	return DEC_DONE;
}

/* epoll */

static bool print_epoll_event(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	struct epoll_event ev;

	(void)opaque;
	memcpy(&ev, elem, size);
	pr_struct_begin(d->p);
	pr_field(d->p, "events");
	pr_flags(d->p, &xl_epoll_events, ev.events, NULL);
	pr_field(d->p, "data");
	pr_struct_begin(d->p);
	pr_field(d->p, "u32");
	pr_uint(d->p, ev.data.u32);
	pr_field(d->p, "u64");
	pr_uint(d->p, ev.data.u64);
	pr_struct_end(d->p);
	pr_struct_end(d->p);
	return true;
}

int dec_epoll_ctl(struct dctx *d)
{
	unsigned op = (unsigned)arg(d, 1);
	uint64_t addr = arg(d, 3);
	struct epoll_event ev;

	print_fd(d, (int)arg(d, 0));
	pr_xval(d->p, &xl_epoll_ctl_ops, op, NULL);
	print_fd(d, (int)arg(d, 2));
	if (op == EPOLL_CTL_DEL || !addr)
		pr_ptr(d->p, addr);
	else if (mem_read_obj(d, addr, ev) < 0)
		pr_hex(d->p, addr);
	else
		print_epoll_event(d, &ev, sizeof(ev), NULL);
	return DEC_DONE;
}

/* epoll_wait(epfd, events, maxevents, timeout) and the pwait forms: all but epfd at exit */
static int epoll_wait_common(struct dctx *d, int kind)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		pr_sep_now(d->p);
		return DEC_MORE;
	}
	if (syserror(d))
		pr_ptr(d->p, arg(d, 1));
	else
		print_array(d, arg(d, 1), (uint64_t)d->ev->ret, sizeof(struct epoll_event),
			    print_epoll_event, NULL);
	pr_int(d->p, (int)arg(d, 2));
	if (kind == 2)
		print_timespec(d, arg(d, 3));
	else
		pr_int(d->p, (int)arg(d, 3));
	if (kind) {
		print_sigset(d, arg(d, 4), arg(d, 5));
		pr_uint(d->p, arg(d, 5));
	}
	return DEC_DONE;
}

int dec_epoll_wait(struct dctx *d)
{
	return epoll_wait_common(d, 0);
}

int dec_epoll_pwait(struct dctx *d)
{
	return epoll_wait_common(d, 1);
}

int dec_epoll_pwait2(struct dctx *d)
{
	return epoll_wait_common(d, 2);
}
