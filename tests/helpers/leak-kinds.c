/* The fd factory of the scry leaks tests: each KIND on the command line runs one function that
 * creates fds through one syscall and keeps them (leak_*), or creates and ends them in a way
 * that is not a leak (ok_*). Built with -g so that the report can name the functions.
 *
 * usage: leak-kinds [--sync] [--threads] [--fork] KIND...
 *   --sync     write "ready\n" on stdout and wait for a byte on stdin before the work, write
 *              "done\n" after it and wait for EOF on stdin (attach tests)
 *   --threads  run each KIND in a thread of its own
 *   --fork     run the KINDs in a child process (which exits when done)
 * For each KIND that left fds open, "leaked FUNCTION N\n" goes to stderr (N fds); a KIND the
 * machine does not support prints "unsupported KIND: why" and leaks nothing. */
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <linux/openat2.h>
#include <linux/perf_event.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline))

static const char *self_path;

/* A leak of n fds (n < 0: -errno of the failing call) */
static int result(int n, const char *fn, int *fds, int nfds)
{
	(void)fds;
	(void)nfds;
	if (n < 0)
		fprintf(stderr, "unsupported %s: %s\n", fn, strerror(-n));
	else if (n > 0)
		fprintf(stderr, "leaked %s %d\n", fn, n);
	return n;
}

#define RET1(call)                                                                                 \
	({                                                                                         \
		int fd_ = (call);                                                                  \
		fd_ < 0 ? -errno : 1;                                                              \
	})

NOINLINE static int leak_open(void)
{
	return RET1((int)syscall(SYS_open, "/dev/null", O_RDONLY));
}

NOINLINE static int leak_openat(void)
{
	return RET1((int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY));
}

NOINLINE static int leak_openat2(void)
{
	struct open_how how = {.flags = O_RDONLY};
	return RET1((int)syscall(SYS_openat2, AT_FDCWD, "/dev/null", &how, sizeof(how)));
}

NOINLINE static int leak_creat(void)
{
	char path[64];
	snprintf(path, sizeof(path), "/tmp/scry-leak-creat-%d", getpid());
	int r = RET1((int)syscall(SYS_creat, path, 0600));
	unlink(path);
	return r;
}

NOINLINE static int leak_socket(void)
{
	return RET1(socket(AF_INET, SOCK_DGRAM, 0));
}

NOINLINE static int leak_socketpair(void)
{
	int sv[2];
	return socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0 ? -errno : 2;
}

/* A connected loopback pair: the listener and the client are closed by the caller. */
static int tcp_pair(int *lfd, int *cfd)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof(a);

	*lfd = socket(AF_INET, SOCK_STREAM, 0);
	*cfd = socket(AF_INET, SOCK_STREAM, 0);
	if (*lfd < 0 || *cfd < 0 || bind(*lfd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(*lfd, 4) < 0 || getsockname(*lfd, (struct sockaddr *)&a, &al) < 0 ||
	    connect(*cfd, (struct sockaddr *)&a, sizeof(a)) < 0)
		return -errno;
	return 0;
}

NOINLINE static int leak_accept(void)
{
	int l, c, r = tcp_pair(&l, &c);
	if (r == 0)
		r = RET1(accept(l, NULL, NULL));
	close(l);
	close(c);
	return r;
}

NOINLINE static int leak_accept4(void)
{
	int l, c, r = tcp_pair(&l, &c);
	if (r == 0)
		r = RET1(accept4(l, NULL, NULL, SOCK_CLOEXEC));
	close(l);
	close(c);
	return r;
}

NOINLINE static int leak_pipe(void)
{
	int p[2];
	return syscall(SYS_pipe, p) < 0 ? -errno : 2;
}

NOINLINE static int leak_pipe2(void)
{
	int p[2];
	return pipe2(p, O_CLOEXEC) < 0 ? -errno : 2;
}

NOINLINE static int leak_dup(void)
{
	return RET1(dup(2));
}

NOINLINE static int leak_dup2(void)
{
	return RET1(dup2(2, 200));
}

NOINLINE static int leak_dup3(void)
{
	return RET1(dup3(2, 201, O_CLOEXEC));
}

