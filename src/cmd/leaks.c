/* scry leaks: traces the fd-creating and fd-ending syscalls of a process (a trace session with
 * the leaks sink), then reports which fds created during the window are still open, grouped
 * by call stack and target, how fast the fd count grows, and a verdict. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "basic/log.h"
#include "cmd/commands.h"
#include "cmd/leaks.h"
#include "trace/ptrace.h"
#include "version.h"
#if HAVE_BPF
#include "trace/bpf.h"
#endif

/* Exit statuses */
#define EXIT_TRACE_FAILED 1
#define EXIT_USAGE	  2
#define EXIT_GROWTH	  3

static const char usage_text[] =
    "usage: scry leaks [options] -p PID[,PID...]\n"
    "   or: scry leaks [options] -- COMMAND [ARGS...]\n"
    "\n"
    "Tracks every fd a process creates and every way one ends, then reports the fds created\n"
    "during the window that are still open, grouped by call stack and target, how fast the\n"
    "fd count grows, and a verdict.\n"
    "\n"
    "  -p PID, --attach=PID     attach to PID (all its threads); repeatable or comma list\n"
    "  -f, --follow-forks       also track the children the processes fork\n"
    "  --duration=S             stop after S seconds (default: Ctrl-C or the command exits);\n"
    "                           attached processes keep running\n"
    "  --interval=S             also print a report every S seconds\n"
    "  --min-age=S              ignore fds younger than S seconds (warm-up, in-flight work)\n"
    "  --json                   the report as one JSON object\n"
    "  --fail-on-growth=N       exit with status 3 when the fd count grew faster than N per\n"
    "                           minute\n"
    "  --backend=auto|ptrace|bpf  how to trace (auto: bpf when it loads, else ptrace)\n"
    "  -h, --help               print this help\n"
    "\n"
    "Exit status: 0 report printed, 1 nothing could be traced, 2 bad usage, 3 growth above\n"
    "--fail-on-growth.\n";

enum {
	OPT_DURATION = 0x100,
	OPT_INTERVAL,
	OPT_MIN_AGE,
	OPT_JSON,
	OPT_FAIL_ON_GROWTH,
	OPT_BACKEND,
};

static const struct option long_options[] = {
    {"attach", required_argument, 0, 'p'},
    {"follow-forks", no_argument, 0, 'f'},
    {"duration", required_argument, 0, OPT_DURATION},
    {"interval", required_argument, 0, OPT_INTERVAL},
    {"min-age", required_argument, 0, OPT_MIN_AGE},
    {"json", no_argument, 0, OPT_JSON},
    {"fail-on-growth", required_argument, 0, OPT_FAIL_ON_GROWTH},
    {"backend", required_argument, 0, OPT_BACKEND},
    {"help", no_argument, 0, 'h'},
    {0, 0, 0, 0},
};

struct leaks_cmd {
	struct trace_opts o;
	struct session s;
	struct leaks lk;
	double duration, interval, min_age, fail_on_growth; /* < 0: not given */
	bool json;
	uint64_t t_start, t_last_report; /* CLOCK_MONOTONIC ns */
	const char *backend;		 /* the one running */
	bool announced;			 /* "tracking ..." said */
};

static _Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static _Noreturn void usage_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s; 'scry leaks --help' lists the options\n", program_name, msg);
	exit(EXIT_USAGE);
}

static double parse_seconds(const char *s, const char *opt)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);

	if (errno || end == s || *end || !isfinite(v) || v < 0 || v > 1e7)
		usage_error("%s wants a number of seconds, not '%s'", opt, s);
	return v;
}

static void add_pids(struct trace_opts *o, const char *list)
{
	char bad[256];
	int r = trace_opts_add_pids(o, list, bad, sizeof(bad));

	if (r == -EINVAL)
		usage_error("invalid process id '%s'", bad);
	if (r == -ELOOP)
		usage_error("scry cannot track its own fds (-p is scry's own pid)");
	if (r < 0)
		usage_error("%s", strerror(-r));
}

