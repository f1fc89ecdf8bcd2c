/* The ptrace backend: launching or attaching, the wait loop, and turning ptrace stops into
 * the session's events. strace's behaviour is the reference throughout. */
#include <dirent.h>
#include <sched.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "basic/clock.h"
#include "basic/log.h"
#include "trace/ptrace.h"
#include "trace/ptrace_attach.h"
#include "unwind/unwind.h"

static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t tick_due;

static void on_interrupt(int sig)
{
	interrupted = sig;
}

static void on_tick(int sig)
{
	(void)sig;
	tick_due = 1;
}

/* s->tick: a periodic SIGALRM (without SA_RESTART, so that it wakes wait4) marks it due; it
 * runs in the loop with SIGALRM blocked, so its own output is never cut by EINTR. */
static void tick_arm(struct session *s, bool on)
{
	unsigned ms = on ? s->tick_ms : 0;
	struct itimerval it = {
	    .it_interval = {ms / 1000, (ms % 1000) * 1000},
	    .it_value = {ms / 1000, (ms % 1000) * 1000},
	};
	struct sigaction sa = {.sa_handler = on ? on_tick : SIG_DFL};

	if (!s->tick || !s->tick_ms)
		return;
	if (!on)
		setitimer(ITIMER_REAL, &it, NULL);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	if (on)
		setitimer(ITIMER_REAL, &it, NULL);
}

static void tick_run(struct session *s)
{
	sigset_t set, old;

	tick_due = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, &old);
	s->tick(s);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static unsigned ptrace_options(const struct session *s)
{
	unsigned o =
	    PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_TRACESECCOMP;
	/* Children are followed with -f, and also without it under a seccomp filter: a child
	 * that nobody traces would get ENOSYS from SECCOMP_RET_TRACE. */
	if (s->o->follow || seccomp_wanted(s->o))
		o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	else if (s->o->threads)
		o |= PTRACE_O_TRACECLONE; /* clone without SIGCHLD: threads, not forks */
	if (s->o->kill_on_exit)
		o |= PTRACE_O_EXITKILL;
	return o;
}

/* ---- syscalls ---- */

static void syscall_enter(struct session *s, struct tracee *t,
			  const struct __ptrace_syscall_info *info)
{
	struct sc_event *ev = &t->ev;

	memset(ev, 0, sizeof(*ev));
	ev->tid = t->pid;
	ev->tgid = t->tgid;
	ev->nr = (long)info->entry.nr;
	for (int i = 0; i < 6; i++)
		ev->args[i] = info->entry.args[i];
	ev->ip = info->instruction_pointer;
	ev->sp = info->stack_pointer;
	ev->t_enter = now_ns(CLOCK_REALTIME);
	t->t_mono_enter = now_ns(CLOCK_MONOTONIC);
	session_syscall_enter(s, t);
}

static void syscall_exit(struct session *s, struct tracee *t,
			 const struct __ptrace_syscall_info *info)
{
	struct sc_event *ev = &t->ev;

	if (!(t->flags & TF_INSYSCALL))
		return; /* the exit of a syscall in progress when we attached */
	ev->ret = info->exit.rval;
	ev->is_error = info->exit.is_error;
	ev->has_ret = true;
	ev->t_exit = now_ns(CLOCK_REALTIME);
	/* as strace: system time since the previous syscall's exit (which includes the cost of
	 * both ptrace stops), or wall time since entry with -w */
	uint64_t ns = s->o->summary_wall ? now_ns(CLOCK_MONOTONIC) - t->t_mono_enter
					 : t->stime_ns - t->stime_last_exit;
	t->stime_last_exit = t->stime_ns;
	session_syscall_exit(s, t, ns);
}

static void handle_syscall_stop(struct session *s, struct tracee *t)
{
	struct __ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->pid, sizeof(info), &info) < 0)
		return;
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
	case PTRACE_SYSCALL_INFO_SECCOMP:
		syscall_enter(s, t, &info);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		syscall_exit(s, t, &info);
		break;
	}
}

/* -k: the tracee is stopped (syscall, signal or group stop): unwind it in place. */
static int ptrace_stack(struct session *s, struct tracee *t, uint64_t *pcs, int max)
{
	struct unwinder *u = session_unwinder(s, t->tgid);

	return u ? unwind_stopped(u, t->pid, pcs, max) : -ENOTSUP;
}

/* ---- launching ---- */