NOINLINE static int leak_fcntl_dupfd(void)
{
	return RET1(fcntl(2, F_DUPFD, 10));
}

NOINLINE static int leak_fcntl_dupfd_cloexec(void)
{
	return RET1(fcntl(2, F_DUPFD_CLOEXEC, 10));
}

NOINLINE static int leak_eventfd2(void)
{
	return RET1(eventfd(0, EFD_CLOEXEC));
}

NOINLINE static int leak_epoll_create1(void)
{
	return RET1(epoll_create1(0));
}

NOINLINE static int leak_timerfd_create(void)
{
	return RET1(timerfd_create(CLOCK_MONOTONIC, 0));
}

NOINLINE static int leak_signalfd4(void)
{
	sigset_t m;
	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	return RET1(signalfd(-1, &m, SFD_CLOEXEC));
}

NOINLINE static int leak_inotify_init1(void)
{
	return RET1(inotify_init1(0));
}

NOINLINE static int leak_fanotify_init(void)
{
	return RET1(fanotify_init(FAN_CLASS_NOTIF, O_RDONLY));
}

NOINLINE static int leak_memfd_create(void)
{
	return RET1(memfd_create("scry-leak-test", 0));
}

NOINLINE static int leak_pidfd_open(void)
{
	return RET1((int)syscall(SYS_pidfd_open, getpid(), 0));
}

NOINLINE static int leak_userfaultfd(void)
{
	return RET1((int)syscall(SYS_userfaultfd, O_CLOEXEC));
}

NOINLINE static int leak_perf_event_open(void)
{
	struct perf_event_attr a = {.type = PERF_TYPE_SOFTWARE,
				    .size = sizeof(a),
				    .config = PERF_COUNT_SW_DUMMY,
				    .disabled = 1,
				    .exclude_kernel = 1,
				    .exclude_hv = 1};
	return RET1((int)syscall(SYS_perf_event_open, &a, 0, -1, -1, 0));
}

NOINLINE static int leak_io_uring_setup(void)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	return RET1((int)syscall(SYS_io_uring_setup, 4, &p));
}

/* Sends an fd over a socketpair and keeps the received one; everything else is closed. */
NOINLINE static int leak_recvmsg(void)
{
	int sv[2], fd = open("/dev/null", O_RDONLY), got = -1;
	char byte = 'x', cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = {&byte, 1};
	struct msghdr mh = {
	    .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof(cbuf)};

	if (fd < 0 || socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return -errno;
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	int r = sendmsg(sv[0], &mh, 0) < 0 ? -errno : 0;
	close(fd);
	if (r == 0) {
		mh.msg_controllen = sizeof(cbuf);
		r = recvmsg(sv[1], &mh, 0) < 0 ? -errno : 0;
		c = CMSG_FIRSTHDR(&mh);
		if (r == 0 && c && c->cmsg_type == SCM_RIGHTS)
			memcpy(&got, CMSG_DATA(c), sizeof(int));
	}
	close(sv[0]);
	close(sv[1]);
	return r < 0 ? r : got >= 0 ? 1 : -EPROTO;
}

/* ---- not leaks ---- */

NOINLINE static int ok_balanced(void)
{
	for (int i = 0; i < 50; i++) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd < 0)
			return -errno;
		close(fd);
	}
	return 0;
}

NOINLINE static int ok_close_range(void)
{
	int first = open("/dev/null", O_RDONLY);
	for (int i = 0; i < 4; i++)
		if (open("/dev/null", O_RDONLY) < 0)
			return -errno;
	return syscall(SYS_close_range, first, ~0u, 0) < 0 ? -errno : 0;
}

NOINLINE static int ok_opened_then_replaced(void)
{
	return open("/dev/null", O_RDONLY);
}

/* dup2 over an open fd ends it: the fd that stays open was made by dup2, here, and the open in
 * ok_opened_then_replaced must not be blamed. */
NOINLINE static int leak_dup2_over(void)
{
	int a = ok_opened_then_replaced(), b = open("/dev/zero", O_RDONLY);
	if (a < 0 || b < 0 || dup2(b, a) < 0)
		return -errno;
	close(b);
	return 1;
}

