/* The sink of scry leaks: turns the syscall events of a trace session into fd-tracker calls.
 * Which syscalls create or end fds, and how, is one table. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>

#include "leaks/leaks.h"

enum how {
	H_RET = 1,     /* the return value is a new fd */
	H_SIGNALFD,    /* a new fd only when arg0 is -1 (else it updates arg0) */
	H_PAIR0,       /* int[2] at arg0 (pipe, pipe2) */
	H_PAIR3,       /* int[2] at arg3 (socketpair) */
	H_DUP2,	       /* the return value, after closing arg1 (dup2, dup3) */
	H_FCNTL,       /* F_DUPFD, F_DUPFD_CLOEXEC return a new fd */
	H_RECVMSG,     /* SCM_RIGHTS in the msghdr at arg1 */
	H_RECVMMSG,    /* SCM_RIGHTS in each of ret mmsghdrs at arg1 */
	H_CLOSE,       /* closes arg0 */
	H_CLOSE_RANGE, /* closes arg0..arg1 unless flags has CLOSE_RANGE_CLOEXEC */
	H_CLONE,       /* a new process, unless CLONE_THREAD; flags in arg0 */
	H_CLONE3,      /* flags in the struct clone_args at arg0 */
	H_FORK,	       /* a new process with a copy of the fd table */
	H_EXEC,	       /* O_CLOEXEC fds end */
};

/* The syscalls scry leaks traces, by number (x86_64). */
static const unsigned char how_by_nr[] = {
    [__NR_open] = H_RET,
    [__NR_openat] = H_RET,
    [__NR_openat2] = H_RET,
    [__NR_creat] = H_RET,
    [__NR_open_by_handle_at] = H_RET,
    [__NR_socket] = H_RET,
    [__NR_accept] = H_RET,
    [__NR_accept4] = H_RET,
    [__NR_dup] = H_RET,
    [__NR_eventfd] = H_RET,
    [__NR_eventfd2] = H_RET,
    [__NR_epoll_create] = H_RET,
    [__NR_epoll_create1] = H_RET,
    [__NR_timerfd_create] = H_RET,
    [__NR_inotify_init] = H_RET,
    [__NR_inotify_init1] = H_RET,
    [__NR_fanotify_init] = H_RET,
    [__NR_memfd_create] = H_RET,
    [__NR_memfd_secret] = H_RET,
    [__NR_pidfd_open] = H_RET,
    [__NR_pidfd_getfd] = H_RET,
    [__NR_userfaultfd] = H_RET,
    [__NR_perf_event_open] = H_RET,
    [__NR_io_uring_setup] = H_RET,
    [__NR_mq_open] = H_RET,
    [__NR_open_tree] = H_RET,
    [__NR_fsopen] = H_RET,
    [__NR_fsmount] = H_RET,
    [__NR_fspick] = H_RET,
    [__NR_landlock_create_ruleset] = H_RET,
    [__NR_signalfd] = H_SIGNALFD,
    [__NR_signalfd4] = H_SIGNALFD,
    [__NR_pipe] = H_PAIR0,
    [__NR_pipe2] = H_PAIR0,
    [__NR_socketpair] = H_PAIR3,
    [__NR_dup2] = H_DUP2,
    [__NR_dup3] = H_DUP2,
    [__NR_fcntl] = H_FCNTL,
    [__NR_recvmsg] = H_RECVMSG,
    [__NR_recvmmsg] = H_RECVMMSG,
    [__NR_close] = H_CLOSE,
    [__NR_close_range] = H_CLOSE_RANGE,
    [__NR_clone] = H_CLONE,
    [__NR_clone3] = H_CLONE3,
    [__NR_fork] = H_FORK,
    [__NR_vfork] = H_FORK,
    [__NR_execve] = H_EXEC,
    [__NR_execveat] = H_EXEC,
};

#define NHOW ((long)(sizeof(how_by_nr) / sizeof(how_by_nr[0])))

