/* The bpf backend, user side: loads src/bpf/trace.bpf.c, launches or attaches, and turns the
 * ring buffer's records into the session's events. The lifecycle mirrors ptrace.c: output
 * hidden until the launched command's exec, -f children, exit lines, detach on Ctrl-C. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "basic/clock.h"
#include "basic/log.h"
#include "trace/bpf.h"
#include "trace/ptrace_attach.h"
#include "trace/sockdiag.h"
#include "unwind/unwind.h"
#include "trace.skel.h"

/* What a tid's last SR_ENTER was, to pair it with its SR_SYSCALL. */
struct bthread {
	pid_t tid;
	uint32_t seq;	   /* of the entry shown */
	uint32_t done_seq; /* of the last call completed */
	bool entry_shown;
	struct bthread *next;
};

struct bcap {
	uint64_t addr;
	uint32_t len;
	uint8_t flags;
	const uint8_t *data;
};

struct backend {
	struct session *s;
	struct trace_bpf *skel;
	struct ring_buffer *rb;
	bool count_only;    /* -c counted in the kernel */
	pid_t launched;	    /* the command scry forked, to be reaped */
	uint64_t mono2real; /* CLOCK_REALTIME - CLOCK_MONOTONIC */
	struct bthread *bt[256];
	/* the record being decoded */
	struct bcap *caps;
	unsigned ncaps, capsz;
	bool exiting;
	uint64_t lost_seen[SL_N];
	uint64_t stacks_lost; /* -k: stacks with no mappings to unwind them with */
	/* -k: SR_MAPS snapshots being received, by the thread that sends them */
	struct maps_rx {
		pid_t tid, tgid;
		struct strbuf text;
	} maps_rx[16];
};

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	interrupted = sig;
}

/* ---- per-thread pairing state ---- */

static struct bthread *bthread_get(struct backend *b, pid_t tid)
{
	struct bthread **pp = &b->bt[(unsigned)tid % 256];

	for (struct bthread *t = *pp; t; t = t->next)
		if (t->tid == tid)
			return t;
	struct bthread *t = calloc(1, sizeof(*t));
	if (!t)
		abort();
	t->tid = tid;
	t->next = *pp;
	*pp = t;
	return t;
}

static void bthread_drop(struct backend *b, pid_t tid)
{
	for (struct bthread **pp = &b->bt[(unsigned)tid % 256]; *pp; pp = &(*pp)->next)
		if ((*pp)->tid == tid) {
			struct bthread *t = *pp;
			*pp = t->next;
			free(t);
			return;
		}
}

static void bthreads_free(struct backend *b)
{
	for (unsigned i = 0; i < 256; i++)
		while (b->bt[i]) {
			struct bthread *t = b->bt[i];
			b->bt[i] = t->next;
			free(t);
		}
}

/* ---- tracee memory, from the captures ---- */

/* The i-th capture (in phase order: at exit the exit's first) that holds addr..addr+len,
 * or NULL. At entry only the entry's captures count. */
static const struct bcap *find_cap(const struct backend *b, uint64_t addr, size_t len,
				   unsigned *iter)
{
	unsigned k = 0;

	for (int pass = b->exiting ? 0 : 1; pass < 2; pass++)
		for (unsigned i = 0; i < b->ncaps; i++) {
			const struct bcap *c = &b->caps[i];
			if (!!(c->flags & SCF_EXIT) != (pass == 0) ||
			    (c->flags & (SCF_FDPATH | SCF_FILE | SCF_REGS)))
				continue; /* not memory at c->addr */
			if (addr >= c->addr && addr - c->addr < c->len &&
			    len <= c->len - (addr - c->addr) && k++ == *iter) {
				(*iter)++;
				return c;
			}
		}
	return NULL;
}

/* Whether the kernel side tried addr and could not read it (a page not resident: the
 * kernel cannot fault it in from a tracepoint). */
static bool faulted(const struct backend *b, uint64_t addr)
{
	for (unsigned i = 0; i < b->ncaps; i++)
		if ((b->caps[i].flags & SCF_FAULT) && b->caps[i].addr == addr)
			return true;
	return false;
}

/* Memory the kernel could not read is read from the process now, as ptrace would have:
 * such pages are mostly file-backed (string literals), the same now as then. */
static int live_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = {buf, len};
	struct iovec remote = {(void *)(uintptr_t)addr, len};

	return process_vm_readv(tid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -EFAULT;
}

/* Bytes of a faulted capture from the file behind its mapping (defined with the fd paths). */
static ssize_t file_read(const struct backend *b, uint64_t addr, void *buf, size_t len);

/* A faulted capture's bytes: from its file, else from the process if it still runs. */
static int fault_read(const struct backend *b, pid_t tid, uint64_t addr, void *buf, size_t len)
{
	if (file_read(b, addr, buf, len) == (ssize_t)len)
		return 0;
	return live_read(tid, addr, buf, len);
}

static int bpf_read(void *ctx, const struct sc_event *ev, uint64_t addr, void *buf, size_t len)
{
	const struct backend *b = ctx;
	unsigned it = 0;
	const struct bcap *c;

	if (!len)
		return 0;
	c = find_cap(b, addr, len, &it);
	if (!c)
		return faulted(b, addr) ? fault_read(b, ev->tid, addr, buf, len) : -EFAULT;
	memcpy(buf, c->data + (addr - c->addr), len);
	return 0;
}