/* strace resolves the command itself so that execve shows the full path. */
static pid_t launch(struct session *s)
{
	const struct trace_opts *o = s->o;
	char *path = find_in_path(o->argv[0]);
	struct stat st;
	struct passwd *pw = NULL;

	if (!path || stat(path, &st) < 0) {
		log_error("Can't stat '%s': %s", o->argv[0], strerror(path ? errno : ENOENT));
		exit(1);
	}
	if (o->username) {
		pw = getpwnam(o->username);
		if (!pw) {
			log_error("Cannot find user '%s'", o->username);
			exit(1);
		}
	}
	bool use_seccomp = seccomp_wanted(o);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		log_error_errno(-errno, "fork");
		exit(1);
	}
	if (pid == 0) {
		apply_env(o);
		if (pw) {
			if (initgroups(pw->pw_name, pw->pw_gid) < 0 ||
			    setregid(pw->pw_gid, pw->pw_gid) < 0 ||
			    setreuid(pw->pw_uid, pw->pw_uid) < 0) {
				log_error_errno(-errno, "cannot run as user '%s'", o->username);
				_exit(1);
			}
		}
		signal(SIGCHLD, SIG_DFL);
		kill(getpid(), SIGSTOP);
		if (use_seccomp) {
			int r = seccomp_install(&o->filter, o->kflag);
			if (r < 0)
				log_error_errno(
				    r, "seccomp filter not installed, tracing every syscall");
		}
		execv(path, o->argv);
		log_error_errno(-errno, "exec %s", path);
		_exit(1);
	}
	free(path);
	int status;
	while (waitpid(pid, &status, WSTOPPED) < 0)
		if (errno != EINTR) {
			log_error_errno(-errno, "waitpid");
			exit(1);
		}
	if (!WIFSTOPPED(status) || WSTOPSIG(status) != SIGSTOP) {
		kill(pid, SIGKILL);
		log_error("unexpected wait status %#x", (unsigned)status);
		exit(1);
	}
	if (ptrace(PTRACE_SEIZE, pid, 0, ptrace_options(s)) < 0) {
		int e = errno;
		kill(pid, SIGKILL);
		log_error("attach: ptrace(PTRACE_SEIZE, %d): %s", pid, strerror(e));
		exit(1);
	}
	kill(pid, SIGCONT);
	return pid;
}

/* ---- attaching (-p) ---- */

static int attach_process(struct session *s, pid_t pid)
{
	int r = ptrace_seize_thread(pid, ptrace_options(s));
	if (r < 0) {
		char why[256];
		ptrace_explain_failure(pid, -r, why, sizeof(why));
		log_error("attach: ptrace(PTRACE_SEIZE, %d): %s", pid, why);
		return r;
	}
	struct tracee *t = tracee_new(s, pid);
	t->flags |= TF_ATTACHED | TF_STARTUP;
	t->tgid = pid;

	unsigned nthreads = 1;
	char dir[64];
	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	DIR *d = opendir(dir);
	for (struct dirent *de; d && (de = readdir(d));) {
		pid_t tid = (pid_t)atoi(de->d_name);
		if (tid <= 0 || tid == pid || tracee_find(s, tid))
			continue;
		if (ptrace_seize_thread(tid, ptrace_options(s)) < 0)
			continue;
		struct tracee *th = tracee_new(s, tid);
		th->flags |= TF_ATTACHED | TF_STARTUP;
		th->tgid = pid;
		nthreads++;
	}
	if (d)
		closedir(d);
	if (!s->o->quiet) {
		if (nthreads > 1)
			text_message(s, "Process %d attached with %u threads", pid, nthreads);
		else
			text_message(s, "Process %d attached", pid);
	}
	return 0;
}

/* ---- stops ---- */

static void handle_exec(struct session *s, struct tracee *t)
{
	unsigned long old = 0;

	session_unwinder_exec(s, t->tgid);
	if (ptrace(PTRACE_GETEVENTMSG, t->pid, 0, &old) < 0 || (pid_t)old == t->pid)
		return;
	/* A non-leader thread called execve: it now has the leader's tid. */
	struct tracee *execer = tracee_find(s, (pid_t)old);
	if (!execer)
		return;
	session_exec_takeover(s, t, execer);
}

static void restart(struct tracee *t, int op, int sig)
{
	if (ptrace(op, t->pid, 0, sig) < 0 && errno != ESRCH)
		log_error_errno(-errno, "ptrace(restart, %d)", t->pid);
}

