/*
 * mkfds: an fd factory for the scry fds/ps tests and benchmark.
 *
 * usage: mkfds [-n EXTRA] [-t THREADS] [-d DIR]
 *
 * Opens one fd of every kind scry fds must recognise, prints one manifest line per fd
 * ("FD KIND DETAIL") on stdout, then "ready", and sleeps until killed. With -n, also opens
 * EXTRA more fds of mixed kinds (files, pipes, socket pairs, eventfds) for the benchmark.
 * Files and sockets are created under DIR (default: a new directory under /tmp), which is
 * removed at exit when mkfds created it. With -t, THREADS more threads sleep beside main
 * (each listed as "thread TID"). Exits 1 if an fd that every kernel here supports
 * cannot be made; kinds that need a capability the machine lacks are listed as "skip KIND".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <unistd.h>

static char dir[64];
static int made_dir;

static void say(int fd, const char *kind, const char *fmt, ...)
{
	va_list ap;

	printf("%d %s ", fd, kind);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static _Noreturn void fail(const char *what)
{
	fprintf(stderr, "mkfds: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int check(int fd, const char *what)
{
	if (fd < 0)
		fail(what);
	return fd;
}

static void cleanup(void)
{
	char p[512];
	static const char *const names[] = {"file",   "wfile", "locked", "ofd",	    "posix", "fifo",
					    "mapped", "sock",  "dsock",	 "deleted", "sub"};

	if (!made_dir)
		return;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
		rmdir(p);
	}
	rmdir(dir);
}

static void on_signal(int sig)
{
	cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", dir, name);
}

/* A listening TCP socket and a connected client/server pair on loopback. */
static void tcp(int family)
{
	struct sockaddr_storage ss = {0};
	socklen_t len;
	const char *kind = family == AF_INET ? "tcp4" : "tcp6";
	int l = check(socket(family, SOCK_STREAM, 0), "socket tcp");
	char k[32];

	if (family == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof(*a);
	} else {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		a->sin6_family = AF_INET6;
		a->sin6_addr = in6addr_loopback;
		len = sizeof(*a);
	}
	if (bind(l, (struct sockaddr *)&ss, len) < 0 || listen(l, 8) < 0)
		fail("bind/listen tcp");
	getsockname(l, (struct sockaddr *)&ss, &len);
	int port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	int c = check(socket(family, SOCK_STREAM, 0), "socket tcp");

	if (connect(c, (struct sockaddr *)&ss, len) < 0)
		fail("connect tcp");
	int a = check(accept(l, NULL, NULL), "accept");
	struct sockaddr_storage cs;
	socklen_t cl = sizeof(cs);

	getsockname(c, (struct sockaddr *)&cs, &cl);
	int cport = ntohs(((struct sockaddr_in *)&cs)->sin_port);

	snprintf(k, sizeof(k), "%s-listen", kind);
	say(l, k, "%d", port);
	snprintf(k, sizeof(k), "%s-client", kind);
	say(c, k, "%d %d", cport, port);
	snprintf(k, sizeof(k), "%s-server", kind);
	say(a, k, "%d %d", port, cport);
}

static void udp(int family)
{
	struct sockaddr_storage ss = {0};
	socklen_t len;
	int s = check(socket(family, SOCK_DGRAM, 0), "socket udp");

	if (family == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof(*a);
	} else {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		a->sin6_family = AF_INET6;
		a->sin6_addr = in6addr_loopback;
		len = sizeof(*a);
	}
	if (bind(s, (struct sockaddr *)&ss, len) < 0)
		fail("bind udp");
	getsockname(s, (struct sockaddr *)&ss, &len);
	int port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	int c = check(socket(family, SOCK_DGRAM, 0), "socket udp");

	if (connect(c, (struct sockaddr *)&ss, len) < 0)
		fail("connect udp");
	struct sockaddr_storage cs;
	socklen_t cl = sizeof(cs);

	getsockname(c, (struct sockaddr *)&cs, &cl);
	say(s, family == AF_INET ? "udp4-bound" : "udp6-bound", "%d", port);
	say(c, family == AF_INET ? "udp4-connected" : "udp6-connected", "%d %d",
	    ntohs(((struct sockaddr_in *)&cs)->sin_port), port);
}