static int bpf_read_str(void *ctx, const struct sc_event *ev, uint64_t addr, char *buf, size_t len)
{
	const struct backend *b = ctx;
	unsigned it = 0;

	if (!len)
		return 0;
	for (const struct bcap *c; (c = find_cap(b, addr, 1, &it));) {
		size_t avail = c->len - (addr - c->addr);
		const uint8_t *p = c->data + (addr - c->addr);
		size_t n = avail < len ? avail : len;
		const uint8_t *z = memchr(p, '\0', n);
		if (z) {
			memcpy(buf, p, (size_t)(z - p) + 1);
			return (int)(z - p);
		}
		if (avail >= len) {
			memcpy(buf, p, len);
			return (int)len;
		}
		/* this one is too short to tell: another may do */
	}
	if (!faulted(b, addr))
		return -EFAULT;
	ssize_t n = file_read(b, addr, buf, len);
	if (n > 0) {
		const char *z = memchr(buf, '\0', (size_t)n);
		if (z)
			return (int)(z - buf);
		if ((size_t)n == len)
			return (int)len;
		/* the string goes on past the mapping: the process may still tell */
	}
	/* page by page, so that a string ending before an unreadable page is found */
	size_t got = 0;
	while (got < len) {
		size_t page_left = 4096 - ((addr + got) & 4095);
		size_t chunk = len - got < page_left ? len - got : page_left;
		if (live_read(ev->tid, addr + got, buf + got, chunk) < 0)
			return -EFAULT;
		char *z = memchr(buf + got, '\0', chunk);
		if (z)
			return (int)(z - buf);
		got += chunk;
	}
	return (int)len;
}

/* What fd referred to when the call was made (at entry) or when it returned (at exit), from
 * the record; NULL if not captured. *any: the record has fd captures at all. */
static const struct bcap *fd_cap(const struct backend *b, int fd, bool *any)
{
	*any = false;
	for (int pass = b->exiting ? 0 : 1; pass < 2; pass++)
		for (unsigned i = 0; i < b->ncaps; i++) {
			const struct bcap *c = &b->caps[i];
			if (!(c->flags & SCF_FDPATH))
				continue;
			*any = true;
			if (!!(c->flags & SCF_EXIT) == (pass == 0) &&
			    c->addr == (uint64_t)(int64_t)fd)
				return c;
		}
	return NULL;
}

/* The kinds of fd capture (cap_fdpath in trace.bpf.c): the first byte of its data. A walk
 * has the components leaf first in SLOT-byte slots from SLOT on, and the file's mode and
 * device number (struct fdp_file) in the first slot; a name is NUL-terminated from byte 1; a
 * socket has its name and, at SCRY_SOCK_OFF, a struct scry_sock. */
enum { SLOT = 64, FDP_WALK = 1, FDP_WALK_DELETED = 2, FDP_NAME = 3, FDP_SOCK = 4 };
struct fdp_file {
	uint32_t mode, rdev; /* at offset 4; rdev in the kernel's encoding (major << 20) */
};

/* The path of a walk (an fd capture's, an SR_MAPS record's): len bytes at data, the
 * components leaf first in the SLOT-byte slots after the first, joined. */
static size_t walk_text(const uint8_t *data, size_t len, char *buf, size_t size)
{
	unsigned slots = len > SLOT ? (unsigned)((len - SLOT) / SLOT) : 0;
	size_t n = 0;

	for (unsigned k = slots; k-- > 0;) {
		const uint8_t *slot = data + SLOT + (size_t)k * SLOT;
		size_t l = slot[0] < SLOT ? slot[0] : SLOT - 1;
		if (!l)
			continue; /* where a mount was crossed */
		if (n + 1 + l >= size)
			break;
		buf[n++] = '/';
		memcpy(buf + n, slot + 1, l);
		n += l;
	}
	if (!n)
		buf[n++] = '/';
	buf[n] = '\0';
	return n;
}

/* The path in an fd capture: the name the kernel made up ("socket:[123]"), or the walk's
 * components joined. */
static size_t fdpath_text(const struct bcap *c, char *buf, size_t size)
{
	size_t n = 0;

	if (!c->len || size < 2)
		return 0;
	if (c->data[0] == FDP_NAME || c->data[0] == FDP_SOCK) {
		size_t max =
		    c->data[0] == FDP_SOCK && c->len > SCRY_SOCK_OFF ? SCRY_SOCK_OFF : c->len;
		const uint8_t *z = memchr(c->data + 1, '\0', max - 1);
		n = z ? (size_t)(z - c->data - 1) : max - 1;
		n = n < size - 1 ? n : size - 1;
		memcpy(buf, c->data + 1, n);
		buf[n] = '\0';
		return n;
	}
	n = walk_text(c->data, c->len, buf, size);
	if (c->data[0] == FDP_WALK_DELETED && n + 10 < size) {
		memcpy(buf + n, " (deleted)", 10);
		n += 10;
	}
	buf[n] = '\0';
	return n;
}

/* Up to len bytes of what a faulted capture at addr held, from the file the kernel said backs
 * it (SCF_FILE): the process may be gone by now, its file is not. Returns the bytes read
 * (never past the mapping's end), or -errno when no file says. */