/* O_CLOEXEC fds end at exec: this process execs itself to run the remaining KINDs. */
NOINLINE static int ok_cloexec_exec(char **rest)
{
	if (open("/dev/null", O_RDONLY | O_CLOEXEC) < 0 ||
	    open("/dev/zero", O_RDONLY | O_CLOEXEC) < 0)
		return -errno;
	fflush(NULL);
	execv(self_path, rest);
	return -errno;
}

static const struct kind {
	const char *name;
	int (*fn)(void);
} kinds[] = {
#define K(f)                                                                                       \
	{                                                                                          \
#f, f                                                                              \
	}
    K(leak_open),
    K(leak_openat),
    K(leak_openat2),
    K(leak_creat),
    K(leak_socket),
    K(leak_socketpair),
    K(leak_accept),
    K(leak_accept4),
    K(leak_pipe),
    K(leak_pipe2),
    K(leak_dup),
    K(leak_dup2),
    K(leak_dup3),
    K(leak_fcntl_dupfd),
    K(leak_fcntl_dupfd_cloexec),
    K(leak_eventfd2),
    K(leak_epoll_create1),
    K(leak_timerfd_create),
    K(leak_signalfd4),
    K(leak_inotify_init1),
    K(leak_fanotify_init),
    K(leak_memfd_create),
    K(leak_pidfd_open),
    K(leak_userfaultfd),
    K(leak_perf_event_open),
    K(leak_io_uring_setup),
    K(leak_recvmsg),
    K(leak_dup2_over),
    K(ok_balanced),
    K(ok_close_range),
#undef K
};

static const struct kind *find_kind(const char *name)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

static void *run_in_thread(void *arg)
{
	const struct kind *k = arg;
	result(k->fn(), k->name, NULL, 0);
	return NULL;
}

static bool threads;

static void run_kinds(char **names, int n, char **argv_all, int flags_end)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i], "ok_cloexec_exec") == 0) {
			/* argv for the exec: the same options, the KINDs after this one */
			char **rest = calloc((size_t)(flags_end + n - i + 2), sizeof(char *));
			int k = 0;
			rest[k++] = argv_all[0];
			rest[k++] = "--after-exec";
			for (int j = 1; j < flags_end; j++)
				if (strcmp(argv_all[j], "--fork") != 0)
					rest[k++] = argv_all[j];
			for (int j = i + 1; j < n; j++)
				rest[k++] = names[j];
			result(ok_cloexec_exec(rest), names[i], NULL, 0);
			exit(1);
		}
		const struct kind *kd = find_kind(names[i]);
		if (!kd) {
			fprintf(stderr, "leak-kinds: unknown kind '%s'\n", names[i]);
			exit(2);
		}
		if (threads) {
			pthread_t th;
			pthread_create(&th, NULL, run_in_thread, (void *)kd);
			pthread_join(th, NULL);
		} else {
			result(kd->fn(), kd->name, NULL, 0);
		}
	}
}

int main(int argc, char **argv)
{
	bool sync = false, fork_child = false, after_exec = false;
	int i;
	char c;

	self_path = "/proc/self/exe";
	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--sync") == 0)
			sync = true;
		else if (strcmp(argv[i], "--threads") == 0)
			threads = true;
		else if (strcmp(argv[i], "--fork") == 0)
			fork_child = true;
		else if (strcmp(argv[i], "--after-exec") == 0)
			after_exec = true;
		else if (strcmp(argv[i], "--list") == 0) {
			for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
				puts(kinds[k].name);
			return 0;
		} else {
			fprintf(stderr, "leak-kinds: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	if (sync && !after_exec) {
		fputs("ready\n", stdout);
		if (read(0, &c, 1) != 1)
			return 1;
	}
	if (fork_child) {
		fflush(NULL);
		pid_t pid = fork();
		if (pid == 0) {
			run_kinds(argv + i, argc - i, argv, i);
			_exit(0);
		}
		int status;
		waitpid(pid, &status, 0);
	} else {
		run_kinds(argv + i, argc - i, argv, i);
	}
	if (sync) {
		fputs("done\n", stdout);
		while (read(0, &c, 1) > 0)
			;
	}
	return 0;
}