static void unix_socks(void)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int sv[2];

	path(a.sun_path, sizeof(a.sun_path), "sock");
	int l = check(socket(AF_UNIX, SOCK_STREAM, 0), "socket unix");

	if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 4) < 0)
		fail("bind unix");
	int c = check(socket(AF_UNIX, SOCK_STREAM, 0), "socket unix");

	if (connect(c, (struct sockaddr *)&a, sizeof(a)) < 0)
		fail("connect unix");
	int s = check(accept(l, NULL, NULL), "accept unix");

	say(l, "unix-listen", "%s", a.sun_path);
	say(c, "unix-client", "%d", s);
	say(s, "unix-server", "%s %d", a.sun_path, c);

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		fail("socketpair");
	say(sv[0], "unix-pair", "%d", sv[1]);
	say(sv[1], "unix-pair", "%d", sv[0]);

	path(a.sun_path, sizeof(a.sun_path), "dsock");
	int d = check(socket(AF_UNIX, SOCK_DGRAM, 0), "socket unix dgram");

	if (bind(d, (struct sockaddr *)&a, sizeof(a)) < 0)
		fail("bind unix dgram");
	say(d, "unix-dgram", "%s", a.sun_path);
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		fail("socketpair dgram");
	say(sv[0], "unix-dgram-pair", "%d", sv[1]);
	say(sv[1], "unix-dgram-pair", "%d", sv[0]);
}

static void files(void)
{
	char p[512];
	int fd;

	path(p, sizeof(p), "file");
	fd = check(open(p, O_RDWR | O_CREAT | O_TRUNC, 0644), "open file");
	if (write(fd, "0123456789", 10) != 10)
		fail("write");
	close(fd);
	fd = check(open(p, O_RDONLY), "open file");
	say(fd, "reg-r", "%s", p);
	path(p, sizeof(p), "wfile");
	fd = check(open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644), "open wfile");
	if (write(fd, "abc", 3) != 3)
		fail("write");
	say(fd, "reg-w", "%s", p);
	path(p, sizeof(p), "sub");
	mkdir(p, 0755);
	fd = check(open(p, O_RDONLY | O_DIRECTORY), "open dir");
	say(fd, "dir", "%s", p);
	fd = check(open("/dev/null", O_RDWR), "open /dev/null");
	say(fd, "chr", "/dev/null");

	path(p, sizeof(p), "deleted");
	fd = check(open(p, O_RDWR | O_CREAT | O_TRUNC, 0644), "open deleted");
	unlink(p);
	say(fd, "deleted", "%s", p);

	/* a mapping of a file deleted since: lsof's DEL row */
	path(p, sizeof(p), "mapped");
	fd = check(open(p, O_RDWR | O_CREAT | O_TRUNC, 0644), "open mapped");
	if (ftruncate(fd, 8192) < 0 || mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
		fail("mmap mapped");
	close(fd);
	unlink(p);
	printf("- mapped-deleted %s\n", p);

	path(p, sizeof(p), "locked");
	fd = check(open(p, O_RDWR | O_CREAT | O_TRUNC, 0644), "open locked");
	if (flock(fd, LOCK_EX) < 0)
		fail("flock");
	say(fd, "flock-W", "%s", p);
	/* a second fd of the same file, without a lock: lsof marks it too, scry must not */
	fd = check(open(p, O_RDONLY), "open locked");
	say(fd, "reg-r", "%s", p);

	path(p, sizeof(p), "ofd");
	fd = check(open(p, O_RDWR | O_CREAT | O_TRUNC, 0644), "open ofd");
	struct flock fl = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 5};

	if (fcntl(fd, F_OFD_SETLK, &fl) < 0)
		fail("F_OFD_SETLK");
	say(fd, "ofd-r", "%s", p);

	path(p, sizeof(p), "posix");
	fd = check(open(p, O_RDWR | O_CREAT | O_TRUNC, 0644), "open posix");
	fl = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
	if (fcntl(fd, F_SETLK, &fl) < 0)
		fail("F_SETLK");
	say(fd, "posix-W", "%s", p);
}

static void pipes(void)
{
	int p[2];
	char f[512];

	if (pipe(p) < 0)
		fail("pipe");
	say(p[0], "pipe-r", "%d", p[1]);
	say(p[1], "pipe-w", "%d", p[0]);
	path(f, sizeof(f), "fifo");
	if (mkfifo(f, 0600) < 0)
		fail("mkfifo");
	int fd = check(open(f, O_RDWR), "open fifo");

	say(fd, "fifo", "%s", f);
}