static ssize_t file_read(const struct backend *b, uint64_t addr, void *buf, size_t len)
{
	const struct bcap *loc = NULL;
	struct scry_fileloc fl;
	char path[4096];

	for (unsigned i = 0; i < b->ncaps && !loc; i++)
		if ((b->caps[i].flags & SCF_FILE) && b->caps[i].addr == addr)
			loc = &b->caps[i];
	if (!loc || loc->len < SCRY_FILELOC_OFF + sizeof(fl) || loc->data[0] != FDP_WALK ||
	    !fdpath_text(loc, path, sizeof(path)))
		return -ENOENT;
	memcpy(&fl, loc->data + SCRY_FILELOC_OFF, sizeof(fl));
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = pread(fd, buf, len < fl.left ? len : fl.left, (off_t)fl.offset);
	int err = errno;
	close(fd);
	return n < 0 ? -err : n;
}

/* -yy and the protocol (level 3) of a captured socket: as fd_describe_proc would have
 * answered at the call. */
static int describe_sock(const struct bcap *c, int level, struct strbuf *out)
{
	struct scry_sock ss;
	char name[SCRY_SOCK_OFF];
	unsigned long ino = 0;

	memcpy(&ss, c->data + SCRY_SOCK_OFF, sizeof(ss));
	ss.proto[sizeof(ss.proto) - 1] = '\0';
	if (level == 3) {
		if (!ss.proto[0])
			return FD_UNKNOWN;
		sb_puts(out, ss.proto);
		return FD_DESC_TEXT;
	}
	fdpath_text(c, name, sizeof(name));
	if (sscanf(name, "socket:[%lu]", &ino) != 1)
		return FD_UNKNOWN;
	struct sock_state st = {
	    .proto = ss.proto,
	    .family = ss.family,
	    .state = ss.state,
	    .sport = ss.sport,
	    .dport = ss.dport,
	    .src = ss.src,
	    .dst = ss.dst,
	    .peer = ss.peer_ino,
	    .path = ss.path,
	    .path_len = ss.path_len < sizeof(ss.path) ? ss.path_len : sizeof(ss.path),
	    .protocol = ss.protocol,
	    .portid = ss.portid,
	};
	if (!sockdiag_describe_state(&st, ino, out))
		sb_puts(out, name);
	return FD_DESC_TEXT;
}

/* -y, -yy: as fd_describe_proc, from the capture when there is one (the fd may be closed or
 * reused by the time the line is printed); /proc now when there is none. */
static int bpf_fd_describe(void *ctx, pid_t tgid, int fd, int level, struct strbuf *out)
{
	const struct backend *b = ctx;
	bool any;
	const struct bcap *c = fd_cap(b, fd, &any);
	char path[4096];

	if (!c)
		return any && level != 3 ? FD_UNKNOWN /* not open then (dup2's new fd at entry) */
					 : fd_describe_proc(NULL, tgid, fd, level, out);
	if (level >= 2 && c->len >= SCRY_SOCK_OFF + sizeof(struct scry_sock) &&
	    c->data[0] == FDP_SOCK)
		return describe_sock(c, level, out);
	if (level == 3)
		return FD_UNKNOWN; /* not a socket */
	size_t len = fdpath_text(c, path, sizeof(path));
	if (!len)
		return FD_UNKNOWN;
	if (level >= 2 && strcmp(path, "anon_inode:[pidfd]") == 0)
		return fd_describe_proc(NULL, tgid, fd, level, out); /* pid:N, from fdinfo */
	if (level >= 2 && c->len >= SLOT && c->data[0] != FDP_NAME) {
		struct fdp_file ff;
		memcpy(&ff, c->data + 4, sizeof(ff));
		if (S_ISCHR(ff.mode) || S_ISBLK(ff.mode)) {
			sb_escaped(out, path, len, 0, false, "<>");
			sb_printf(out, "<%s %u:%u>", S_ISBLK(ff.mode) ? "block" : "char",
				  ff.rdev >> 20, ff.rdev & 0xfffff);
			return FD_DESC_TEXT;
		}
	}
	sb_add(out, path, len);
	return FD_DESC_PATH;
}

_Static_assert(sizeof(struct scry_regs) == sizeof(struct unw_regs), "CK_REGS is struct unw_regs");

/* -k: the registers and the stack top captured at entry (CK_REGS, CK_STACK); false when the
 * record has none. */
static bool stack_caps(const struct backend *b, struct unw_regs *r, const struct bcap **stack)
{
	const struct bcap *regs = NULL;

	*stack = NULL;
	/* the entry's, or the exit's when the kernel took them there (the launched command's
	 * execve: the new image's stack) */
	for (unsigned i = 0; i < b->ncaps; i++)
		if ((b->caps[i].flags & SCF_REGS) && b->caps[i].len == sizeof(struct scry_regs) &&
		    (!regs || (b->caps[i].flags & SCF_EXIT)))
			regs = &b->caps[i];
	if (!regs)
		return false;
	memcpy(r, regs->data, sizeof(*r));
	uint8_t phase = regs->flags & SCF_EXIT;
	for (unsigned i = 0; i < b->ncaps; i++)
		if (!(b->caps[i].flags & (SCF_REGS | SCF_FDPATH | SCF_FILE | SCF_FAULT)) &&
		    (b->caps[i].flags & SCF_EXIT) == phase && b->caps[i].addr == r->sp &&
		    (!*stack || b->caps[i].len > (*stack)->len))
			*stack = &b->caps[i];
	return true;
}

/* -k: the stack from the captured registers and stack top. */
static int bpf_stack(struct session *s, struct tracee *t, uint64_t *pcs, int max)
{
	const struct backend *b = s->mem.ctx;
	struct unwinder *u = session_unwinder(s, t->tgid);
	const struct bcap *stack;
	struct unw_regs r;

	if (!u)
		return -ENOTSUP;
	if (!stack_caps(b, &r, &stack))
		return -ENODATA;
	return unwind_captured(u, &r, stack ? stack->data : NULL, stack ? stack->len : 0, pcs, max);
}