/* Whether another thread of t's process is traced already (t is a new thread of it). */
static bool same_process_traced(struct session *s, const struct tracee *t)
{
	for (unsigned i = 0; i < sizeof(s->tab) / sizeof(s->tab[0]); i++)
		for (const struct tracee *x = s->tab[i]; x; x = x->hnext)
			if (x != t && x->tgid == t->tgid && !(x->flags & TF_SILENT))
				return true;
	return false;
}

static struct tracee *new_child(struct session *s, pid_t pid)
{
	struct tracee *t = tracee_new(s, pid);
	char path[64], buf[512];

	/* the thread group: from /proc, as the fork event may not have been seen yet */
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	FILE *f = fopen(path, "r");
	while (f && fgets(buf, sizeof(buf), f))
		if (strncmp(buf, "Tgid:", 5) == 0)
			t->tgid = atoi(buf + 5);
	if (f)
		fclose(f);
	if (!s->o->follow && !(s->o->threads && same_process_traced(s, t))) {
		t->flags |= TF_SILENT;
		s->nsilent++;
	} else {
		tracee_open_output(s, t);
		if (!s->o->quiet)
			text_message(s, "Process %d attached", pid);
	}
	return t;
}

static void handle_stop(struct session *s, struct tracee *t, int status)
{
	int sig = WSTOPSIG(status);
	unsigned event = (unsigned)status >> 16;
	int op =
	    (t->flags & TF_SECCOMP) && !(t->flags & TF_INSYSCALL) ? PTRACE_CONT : PTRACE_SYSCALL;

	switch (event) {
	case 0:
		if (sig == (SIGTRAP | 0x80)) {
			handle_syscall_stop(s, t);
			op = (t->flags & TF_SECCOMP) && !(t->flags & TF_INSYSCALL) ? PTRACE_CONT
										   : PTRACE_SYSCALL;
			restart(t, op, 0);
			return;
		}
		siginfo_t si;
		if (ptrace(PTRACE_GETSIGINFO, t->pid, 0, &si) < 0) {
			/* group-stop of a non-seized tracee */
			if (session_shown(s, t) && numset_has(&s->o->filter.signals, (unsigned)sig))
				s->sink->stopped(s, t, sig);
			restart(t, PTRACE_LISTEN, 0);
			return;
		}
		if (session_shown(s, t) && numset_has(&s->o->filter.signals, (unsigned)sig))
			s->sink->signal(s, t, &si);
		restart(t, op, sig);
		return;
	case PTRACE_EVENT_STOP:
		if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) {
			if (session_shown(s, t) && numset_has(&s->o->filter.signals, (unsigned)sig))
				s->sink->stopped(s, t, sig);
			restart(t, PTRACE_LISTEN, 0);
			return;
		}
		restart(t, op, 0);
		return;
	case PTRACE_EVENT_EXEC: {
		pid_t pid = t->pid; /* handle_exec may free t and move the exec'ing thread here */
		handle_exec(s, t);
		t = tracee_find(s, pid);
		if (t)
			restart(t, PTRACE_SYSCALL, 0);
		return;
	}
	case PTRACE_EVENT_EXIT:
		if ((t->flags & TF_INSYSCALL) && !(t->flags & TF_FILTERED))
			s->sink->exit_event(s, t);
		restart(t, PTRACE_CONT, 0);
		return;
	case PTRACE_EVENT_SECCOMP:
		if (!(t->flags & TF_SECCOMP)) {
			/* the filter was installed: the entry stop was already seen */
			t->flags |= TF_SECCOMP;
			restart(t, PTRACE_SYSCALL, 0);
			return;
		}
		handle_syscall_stop(s, t);
		restart(t, PTRACE_SYSCALL, 0);
		return;
	default: /* fork, vfork, clone: the child shows up by itself */
		restart(t, op, 0);
		return;
	}
}

static void handle_exit(struct session *s, struct tracee *t, int status)
{
	if (t->pid == s->child) {
		s->exit_code = WIFSIGNALED(status) ? 0x100 | WTERMSIG(status) : WEXITSTATUS(status);
		s->child = 0;
	}
	if (session_shown(s, t))
		s->sink->exited(s, t, status);
	tracee_drop(s, t);
}