static void anon(void)
{
	int fd = check(eventfd(3, 0), "eventfd");

	say(fd, "eventfd", "-");
	int ep = check(epoll_create1(0), "epoll");
	struct epoll_event ev = {.events = EPOLLIN};

	epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
	say(ep, "epoll", "-");
	say(check(timerfd_create(CLOCK_MONOTONIC, 0), "timerfd"), "timerfd", "-");
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	say(check(signalfd(-1, &set, 0), "signalfd"), "signalfd", "-");
	int in = check(inotify_init1(0), "inotify");

	inotify_add_watch(in, dir, IN_CREATE);
	say(in, "inotify", "-");
	fd = check(memfd_create("scry-test", 0), "memfd_create");
	if (ftruncate(fd, 4096) < 0)
		fail("ftruncate");
	say(fd, "memfd", "scry-test");
	fd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	if (fd >= 0)
		say(fd, "pidfd", "%d", getpid());
	else
		printf("skip pidfd\n");
	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (fd < 0)
		fail("netlink socket");
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};

	bind(fd, (struct sockaddr *)&nl, sizeof(nl));
	say(fd, "netlink", "ROUTE");
	fd = socket(AF_PACKET, SOCK_RAW, htons(0x0003));
	if (fd >= 0)
		say(fd, "packet", "-");
	else
		printf("skip packet\n");
}

/* EXTRA fds for the benchmark: 40% files, 20% pipe ends, 20% socketpair ends, 20% eventfds. */
static void extra(long n)
{
	char p[512];
	int base;
	long made = 0;

	path(p, sizeof(p), "file");
	base = check(open(p, O_RDONLY), "open file");
	made++;
	while (made < n) {
		int sv[2];

		switch (made % 5) {
		case 0:
		case 1:
			if (dup(base) < 0)
				fail("dup");
			made++;
			break;
		case 2:
			if (pipe(sv) < 0)
				fail("pipe");
			made += 2;
			break;
		case 3:
			if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
				fail("socketpair");
			made += 2;
			break;
		default:
			check(eventfd(0, 0), "eventfd");
			made++;
			break;
		}
	}
	printf("extra %ld\n", made);
}

static pthread_mutex_t tid_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t tid_cond = PTHREAD_COND_INITIALIZER;
static int tids_reported;

static void *sleeper(void *arg)
{
	pthread_mutex_lock(&tid_lock);
	printf("thread %ld\n", (long)syscall(SYS_gettid));
	tids_reported++;
	pthread_cond_signal(&tid_cond);
	pthread_mutex_unlock(&tid_lock);
	for (;;)
		pause();
	return arg;
}

static void threads(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_t t;

		if (pthread_create(&t, NULL, sleeper, NULL) != 0) {
			errno = EAGAIN;
			fail("pthread_create");
		}
	}
	pthread_mutex_lock(&tid_lock);
	while (tids_reported < n)
		pthread_cond_wait(&tid_cond, &tid_lock);
	pthread_mutex_unlock(&tid_lock);
}

int main(int argc, char **argv)
{
	long n = 0, nthreads = 0;
	int opt;

	while ((opt = getopt(argc, argv, "n:d:t:")) != -1) {
		switch (opt) {
		case 'n':
			n = strtol(optarg, NULL, 10);
			break;
		case 't':
			nthreads = strtol(optarg, NULL, 10);
			break;
		case 'd':
			snprintf(dir, sizeof(dir), "%s", optarg);
			break;
		default:
			fprintf(stderr, "usage: mkfds [-n EXTRA] [-t THREADS] [-d DIR]\n");
			return 2;
		}
	}
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/mkfds.XXXXXX");
		if (!mkdtemp(dir))
			fail("mkdtemp");
		made_dir = 1;
	}
	atexit(cleanup);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("pid %d\n", getpid());
	printf("dir %s\n", dir);
	files();
	pipes();
	tcp(AF_INET);
	tcp(AF_INET6);
	udp(AF_INET);
	udp(AF_INET6);
	unix_socks();
	anon();
	if (n > 0)
		extra(n);
	threads(nthreads);
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