/* The same, kept for later (scry leaks). */
static struct unw_capture *bpf_stack_capture(struct session *s, struct tracee *t)
{
	const struct backend *b = s->mem.ctx;
	const struct bcap *stack;
	struct unw_regs r;

	(void)t;
	if (!stack_caps(b, &r, &stack))
		return NULL;
	size_t len = stack ? stack->len : 0;
	struct unw_capture *c = malloc(sizeof(*c) + len);
	if (!c)
		return NULL;
	c->regs = r;
	c->len = len;
	if (len)
		memcpy(c->stack, stack->data, len);
	return c;
}

static int bpf_fd_path(struct session *s, struct tracee *t, int fd, char *buf, size_t len)
{
	const struct backend *b = s->mem.ctx;
	bool any;
	const struct bcap *c = fd_cap(b, fd, &any);
	char link[64];

	if (!c) {
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tgid, fd);
		return (int)readlink(link, buf, len);
	}
	char path[4096];
	size_t n = fdpath_text(c, path, sizeof(path));
	n = n < len ? n : len;
	memcpy(buf, path, n);
	return (int)n;
}

/* Splits a record's captures out; they point into the record. */
static void parse_caps(struct backend *b, const struct scry_rec *r, size_t size)
{
	const uint8_t *p = (const uint8_t *)(r + 1), *end = (const uint8_t *)r + size;

	b->ncaps = 0;
	for (unsigned i = 0; i < r->ncaps; i++) {
		struct scry_cap c;
		if ((size_t)(end - p) < sizeof(c))
			break;
		memcpy(&c, p, sizeof(c));
		p += sizeof(c);
		if (c.len > (size_t)(end - p))
			c.len = (uint32_t)(end - p);
		if (b->ncaps == b->capsz) {
			b->capsz = b->capsz ? b->capsz * 2 : 16;
			b->caps = realloc(b->caps, b->capsz * sizeof(*b->caps));
			if (!b->caps)
				abort();
		}
		b->caps[b->ncaps++] = (struct bcap){c.addr, c.len, c.flags, p};
		size_t adv = ((size_t)c.len + 7) & ~(size_t)7;
		p += adv < (size_t)(end - p) ? adv : (size_t)(end - p);
	}
}

/* ---- records ---- */

static struct tracee *adopt(struct backend *b, pid_t tid, pid_t tgid)
{
	struct session *s = b->s;
	struct tracee *t = tracee_new(s, tid);

	t->tgid = tgid;
	t->d.fd_ctx = b;
	tracee_open_output(s, t);
	return t;
}

static void fill_entry(struct backend *b, struct tracee *t, const struct scry_rec *r)
{
	struct sc_event *ev = &t->ev;

	memset(ev, 0, sizeof(*ev));
	ev->tid = t->pid;
	ev->tgid = t->tgid;
	ev->nr = (long)r->nr;
	memcpy(ev->args, r->args, sizeof(ev->args));
	ev->ip = r->ip;
	ev->sp = r->sp;
	ev->t_enter = r->t_enter + b->mono2real;
	t->t_mono_enter = r->t_enter;
	for (unsigned i = 0; i < b->ncaps && ev->ncaps < 8; i++) {
		if (b->caps[i].flags & SCF_EXIT)
			continue;
		ev->caps[ev->ncaps++] = (struct sc_capture){b->caps[i].addr, b->caps[i].len,
							    b->caps[i].len, b->caps[i].data};
	}
}

static void on_syscall(struct backend *b, const struct scry_rec *r, size_t size)
{
	struct session *s = b->s;
	struct tracee *t = tracee_find(s, (pid_t)r->tid);

	if (!t)
		t = adopt(b, (pid_t)r->tid, (pid_t)r->tgid);
	struct bthread *bt = bthread_get(b, t->pid);
	parse_caps(b, r, size);
	struct unwinder *u = s->o->kflag ? session_unwinder(s, t->tgid) : NULL;
	if (s->o->kflag && (!u || unwinder_load(u) < 0)) {
		/* no snapshot of its mappings came (the ring was full), and it is gone: its
		 * modules cannot be read from /proc either */
		b->stacks_lost++;
		s->lost++;
	}
	if (r->type == SR_ENTER) {
		if (bt->done_seq == r->seq || (bt->entry_shown && bt->seq == r->seq))
			return; /* the scan raced with the call's return */
		fill_entry(b, t, r);
		b->exiting = false;
		session_syscall_enter(s, t);
		bt->seq = r->seq;
		bt->entry_shown = true;
		return;
	}
	if (!bt->entry_shown || bt->seq != r->seq || !(t->flags & TF_INSYSCALL)) {
		fill_entry(b, t, r);
		b->exiting = false;
		session_syscall_enter(s, t);
	}
	bt->entry_shown = false;
	bt->done_seq = r->seq;
	struct sc_event *ev = &t->ev;
	ev->ncaps = 0;
	for (unsigned i = 0; i < b->ncaps && ev->ncaps < 8; i++)
		ev->caps[ev->ncaps++] = (struct sc_capture){b->caps[i].addr, b->caps[i].len,
							    b->caps[i].len, b->caps[i].data};
	ev->ret = r->ret;
	ev->is_error = (uint64_t)r->ret >= (uint64_t)-4095;
	ev->has_ret = true;
	ev->t_exit = r->t_exit + b->mono2real;
	b->exiting = true;
	session_syscall_exit(s, t, s->o->summary_wall ? r->t_exit - r->t_enter : r->cpu_ns);
	b->ncaps = 0;
}