static void parse_args(struct leaks_cmd *c, int argc, char **argv)
{
	int opt;

	opterr = 0; /* our own one-line messages */
	while ((opt = getopt_long(argc, argv, "+:fhp:", long_options, NULL)) != -1) {
		switch (opt) {
		case 'p':
			add_pids(&c->o, optarg);
			break;
		case 'f':
			c->o.follow = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case OPT_DURATION:
			c->duration = parse_seconds(optarg, "--duration");
			if (c->duration == 0)
				usage_error("--duration must be more than 0 seconds");
			break;
		case OPT_INTERVAL:
			c->interval = parse_seconds(optarg, "--interval");
			if (c->interval < 0.1)
				usage_error("--interval must be at least 0.1 seconds");
			break;
		case OPT_MIN_AGE:
			c->min_age = parse_seconds(optarg, "--min-age");
			break;
		case OPT_JSON:
			c->json = true;
			break;
		case OPT_FAIL_ON_GROWTH: {
			char *end;
			c->fail_on_growth = strtod(optarg, &end);
			if (end == optarg || *end || !isfinite(c->fail_on_growth) ||
			    c->fail_on_growth < 0)
				usage_error("--fail-on-growth wants fds per minute, not '%s'",
					    optarg);
			break;
		}
		case OPT_BACKEND:
			if (strcmp(optarg, "auto") && strcmp(optarg, "ptrace") &&
			    strcmp(optarg, "bpf"))
				usage_error("invalid backend '%s' (auto, ptrace or bpf)", optarg);
			c->o.backend = optarg;
			break;
		case ':':
			usage_error("option %s needs an argument", argv[optind - 1]);
		default:
			if (optopt)
				usage_error("unknown option '-%c'", optopt);
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		c->o.argv = argv + optind;
	if (!c->o.argv && !c->o.npids)
		usage_error("nothing to track: give -p PID or -- COMMAND");
	if (c->o.argv && c->o.npids)
		usage_error("-p and a COMMAND cannot be combined");
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t real_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int symbolize(void *ctx, pid_t tgid, uint64_t pc, bool isret, struct unw_frame *out)
{
	struct session *s = ctx;
	struct unwinder *u = session_unwinder(s, tgid);

	if (!u)
		return -ENOTSUP;
	return unwind_symbolize(u, pc, isret, out);
}

/* tracker_resolve()'s unwinder: a captured stack, with the mappings the process had then. */
static int unwind_later(void *ctx, pid_t tgid, const struct unw_capture *cap, uint64_t *pcs,
			int max)
{
	struct leaks_cmd *c = ctx;
	struct unwinder *u = session_unwinder(&c->s, tgid);
	int n = u ? unwind_captured(u, &cap->regs, cap->stack, cap->len, pcs, max) : -ENOTSUP;

	if (n < 0)
		c->lk.stack_errors++;
	return n;
}

/* Builds and prints a report; returns the fastest growth per minute seen. */
static double report(struct leaks_cmd *c)
{
	struct leaks_describe d = {0};
	struct leak_report r;
	uint64_t now = real_ns();
	struct leak_report_opts ro = {
	    .min_age = c->min_age,
	    .describe = leaks_describe_fd,
	    .describe_ctx = &d,
	};

	/* a process that made no fd syscall yet still has its baseline listed */
	for (unsigned i = 0; i < c->o.npids; i++) {
		bool known = false;
		for (unsigned k = 0; k < c->lk.tr.nprocs; k++)
			known |= c->lk.tr.procs[k]->tgid == c->o.pids[i];
		if (!known)
			tracker_proc_get(&c->lk.tr, c->o.pids[i], false, now);
	}
	for (unsigned i = 0; i < c->lk.tr.nprocs; i++)
		tracker_reconcile(&c->lk.tr, c->lk.tr.procs[i], now);
	tracker_resolve(&c->lk.tr, NULL); /* only the stacks of what is still open */
	if (leak_report_build(&c->lk, &ro, now, &r) < 0) {
		log_error("out of memory building the report");
		leaks_describe_free(&d);
		return 0;
	}
	if (c->json)
		leak_report_json(&r, stdout, symbolize, &c->s);
	else
		leak_report_text(&r, stdout, symbolize, &c->s);
	fflush(stdout);
	double worst = r.worst_per_minute;
	leak_report_free(&r);
	leaks_describe_free(&d);
	return worst;
}

static struct leaks_cmd *ticking;

static void tick(struct session *s)
{
	struct leaks_cmd *c = ticking;
	uint64_t now = mono_ns(), rnow = real_ns();

	if (!c->announced && c->o.npids) {
		/* the backend has attached by its first tick: scripts can wait for this line */
		fprintf(stderr, "scry: tracking the fds of %s %d%s (%s); Ctrl-C for the report\n",
			c->o.npids > 1 ? "pids" : "pid", (int)c->o.pids[0],
			c->o.npids > 1 ? " and more" : "", c->backend);
		c->announced = true;
	}
	for (unsigned i = 0; i < c->lk.tr.nprocs; i++)
		if (!c->lk.tr.procs[i]->exited)
			tracker_sample(c->lk.tr.procs[i], rnow, false);
	if (c->duration > 0 && now - c->t_start >= (uint64_t)(c->duration * 1e9)) {
		s->stop = true;
		return;
	}
	if (c->interval > 0 && now - c->t_last_report >= (uint64_t)(c->interval * 1e9)) {
		c->t_last_report = now;
		report(c);
		if (!c->json)
			putchar('\n');
	}
}

/* --backend: auto takes bpf when it loads (the process runs at near full speed; stacks are
 * captured with each event and unwound only for the fds still open at report time), else
 * ptrace (each call stopped, its stack unwound live); an explicit bpf says why it cannot be
 * used and fails. */
static int run_backend(struct leaks_cmd *c)
{
	const char *backend = c->o.backend ? c->o.backend : "auto";
	bool want_bpf = strcmp(backend, "bpf") == 0;

	c->backend = "ptrace";
	if (strcmp(backend, "ptrace") == 0)
		return ptrace_run(&c->s);
#if HAVE_BPF
	char why[256];
	c->backend = "bpf";
	c->o.kflag = true; /* registers and the stack top with each event, the mappings too */
	int r = bpf_run(&c->s, why, sizeof(why));
	c->o.kflag = false;
	if (r != BPF_RUN_UNAVAILABLE)
		return r;
	if (want_bpf) {
		log_error("cannot use the bpf backend: %s", why);
		return EXIT_TRACE_FAILED;
	}
	c->backend = "ptrace";
#else
	if (want_bpf) {
		log_error("the bpf backend is not built into this scry; use --backend=ptrace");
		return EXIT_TRACE_FAILED;
	}
#endif
	return ptrace_run(&c->s);
}

int cmd_leaks(int argc, char **argv)
{
	static struct leaks_cmd c;

	c.duration = c.interval = c.fail_on_growth = -1;
	filter_init(&c.o.filter);
	parse_args(&c, argc, argv);
	leaks_filter(&c.o.filter);
	c.o.raw = true;
	c.o.quiet = 1;
	c.o.threads = true;
	c.o.print.strsize = 32;
	c.o.print.decode_fds = 1; /* bpf: what each new fd is, captured when it is made */
	c.s.o = &c.o;
	c.s.out = stderr;
	c.s.sink = &leaks_sink;
	c.s.sink_ctx = &c.lk;
	c.s.tick = tick;
	c.s.tick_ms = 100;
	ticking = &c;
	tracker_init(&c.lk.tr, real_ns());
	c.lk.tr.unwind = unwind_later;
	c.lk.symbolize = symbolize;
	c.lk.symbolize_ctx = &c.s;
	c.lk.tr.unwind_ctx = &c;
	c.t_start = c.t_last_report = mono_ns();

	/* the baseline of an attached process is what it holds now, before the backend attaches
	 * (bpf delivers events later: reading /proc at the first one would count fds opened
	 * since as pre-existing, and hide the growth) */
	for (unsigned i = 0; i < c.o.npids; i++)
		if (kill(c.o.pids[i], 0) == 0)
			tracker_proc_get(&c.lk.tr, c.o.pids[i], false, real_ns());
	int r = run_backend(&c);
	/* a report when something was tracked: a launched command ran, or the attach worked */
	bool tracked = c.o.argv ? c.lk.tr.nprocs > 0 : c.announced;
	if (r == 0 || tracked) {
		double worst = report(&c);
		if (r == 0 && c.fail_on_growth >= 0 && worst > c.fail_on_growth)
			r = EXIT_GROWTH;
	} else {
		r = EXIT_TRACE_FAILED;
	}
	tracker_free(&c.lk.tr);
	session_unwinders_free(&c.s);
	filter_free(&c.o.filter);
	free(c.o.pids);
	return r;
}