void leaks_filter(struct filter *f)
{
	f->trace.not = false;
	memset(f->trace.bits, 0, sizeof(f->trace.bits));
	for (long nr = 0; nr < NHOW; nr++)
		if (how_by_nr[nr])
			numset_add(&f->trace, (unsigned)nr);
	f->trace_given = true;
}

bool leaks_counted(long nr)
{
	return nr >= 0 && nr < NHOW && how_by_nr[nr] && how_by_nr[nr] <= H_CLOSE_RANGE;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static bool is_fork_child(const struct session *s, pid_t tgid)
{
	if (tgid == s->child || (s->o->argv && !s->child))
		return false;
	for (unsigned i = 0; i < s->o->npids; i++)
		if (s->o->pids[i] == tgid)
			return false;
	return true;
}

struct event_ctx {
	struct session *s;
	struct tracee *t;
	struct leaks *lk;
	struct leak_proc *p;
	uint64_t pcs[UNW_MAX_FRAMES];
	int npcs; /* -1: not unwound yet */
	unsigned opened, closed;
};

/* The stack of the current call: kept as captured when the backend has it that way (only the
 * fds still open at report time are unwound), else unwound now, once per event. */
static void creation_stack(struct event_ctx *c, struct leak_creation *cr)
{
	struct session *s = c->s;

	if (s->stack_capture) {
		if (tracker_pending(&c->lk->tr) >= LEAK_MAX_PENDING)
			tracker_resolve_oldest(&c->lk->tr, LEAK_MAX_PENDING / 2);
		cr->capture = s->stack_capture(s, c->t);
		if (cr->capture)
			return;
	}
	if (c->npcs < 0) {
		c->npcs = s->stack ? s->stack(s, c->t, c->pcs, UNW_MAX_FRAMES) : 0;
		if (c->npcs < 0) {
			c->lk->stack_errors++;
			c->npcs = 0;
		}
	}
	cr->pcs = c->pcs;
	cr->npcs = c->npcs;
}

/* Where a creating call says O_CLOEXEC: the flags argument, and the bit (O_CLOEXEC, which
 * SOCK_, EFD_, EPOLL_, TFD_, SFD_ and IN_CLOEXEC equal; MFD_CLOEXEC is 1). */
static const struct cloexec_arg {
	unsigned char arg1; /* argument index + 1; 0: the call has no such flag */
	unsigned mask;
} cloexec_by_nr[] = {
    [__NR_open] = {2, O_CLOEXEC},
    [__NR_openat] = {3, O_CLOEXEC},
    [__NR_open_by_handle_at] = {3, O_CLOEXEC},
    [__NR_socket] = {2, SOCK_CLOEXEC},
    [__NR_socketpair] = {2, SOCK_CLOEXEC},
    [__NR_accept4] = {4, SOCK_CLOEXEC},
    [__NR_pipe2] = {2, O_CLOEXEC},
    [__NR_dup3] = {3, O_CLOEXEC},
    [__NR_eventfd2] = {2, O_CLOEXEC},
    [__NR_epoll_create1] = {1, O_CLOEXEC},
    [__NR_timerfd_create] = {2, O_CLOEXEC},
    [__NR_signalfd4] = {4, O_CLOEXEC},
    [__NR_inotify_init1] = {1, O_CLOEXEC},
    [__NR_memfd_create] = {2, 1 /* MFD_CLOEXEC */},
};

static bool created_cloexec(const struct sc_event *ev)
{
	if (ev->nr == __NR_fcntl)
		return ev->args[1] == F_DUPFD_CLOEXEC;
	if (ev->nr < 0 || ev->nr >= (long)(sizeof(cloexec_by_nr) / sizeof(cloexec_by_nr[0])))
		return false;
	const struct cloexec_arg *a = &cloexec_by_nr[ev->nr];
	return a->arg1 && (ev->args[a->arg1 - 1] & a->mask);
}

static void opened(struct event_ctx *c, int fd)
{
	struct session *s = c->s;
	struct leak_creation cr = {
	    .nr = c->t->ev.nr,
	    .tid = c->t->pid,
	    .t = c->t->ev.t_exit ? c->t->ev.t_exit : now_ns(),
	    .cloexec = created_cloexec(&c->t->ev),
	};
	char target[4096];

	creation_stack(c, &cr);
	/* what the fd was when the call returned, if the backend saw it (bpf); else /proc now */
	if (s->fd_path) {
		int n = s->fd_path(s, c->t, fd, target, sizeof(target) - 1);
		if (n > 0) {
			target[n] = '\0';
			cr.target = target;
		}
	}
	if (tracker_open(&c->lk->tr, c->p, fd, &cr) == 0)
		c->opened++;
}

static void closed(struct event_ctx *c, int fd)
{
	c->closed += tracker_close(&c->lk->tr, c->p, fd);
}

static int tracee_read(struct event_ctx *c, uint64_t addr, void *buf, size_t len)
{
	struct session *s = c->s;

	if (!s->mem.read)
		return -ENOSYS;
	return s->mem.read(s->mem.ctx, &c->t->ev, addr, buf, len);
}

/* The fds of the SCM_RIGHTS messages in the control buffer of the msghdr at addr. */
static void scm_rights(struct event_ctx *c, uint64_t addr)
{
	struct msghdr mh;
	unsigned char ctl[4096];

	if (tracee_read(c, addr, &mh, sizeof(mh)) < 0 || !mh.msg_control || !mh.msg_controllen)
		return;
	size_t len = mh.msg_controllen < sizeof(ctl) ? mh.msg_controllen : sizeof(ctl);
	if (tracee_read(c, (uint64_t)(uintptr_t)mh.msg_control, ctl, len) < 0)
		return;
	for (size_t off = 0; off + sizeof(struct cmsghdr) <= len;) {
		struct cmsghdr ch;
		memcpy(&ch, ctl + off, sizeof(ch));
		if (ch.cmsg_len < sizeof(ch) || ch.cmsg_len > len - off)
			break;
		if (ch.cmsg_level == SOL_SOCKET && ch.cmsg_type == SCM_RIGHTS) {
			size_t n = (ch.cmsg_len - CMSG_LEN(0)) / sizeof(int);
			for (size_t i = 0; i < n; i++) {
				int fd;
				memcpy(&fd, ctl + off + CMSG_LEN(0) + i * sizeof(int), sizeof(fd));
				opened(c, fd);
			}
		}
		off += CMSG_ALIGN(ch.cmsg_len);
	}
}

static void new_process(struct event_ctx *c, pid_t child)
{
	struct tracker *tr = &c->lk->tr;

	if (child > 0)
		tracker_fork(tr, c->p, child, now_ns());
}

static void on_exit_event(struct event_ctx *c)
{
	const struct sc_event *ev = &c->t->ev;
	long ret = (long)ev->ret;
	int how = ev->nr >= 0 && ev->nr < NHOW ? how_by_nr[ev->nr] : 0;

	switch (how) {
	case H_RET:
		if (!ev->is_error)
			opened(c, (int)ret);
		break;
	case H_SIGNALFD:
		if (!ev->is_error && (int)ev->args[0] == -1)
			opened(c, (int)ret);
		break;
	case H_PAIR0:
	case H_PAIR3: {
		int fds[2];
		if (!ev->is_error &&
		    tracee_read(c, ev->args[how == H_PAIR0 ? 0 : 3], fds, sizeof(fds)) == 0) {
			opened(c, fds[0]);
			opened(c, fds[1]);
		}
		break;
	}
	case H_DUP2:
		if (!ev->is_error && (int)ev->args[1] != (int)ev->args[0]) {
			closed(c, (int)ev->args[1]);
			opened(c, (int)ret);
		}
		break;
	case H_FCNTL:
		if (!ev->is_error && (ev->args[1] == F_DUPFD || ev->args[1] == F_DUPFD_CLOEXEC))
			opened(c, (int)ret);
		break;
	case H_RECVMSG:
		if (!ev->is_error)
			scm_rights(c, ev->args[1]);
		break;
	case H_RECVMMSG:
		for (long i = 0; !ev->is_error && i < ret; i++)
			scm_rights(c, ev->args[1] + (uint64_t)i * sizeof(struct mmsghdr));
		break;
	case H_CLOSE:
		/* Linux frees the fd whatever close returns, except EBADF */
		if (!ev->is_error || ret != -EBADF)
			closed(c, (int)ev->args[0]);
		break;
	case H_CLOSE_RANGE: {
		unsigned lo = (unsigned)ev->args[0], hi = (unsigned)ev->args[1];
		if (ev->is_error || (ev->args[2] & 4 /* CLOSE_RANGE_CLOEXEC */))
			break;
		if (hi >= (unsigned)c->p->cap)
			hi = c->p->cap ? (unsigned)c->p->cap - 1 : 0;
		for (unsigned fd = lo; fd <= hi && fd < (unsigned)c->p->cap; fd++)
			closed(c, (int)fd);
		break;
	}
	case H_CLONE:
		if (!ev->is_error && !(ev->args[0] & CLONE_THREAD))
			new_process(c, (pid_t)ret);
		break;
	case H_CLONE3: {
		uint64_t flags;
		if (!ev->is_error && tracee_read(c, ev->args[0], &flags, sizeof(flags)) == 0 &&
		    !(flags & CLONE_THREAD))
			new_process(c, (pid_t)ret);
		break;
	}
	case H_FORK:
		if (!ev->is_error)
			new_process(c, (pid_t)ret);
		break;
	case H_EXEC:
		if (!ev->is_error)
			tracker_exec(&c->lk->tr, c->p, now_ns());
		break;
	}
}

/* An exec is about to replace the program: the stacks taken in it are named now. */
static void leaks_syscall_enter(struct session *s, struct tracee *t)
{
	if (t->ev.nr == __NR_execve || t->ev.nr == __NR_execveat)
		leak_sites_freeze(s->sink_ctx, t->tgid);
}

static void leaks_syscall_exit(struct session *s, struct tracee *t)
{
	struct leaks *lk = s->sink_ctx;
	uint64_t now = now_ns();
	struct event_ctx c = {.s = s, .t = t, .lk = lk, .npcs = -1};

	c.p = tracker_proc_get(&lk->tr, t->tgid, is_fork_child(s, t->tgid), now);
	if (!c.p)
		return;
	on_exit_event(&c);
	tracker_count(&lk->tr, c.p, t->ev.nr, t->ev.is_error, c.opened, c.closed, now);
}

static void leaks_exited(struct session *s, struct tracee *t, int status)
{
	struct leaks *lk = s->sink_ctx;
	(void)status;

	/* the leader is reported last: the whole thread group is gone */
	if (t->pid != t->tgid)
		return;
	struct leak_proc *p = tracker_proc(&lk->tr, t->tgid);
	if (p)
		tracker_exit(&lk->tr, p, now_ns());
}

static void nothing_t(struct session *s, struct tracee *t)
{
	(void)s;
	(void)t;
}

static void nothing_signal(struct session *s, struct tracee *t, const void *si)
{
	(void)s;
	(void)t;
	(void)si;
}

static void nothing_stopped(struct session *s, struct tracee *t, int sig)
{
	(void)s;
	(void)t;
	(void)sig;
}

static void nothing_superseded(struct session *s, struct tracee *t, pid_t old)
{
	(void)s;
	(void)t;
	(void)old;
}

const struct sink leaks_sink = {
    .syscall_enter = leaks_syscall_enter,
    .syscall_exit = leaks_syscall_exit,
    .exit_event = nothing_t,
    .signal = nothing_signal,
    .stopped = nothing_stopped,
    .exited = leaks_exited,
    .superseded = nothing_superseded,
    .detached = nothing_t,
};