static void on_fork(struct backend *b, const struct scry_life *l)
{
	struct session *s = b->s;

	if (tracee_find(s, (pid_t)l->tid))
		return;
	adopt(b, (pid_t)l->tid, (pid_t)l->tgid);
	if (!s->o->quiet)
		text_message(s, "Process %d attached", (int)l->tid);
}

/* As ptrace.c's handle_exec: a non-leader thread that execs takes the leader's tid. */
static void on_exec(struct backend *b, const struct scry_life *l)
{
	struct session *s = b->s;
	pid_t tid = (pid_t)l->tid, old = (pid_t)l->aux;
	struct tracee *t = tracee_find(s, tid);

	if (old != tid) {
		struct tracee *execer = tracee_find(s, old);
		if (execer && t) {
			bthread_drop(b, tid);
			session_exec_takeover(s, t, execer);
			struct bthread *bo = bthread_get(b, old), *bn = bthread_get(b, tid);
			*bn =
			    (struct bthread){tid, bo->seq, bo->done_seq, bo->entry_shown, bn->next};
			bthread_drop(b, old);
			t = execer;
		} else if (execer) {
			tracee_rekey(s, execer, tid);
			t = execer;
		}
	}
	if (t)
		t->flags &= ~TF_HIDE_LOG;
	session_unwinder_exec(s, (pid_t)l->tgid);
}

static void on_exit_rec(struct backend *b, const struct scry_life *l)
{
	struct session *s = b->s;
	struct tracee *t = tracee_find(s, (pid_t)l->tid);
	int status = l->aux;

	if (!t)
		return;
	if ((t->flags & TF_INSYSCALL) && !(t->flags & TF_FILTERED))
		s->sink->exit_event(s, t);
	t->flags &= ~TF_INSYSCALL;
	if (l->ptid == 1)
		return; /* superseded by an exec: on_exec finishes it */
	if (t->pid == s->child) {
		s->exit_code = WIFSIGNALED(status) ? 0x100 | WTERMSIG(status) : WEXITSTATUS(status);
		s->child = 0;
	}
	if (session_shown(s, t))
		s->sink->exited(s, t, status);
	bthread_drop(b, t->pid);
	tracee_drop(s, t);
}

static void on_signal(struct backend *b, const struct scry_life *l)
{
	struct session *s = b->s;
	struct tracee *t = tracee_find(s, (pid_t)l->tid);
	siginfo_t si;

	if (!t)
		return;
	memset(&si, 0, sizeof(si));
	memcpy(&si, l->siginfo, sizeof(l->siginfo));
	if (session_shown(s, t) && numset_has(&s->o->filter.signals, (unsigned)si.si_signo)) {
		s->sink->signal(s, t, &si);
		if (l->aux)
			s->sink->stopped(s, t, si.si_signo); /* the default action stops it */
	}
}

/* -k: an SR_MAPS record: a line of the snapshot in /proc/PID/maps format, or its end, which
 * hands the snapshot to the process's unwinder (records of one snapshot come from one thread
 * in a row, but other threads' records may come between them). */
static void on_maps(struct backend *b, const struct scry_map *m, size_t size)
{
	struct maps_rx *rx = NULL, *free_rx = NULL;
	char path[4096];

	for (unsigned i = 0; i < 16 && !rx; i++) {
		if (b->maps_rx[i].tid == (pid_t)m->tid)
			rx = &b->maps_rx[i];
		else if (!b->maps_rx[i].tid && !free_rx)
			free_rx = &b->maps_rx[i];
	}
	if (!rx) {
		rx = free_rx ? free_rx : &b->maps_rx[m->tid % 16];
		rx->tid = (pid_t)m->tid;
		rx->tgid = (pid_t)m->tgid;
		sb_reset(&rx->text);
	}
	if (m->start || m->end) {
		walk_text((const uint8_t *)m, size, path, sizeof(path));
		sb_printf(&rx->text,
			  "%" PRIx64 "-%" PRIx64 " %c%c%c%c %08" PRIx64 " %02x:%02x %" PRIu64
			  " %s\n",
			  (uint64_t)m->start, (uint64_t)m->end, m->flags & 1 ? 'r' : '-',
			  m->flags & 2 ? 'w' : '-', m->flags & 4 ? 'x' : '-',
			  m->flags & 0x80 ? 's' : 'p', (uint64_t)m->pgoff << 12, m->dev >> 20,
			  m->dev & 0xfffff, (uint64_t)m->ino, path);
		return;
	}
	struct unwinder *u = session_unwinder(b->s, rx->tgid);
	if (u && rx->text.len)
		unwinder_load_maps(u, rx->text.buf, rx->text.len);
	sb_reset(&rx->text);
	rx->tid = 0;
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct backend *b = ctx;
	uint16_t type;

	if (size < sizeof(type))
		return 0;
	memcpy(&type, data, sizeof(type));
	if (type != SR_MAPS && size < sizeof(struct scry_life))
		return 0;
	switch (type) {
	case SR_SYSCALL:
	case SR_ENTER:
		if (size >= sizeof(struct scry_rec))
			on_syscall(b, data, size);
		break;
	case SR_FORK:
		on_fork(b, data);
		break;
	case SR_EXEC:
		on_exec(b, data);
		break;
	case SR_EXIT:
		on_exit_rec(b, data);
		break;
	case SR_SIGNAL:
		on_signal(b, data);
		break;
	case SR_MAPS:
		if (size >= sizeof(struct scry_map))
			on_maps(b, data, size);
		break;
	}
	return 0;
}