/* Detaches every tracee, leaving it running (strace's detach()). */
static void detach_all(struct session *s)
{
	for (unsigned i = 0; i < sizeof(s->tab) / sizeof(s->tab[0]); i++) {
		while (s->tab[i]) {
			struct tracee *t = s->tab[i];
			if (t->pid == s->child && s->o->argv) {
				kill(t->pid, SIGCONT);
				kill(t->pid, interrupted ? interrupted : SIGTERM);
			}
			ptrace_detach_thread(t->pid);
			if (session_shown(s, t))
				s->sink->detached(s, t);
			if ((t->flags & TF_ATTACHED) && !s->o->quiet && t->pid == t->tgid)
				text_message(s, "Process %d detached", t->pid);
			tracee_drop(s, t);
		}
	}
}

/* How long to poll for the next stop before sleeping in wait4. Waking a sleeping tracer
 * costs far more than a ptrace stop on these VMs (an idle vCPU wakes slowly, see FACTS.md);
 * a tracee that stops again within this time finds the tracer still awake. */
static uint64_t spin_ns = 40000;

/* Spinning pays only when a CPU is free for it: on a loaded machine it takes time from the
 * tracee (measured: 0.61x strace without spinning, 0.96x with it, at load 8 on 2 CPUs).
 * /proc/loadavg's running count is checked every 50 ms. */
static bool cpus_to_spare(uint64_t now)
{
	static uint64_t checked;
	static bool spare = true;
	static long ncpus;

	if (now - checked < 50000000)
		return spare;
	checked = now;
	if (!ncpus)
		ncpus = sysconf(_SC_NPROCESSORS_ONLN);
	FILE *f = fopen("/proc/loadavg", "re");
	int running = 0;
	if (f) {
		if (fscanf(f, "%*s %*s %*s %d", &running) != 1)
			running = 0;
		fclose(f);
	}
	/* the tracer itself is one of the running tasks */
	spare = running <= ncpus;
	return spare;
}

static pid_t wait_spinning(int *status, struct rusage *ru)
{
	uint64_t now = now_ns(CLOCK_MONOTONIC);
	uint64_t until = cpus_to_spare(now) ? now + spin_ns : 0;
	pid_t pid;

	do {
		pid = wait4(-1, status, __WALL | WNOHANG, ru);
		if (pid != 0)
			return pid;

	} while (now_ns(CLOCK_MONOTONIC) < until);
	fflush(NULL); /* about to sleep: everything printed so far must be visible */
	return wait4(-1, status, __WALL, ru);
}

int ptrace_run(struct session *s)
{
	struct sigaction sa = {.sa_handler = on_interrupt};
	bool any = false;

	s->mem = ptrace_mem_reader;
	s->fd_describe = fd_describe_proc;
	s->stack = ptrace_stack; /* the backend can: -k and scry leaks use it */
	sigemptyset(&sa.sa_mask);
	if (s->o->argv) {
		s->child = launch(s);
		struct tracee *t = tracee_new(s, s->child);
		t->flags |= TF_HIDE_LOG;
		if (s->o->follow >= 2 && s->o->outfile) {
			char name[4096];
			snprintf(name, sizeof(name), "%s.%d", s->o->outfile, s->child);
			t->outf = fopen(name, "we");
			if (!t->outf)
				t->outf = s->out;
		}
		any = true;
	}
	for (unsigned i = 0; i < s->o->npids; i++)
		any |= attach_process(s, s->o->pids[i]) == 0;
	if (getenv("SCRY_SPIN_NS"))
		spin_ns = strtoull(getenv("SCRY_SPIN_NS"), NULL, 10);

	if (!any)
		return 1;
	/* launched: Ctrl-C goes to the whole foreground group anyway; attached: detach */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);

	tick_arm(s, true);
	while (s->nprocs > 0 && !interrupted && !s->stop) {
		int status;
		struct rusage ru;
		if (tick_due) {
			tick_run(s);
			if (s->stop)
				break;
		}
		pid_t pid = wait_spinning(&status, s->summary ? &ru : NULL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		struct tracee *t = tracee_find(s, pid);
		if (!t) {
			if (!WIFSTOPPED(status))
				continue;
			t = new_child(s, pid);
		}
		if (s->summary)
			t->stime_ns = (uint64_t)ru.ru_stime.tv_sec * 1000000000ull +
				      (uint64_t)ru.ru_stime.tv_usec * 1000ull;
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			handle_exit(s, t, status);
			continue;
		}
		t->flags &= ~TF_STARTUP;
		handle_stop(s, t, status);
	}
	tick_arm(s, false);
	if (interrupted || s->stop)
		detach_all(s);
	if (s->summary)
		summary_print(s->summary, s->out, s->o->sort_by);
	fflush(s->out);
	return 0;
}