/* ---- lost events ---- */

static const char *const lost_why[SL_N] = {
    [SL_RING] = "ring buffer full",
    [SL_NOMEM] = "no memory for a thread's state",
    [SL_FAULT] = "memory not resident",
    [SL_TOOBIG] = "captures too big for a record",
    [SL_SIGNAL] = "too many ignored signals in one syscall",
};

/* Prints a line for each counter that grew: what was dropped, and captures that failed
 * where strace would have shown the memory (the decoded line shows an address instead). */
static void report_lost(struct backend *b)
{
	struct session *s = b->s;

	for (int i = 0; i < SL_N; i++) {
		uint64_t n = __atomic_load_n(&b->skel->bss->lost[i], __ATOMIC_RELAXED);
		if (n == b->lost_seen[i])
			continue;
		uint64_t d = n - b->lost_seen[i];
		b->lost_seen[i] = n;
		s->lost += d;
		/* a capture that failed was read from the process instead (see live_read) */
		if (i != SL_FAULT)
			text_lost(s, d, lost_why[i]);
	}
}

static void summary_lost(struct backend *b)
{
	if (b->stacks_lost)
		fprintf(b->s->out, "scry: %" PRIu64 " lost: %s\n", b->stacks_lost,
			"-k stacks of processes gone before they were read");
	for (int i = 0; i < SL_N; i++)
		if (b->lost_seen[i])
			fprintf(b->s->out, "scry: %" PRIu64 " lost: %s\n", b->lost_seen[i],
				lost_why[i]);
}

/* ---- launching and attaching ---- */

/* Forks the command; it waits on *go until the kernel side traces it, then execs. */
static pid_t launch(struct session *s, int *go)
{
	const struct trace_opts *o = s->o;
	char *path = find_in_path(o->argv[0]);
	struct stat st;
	int p[2];

	if (!path || stat(path, &st) < 0) {
		log_error("Can't stat '%s': %s", o->argv[0], strerror(path ? errno : ENOENT));
		free(path);
		return -1;
	}
	if (pipe2(p, O_CLOEXEC) < 0) {
		log_error_errno(-errno, "pipe");
		free(path);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		log_error_errno(-errno, "fork");
		free(path);
		return -1;
	}
	if (pid == 0) {
		char c;
		close(p[1]);
		apply_env(o);
		signal(SIGCHLD, SIG_DFL);
		while (read(p[0], &c, 1) < 0 && errno == EINTR)
			;
		execv(path, o->argv);
		log_error_errno(-errno, "exec %s", path);
		_exit(1);
	}
	free(path);
	close(p[0]);
	*go = p[1];
	return pid;
}

static void set_traced(struct backend *b, pid_t tgid, bool on)
{
	__u64 *w = &b->skel->bss->tgid_bits[((unsigned)tgid / 64) % (SCRY_PID_MAX / 64)];
	__u64 bit = 1ull << ((unsigned)tgid % 64);

	if (on)
		__atomic_fetch_or(w, bit, __ATOMIC_SEQ_CST);
	else
		__atomic_fetch_and(w, ~bit, __ATOMIC_SEQ_CST);
}

static pid_t tgid_of(pid_t pid)
{
	char path[64], line[256];
	pid_t tgid = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, "Tgid:", 5) == 0)
			tgid = atoi(line + 5);
	if (f)
		fclose(f);
	return tgid;
}

/* The kernel does not check ptrace permission for BPF: check it as ptrace would. Opening
 * /proc/PID/mem goes through the same access check (PTRACE_MODE_ATTACH, Yama included). */
static int may_trace(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/mem", pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == EACCES ? -EPERM : errno == ENOENT ? -ESRCH : -errno;
	close(fd);
	return 0;
}

static int attach_process(struct backend *b, pid_t pid)
{
	struct session *s = b->s;
	int r = may_trace(pid);

	if (r < 0) {
		char why[256];
		ptrace_explain_failure(pid, -r, why, sizeof(why));
		log_error("attach: ptrace(PTRACE_SEIZE, %d): %s", pid, why);
		return r;
	}
	pid_t tgid = tgid_of(pid);
	if (tgid <= 0) {
		log_error("attach: ptrace(PTRACE_SEIZE, %d): %s", pid, strerror(ESRCH));
		return -ESRCH;
	}
	unsigned nthreads = 0;
	char dir[64];
	snprintf(dir, sizeof(dir), "/proc/%d/task", tgid);
	DIR *d = opendir(dir);
	for (struct dirent *de; d && (de = readdir(d));) {
		pid_t tid = (pid_t)atoi(de->d_name);
		if (tid <= 0 || tracee_find(s, tid))
			continue;
		struct tracee *t = adopt(b, tid, tgid);
		t->flags |= TF_ATTACHED;
		nthreads++;
	}
	if (d)
		closedir(d);
	set_traced(b, tgid, true);
	if (!s->o->quiet) {
		if (nthreads > 1)
			text_message(s, "Process %d attached with %u threads", pid, nthreads);
		else
			text_message(s, "Process %d attached", pid);
	}
	return 0;
}

static void detach_all(struct backend *b)
{
	struct session *s = b->s;

	for (unsigned i = 0; i < sizeof(s->tab) / sizeof(s->tab[0]); i++) {
		while (s->tab[i]) {
			struct tracee *t = s->tab[i];
			set_traced(b, t->tgid, false);
			if (t->pid == s->child && s->o->argv)
				kill(t->pid, interrupted ? interrupted : SIGTERM);
			if (session_shown(s, t))
				s->sink->detached(s, t);
			if ((t->flags & TF_ATTACHED) && !s->o->quiet && t->pid == t->tgid)
				text_message(s, "Process %d detached", t->pid);
			tracee_drop(s, t);
		}
	}
}

/* Tracees whose exit record was lost would keep scry waiting: drop the ones that are gone. */
static void sweep_gone(struct backend *b)
{
	struct session *s = b->s;

	for (unsigned i = 0; i < sizeof(s->tab) / sizeof(s->tab[0]); i++) {
		for (struct tracee *t = s->tab[i], *next; t; t = next) {
			next = t->hnext;
			if (t->pid == s->child)
				continue; /* reaped by waitpid below */
			if (syscall(SYS_tgkill, t->tgid, t->pid, 0) < 0 && errno == ESRCH) {
				bthread_drop(b, t->pid);
				tracee_drop(s, t);
			}
		}
	}
}

/* Output is flushed once per batch of records, not per line. */
static void flush_all(struct session *s)
{
	fflush(s->out);
	if (s->o->follow >= 2 && s->o->outfile)
		for (unsigned i = 0; i < sizeof(s->tab) / sizeof(s->tab[0]); i++)
			for (struct tracee *t = s->tab[i]; t; t = t->hnext)
				if (t->outf != s->out)
					fflush(t->outf);
}

/* ---- setup ---- */

bool bpf_options_need_ptrace(const struct trace_opts *o, char *why, size_t whylen)
{
	if (o->username) {
		snprintf(why, whylen, "-u needs the ptrace backend");
		return true;
	}
	return false;
}

static int silent_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_WARN && getenv("SCRY_BPF_DEBUG"))
		return vfprintf(stderr, fmt, ap);
	if (level == LIBBPF_DEBUG && getenv("SCRY_BPF_DEBUG"))
		return vfprintf(stderr, fmt, ap);
	return 0;
}

static int load(struct backend *b, char *why, size_t whylen)
{
	struct session *s = b->s;
	const struct trace_opts *o = s->o;
	struct trace_bpf *skel;
	int r;

	libbpf_set_print(silent_print);
	skel = trace_bpf__open();
	if (!skel) {
		snprintf(why, whylen, "cannot open the BPF object: %s", strerror(errno));
		return -errno;
	}
	b->skel = skel;
	b->count_only = o->summary == SUMMARY_ONLY && !o->filter.npaths && !o->filter.fds_given;
	bpf_plan_build(o, b->count_only, (struct scry_plan *)skel->rodata->plans, SCRY_NR_MAX,
		       (struct scry_plan *)&skel->rodata->unknown_plan);
	skel->rodata->follow = o->follow > 0;
	skel->rodata->follow_threads = o->threads;
	skel->rodata->need_cpu_time = o->summary != SUMMARY_NONE && !o->summary_wall;
	skel->rodata->signals_wanted = o->summary != SUMMARY_ONLY;
	skel->rodata->send_maps = o->kflag;

	/* tp_btf where the kernel has BTF for tracepoints, raw_tp otherwise */
	bool btf = access("/sys/kernel/btf/vmlinux", R_OK) == 0;
	bpf_program__set_autoload(skel->progs.sys_enter_raw, !btf);
	bpf_program__set_autoload(skel->progs.sys_exit_raw, !btf);
	bpf_program__set_autoload(skel->progs.sys_enter_btf, btf);
	bpf_program__set_autoload(skel->progs.sys_exit_btf, btf);

	r = trace_bpf__load(skel);
	if (r < 0) {
		snprintf(why, whylen, "cannot load the BPF programs: %s%s", strerror(-r),
			 -r == EPERM ? " (needs root, or CAP_BPF and CAP_PERFMON)" : "");
		return r;
	}
	r = trace_bpf__attach(skel);
	if (r < 0) {
		snprintf(why, whylen, "cannot attach the BPF programs: %s", strerror(-r));
		return r;
	}
	b->rb = ring_buffer__new(bpf_map__fd(skel->maps.rb), on_record, b, NULL);
	if (!b->rb) {
		snprintf(why, whylen, "cannot map the ring buffer: %s", strerror(errno));
		return -errno;
	}
	return 0;
}

/* Shows the entries of calls blocked for a while (see scan_blocked in trace.bpf.c). */
static void scan_blocked(struct backend *b)
{
	char buf[64];
	int fd;

	if (!b->skel->links.scan_blocked)
		return;
	fd = bpf_iter_create(bpf_link__fd(b->skel->links.scan_blocked));
	if (fd < 0)
		return;
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	close(fd);
	ring_buffer__consume(b->rb);
}

static void read_counts(struct backend *b)
{
	int ncpu = libbpf_num_possible_cpus();
	int fd = bpf_map__fd(b->skel->maps.counts);

	if (ncpu <= 0 || !b->s->summary)
		return;
	struct scry_count *v = calloc((size_t)ncpu, sizeof(*v));
	if (!v)
		return;
	for (uint32_t nr = 0; nr < SCRY_NR_MAX; nr++) {
		if (bpf_map_lookup_elem(fd, &nr, v) < 0)
			continue;
		uint64_t calls = 0, errors = 0, ns = 0, mn = UINT64_MAX, mx = 0;
		for (int c = 0; c < ncpu; c++) {
			if (!v[c].calls)
				continue;
			calls += v[c].calls;
			errors += v[c].errors;
			ns += v[c].ns;
			mn = v[c].min_ns < mn ? v[c].min_ns : mn;
			mx = v[c].max_ns > mx ? v[c].max_ns : mx;
		}
		if (calls)
			summary_add_many(b->s->summary, nr, calls, errors, ns, mn, mx);
	}
	free(v);
}

int bpf_run(struct session *s, char *why, size_t whylen)
{
	struct backend b = {.s = s};
	struct sigaction sa = {.sa_handler = on_interrupt};
	int go = -1, ret = 0;
	bool any = false;

	/* handlers first: a SIGINT while loading must not be lost (background jobs of a
	 * shell start with SIGINT ignored, so it would be dropped, not kill scry) */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	if (load(&b, why, whylen) < 0) {
		sa.sa_handler = SIG_DFL;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		sigaction(SIGQUIT, &sa, NULL);
		sigaction(SIGPIPE, &sa, NULL);
		ret = BPF_RUN_UNAVAILABLE;
		goto out;
	}
	s->mem = (struct mem_reader){bpf_read, bpf_read_str, &b};
	s->fd_describe = bpf_fd_describe;
	s->fd_path = bpf_fd_path;
	if (s->o->kflag) {
		s->stack = bpf_stack;
		s->stack_capture = bpf_stack_capture;
	}
	b.mono2real = now_ns(CLOCK_REALTIME) - now_ns(CLOCK_MONOTONIC);
	static char errbuf[1 << 16];
	if (s->out == stderr)
		setvbuf(stderr, errbuf, _IOFBF, sizeof(errbuf)); /* flushed per batch */

	if (s->o->argv) {
		pid_t pid = launch(s, &go);
		if (pid < 0) {
			ret = 1;
			goto out;
		}
		s->child = b.launched = pid;
		struct tracee *t = adopt(&b, pid, pid);
		t->flags |= TF_HIDE_LOG;
		b.skel->bss->hide_tgid = (uint32_t)pid;
		set_traced(&b, pid, true);
		any = true;
	}
	for (unsigned i = 0; i < s->o->npids; i++)
		any |= attach_process(&b, s->o->pids[i]) == 0;
	if (go >= 0) {
		if (write(go, "g", 1) < 0)
			log_error_errno(-errno, "cannot start the command");
		close(go);
		go = -1;
	}
	if (!any) {
		ret = 1;
		goto out;
	}
	uint64_t last_sweep = now_ns(CLOCK_MONOTONIC), last_scan = last_sweep;
	uint64_t last_tick = last_sweep;
	while (s->nprocs > 0 && !interrupted && !s->stop) {
		int n = ring_buffer__poll(b.rb, 25);
		if (n < 0 && n != -EINTR) {
			log_error_errno(n, "ring buffer");
			break;
		}
		/* wakeups are batched: what arrived without one is read here */
		ring_buffer__consume(b.rb);
		flush_all(s);
		report_lost(&b);
		if (b.launched) {
			int status;
			pid_t w = waitpid(b.launched, &status, WNOHANG);
			if (w == b.launched) {
				b.launched = 0;
				ring_buffer__consume(b.rb); /* its exit record came before */
				struct tracee *t = tracee_find(s, w);
				if (t) {
					if (session_shown(s, t))
						s->sink->exited(s, t, status);
					bthread_drop(&b, t->pid);
					tracee_drop(s, t);
				}
				s->exit_code = WIFSIGNALED(status) ? 0x100 | WTERMSIG(status)
								   : WEXITSTATUS(status);
				s->child = 0;
			}
		}
		uint64_t now = now_ns(CLOCK_MONOTONIC);
		if (!b.count_only && now - last_scan > 50000000ull) {
			scan_blocked(&b);
			last_scan = now;
		}
		if (now - last_sweep > 1000000000ull) {
			sweep_gone(&b);
			last_sweep = now;
		}
		if (s->tick && now - last_tick >= s->tick_ms * 1000000ull) {
			s->tick(s);
			last_tick = now;
		}
	}
	ring_buffer__consume(b.rb);
	report_lost(&b);
	if (b.stacks_lost)
		text_lost(s, b.stacks_lost, "-k stacks of processes gone before they were read");
	if (interrupted || s->stop)
		detach_all(&b);
	if (s->summary) {
		if (b.count_only)
			read_counts(&b);
		summary_print(s->summary, s->out, s->o->sort_by);
		summary_lost(&b);
	}
	fflush(s->out);
	/* the launched command is scry's child: collect it (its exit record may come first) */
	if (b.launched) {
		int status;
		if (waitpid(b.launched, &status, 0) == b.launched)
			s->exit_code =
			    WIFSIGNALED(status) ? 0x100 | WTERMSIG(status) : WEXITSTATUS(status);
	}
out:
	fflush(stderr);
	setvbuf(stderr, NULL, _IONBF, 0);
	if (go >= 0)
		close(go);
	ring_buffer__free(b.rb);
	trace_bpf__destroy(b.skel);
	bthreads_free(&b);
	for (unsigned i = 0; i < 16; i++)
		sb_free(&b.maps_rx[i].text);
	free(b.caps);
	return ret;
}
