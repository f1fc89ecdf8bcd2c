/* scry trace: strace's options, strace's output. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/resource.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "basic/log.h"
#include "basic/strbuf.h"
#include "output/printer.h"
#include "cmd/commands.h"
#include "trace/ptrace.h"
#include "version.h"
#if HAVE_BPF
#include "trace/bpf.h"
#endif
#include "trace/session.h"

static const char usage_text[] =
    "usage: scry trace [-ACdffhikqqrtttTvVwxxyyzZ] [-I N] [-b execve] [-e EXPR]...\n"
    "                  [-a COLUMN] [-o FILE] [-s STRSIZE] [-X FORMAT] [-O OVERHEAD]\n"
    "                  [-S SORTBY] [-P PATH]... [-p PID]... [-U COLUMNS] [--seccomp-bpf]\n"
    "                  { -p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS] }\n"
    "   or: scry trace -c[dfwzZ] [-I N] [-b execve] [-e EXPR]... [-O OVERHEAD]\n"
    "                  [-S SORTBY] [-P PATH]... [-p PID]... [-U COLUMNS] [--seccomp-bpf]\n"
    "                  { -p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS] }\n"
    "\n"
    "Output format:\n"
    "  -a COLUMN, --columns=COLUMN   alignment COLUMN for printing syscall results (default 40)\n"
    "  -i, --instruction-pointer     print instruction pointer at time of syscall\n"
    "  -k, --stack-traces            obtain stack trace between each syscall\n"
    "  -o FILE, --output=FILE        send trace output to FILE instead of stderr\n"
    "  -A, --output-append-mode      open the file provided in the -o option in append mode\n"
    "  -q, --quiet                   suppress messages about attaching, detaching, etc.\n"
    "  -r, --relative-timestamps     print relative timestamp\n"
    "  -s STRSIZE, --string-limit=STRSIZE\n"
    "                                limit length of print strings to STRSIZE chars (default 32)\n"
    "  -t, --absolute-timestamps     print absolute timestamp (-tt: with usecs, -ttt: epoch)\n"
    "  -T, --syscall-times           print time spent in each syscall\n"
    "  -v, --no-abbrev               verbose mode: print entities unabbreviated\n"
    "  -x, --strings-in-hex=non-ascii  print non-ascii strings in hex (-xx: all strings)\n"
    "  -X FORMAT, --const-print-style=FORMAT  raw, abbrev or verbose\n"
    "  -y, --decode-fds              print paths associated with fds (-yy: socket details)\n"
    "  --json                        JSON Lines: one object per syscall, signal and exit\n"
    "\n"
    "Statistics:\n"
    "  -c, --summary-only            count time, calls, and errors for each syscall\n"
    "  -C, --summary                 like -c, but also print the regular output\n"
    "  -S SORTBY, --summary-sort-by=SORTBY  time, calls, errors, name, nothing\n"
    "  -w, --summary-wall-clock      summarise syscall latency (default is system time)\n"
    "\n"
    "Filtering:\n"
    "  -e trace=[!][?]{{SYSCALL|%%CLASS|/REGEX},...}, --trace=...  trace only these syscalls\n"
    "  -e signal=SET, --signal=SET   trace only the specified set of signals\n"
    "  -e status=SET, --status=SET   successful, failed, unfinished, unavailable, detached\n"
    "  -P PATH, --trace-path=PATH    trace accesses to PATH\n"
    "  --trace-fds=SET               trace syscalls on these file descriptors\n"
    "  -z, --successful-only         print only syscalls that returned without an error\n"
    "  -Z, --failed-only             print only syscalls that returned with an error\n"
    "\n"
    "Tracing:\n"
    "  -f, --follow-forks            follow forks\n"
    "  -ff, --output-separately      with -o FILE, write each process to FILE.PID\n"
    "  -p PID, --attach=PID          trace process PID (all its threads); repeatable\n"
    "  -E VAR=VAL, --env=VAR=VAL     put VAR=VAL in the environment of the command\n"
    "  -u USERNAME, --user=USERNAME  run the command as USERNAME\n"
    "  --kill-on-exit                kill the launched tracees if scry is killed\n"
    "  --seccomp-bpf                 accepted; scry uses a seccomp filter whenever it is safe\n"
    "  --backend=auto|ptrace|bpf     how to trace (default auto: bpf when it loads and\n"
    "                                no option needs ptrace)\n"
    "  --strict                      exit with status 1 if any event was lost (bpf)\n"
    "\n"
    "Miscellaneous:\n"
    "  -h, --help                    print this help\n"
    "  -V, --version                 print version\n";

enum {
	OPT_SECCOMP = 0x100,
	OPT_KILL_ON_EXIT,
	OPT_TRACE,
	OPT_SIGNAL,
	OPT_STATUS,
	OPT_TRACE_FDS,
	OPT_NO_SECCOMP,
	OPT_STRINGS_HEX,
	OPT_DECODE_FDS,
	OPT_BACKEND,
	OPT_STRICT,
	OPT_JSON,
};

static const struct option long_options[] = {
    {"columns", required_argument, 0, 'a'},
    {"output-append-mode", no_argument, 0, 'A'},
    {"summary", no_argument, 0, 'C'},
    {"summary-only", no_argument, 0, 'c'},
    {"env", required_argument, 0, 'E'},
    {"follow-forks", no_argument, 0, 'f'},
    {"output-separately", no_argument, 0, 'F'},
    {"help", no_argument, 0, 'h'},
    {"instruction-pointer", no_argument, 0, 'i'},
    {"stack-traces", no_argument, 0, 'k'},
    {"output", required_argument, 0, 'o'},
    {"attach", required_argument, 0, 'p'},
    {"trace-path", required_argument, 0, 'P'},
    {"quiet", optional_argument, 0, 'q'},
    {"relative-timestamps", optional_argument, 0, 'r'},
    {"string-limit", required_argument, 0, 's'},
    {"summary-sort-by", required_argument, 0, 'S'},
    {"absolute-timestamps", optional_argument, 0, 't'},
    {"syscall-times", optional_argument, 0, 'T'},
    {"user", required_argument, 0, 'u'},
    {"no-abbrev", no_argument, 0, 'v'},
    {"version", no_argument, 0, 'V'},
    {"summary-wall-clock", no_argument, 0, 'w'},
    {"strings-in-hex", optional_argument, 0, OPT_STRINGS_HEX},
    {"const-print-style", required_argument, 0, 'X'},
    {"decode-fds", optional_argument, 0, OPT_DECODE_FDS},
    {"successful-only", no_argument, 0, 'z'},
    {"failed-only", no_argument, 0, 'Z'},
    {"seccomp-bpf", no_argument, 0, OPT_SECCOMP},
    {"no-seccomp", no_argument, 0, OPT_NO_SECCOMP},
    {"kill-on-exit", no_argument, 0, OPT_KILL_ON_EXIT},
    {"trace", required_argument, 0, OPT_TRACE},
    {"signal", required_argument, 0, OPT_SIGNAL},
    {"signals", required_argument, 0, OPT_SIGNAL},
    {"status", required_argument, 0, OPT_STATUS},
    {"trace-fds", required_argument, 0, OPT_TRACE_FDS},
    {"backend", required_argument, 0, OPT_BACKEND},
    {"strict", no_argument, 0, OPT_STRICT},
    {"json", no_argument, 0, OPT_JSON},
    {0, 0, 0, 0},
};

/* "strace" through the link, else "scry trace" */
static const char *invoked_as(void)
{
	return strcmp(program_name, "strace") == 0 ? "strace" : "scry trace";
}

/* strace's own exit status for bad usage */
#define EXIT_USAGE 1

static _Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static _Noreturn void usage_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\nTry '%s -h' for more information.\n", program_name, msg,
		invoked_as());
	exit(EXIT_USAGE);
}

static unsigned parse_uint(const char *s, const char *what)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);

	if (errno || !*s || *end || v > INT_MAX)
		usage_error("invalid %s: '%s'", what, s);
	return (unsigned)v;
}

/* -P PATH that resolves elsewhere (a relative path, a symlink): strace 6.1 says so on stderr,
 * both names quoted as strings */
static void report_resolved_path(const char *path)
{
	char resolved[PATH_MAX];
	struct strbuf a = {0}, b = {0};

	if (!realpath(path, resolved) || strcmp(resolved, path) == 0)
		return;
	sb_quoted(&a, path, strlen(path), 0, true);
	sb_quoted(&b, resolved, strlen(resolved), 0, true);
	log_error("Requested path %s resolved into %s", a.buf, b.buf);
	sb_free(&a);
	sb_free(&b);
}

static void add_pids(struct trace_opts *o, const char *list)
{
	char bad[256];
	int r = trace_opts_add_pids(o, list, bad, sizeof(bad));

	if (r == -EINVAL)
		usage_error("Invalid process id: '%s'", bad);
	if (r == -ELOOP)
		usage_error("I'm sorry, I can't let you do that, Dave.");
	if (r < 0)
		usage_error("%s", strerror(-r));
}

/* -e EXPR: trace=, signal=, status=, abbrev=, verbose=, raw=, quiet=, decode-fds=. */
static void qualify(struct trace_opts *o, const char *expr)
{
	char err[256] = "";
	const char *eq = strchr(expr, '=');
	int r = 0;

	if (!eq) {
		r = filter_parse_trace(&o->filter, expr, err, sizeof(err));
	} else {
		size_t n = (size_t)(eq - expr);
		const char *val = eq + 1;
#define IS(name) (n == strlen(name) && strncmp(expr, name, n) == 0)
		if (IS("trace") || IS("t"))
			r = filter_parse_trace(&o->filter, val, err, sizeof(err));
		else if (IS("signal") || IS("signals") || IS("s"))
			r = filter_parse_signals(&o->filter, val, err, sizeof(err));
		else if (IS("status"))
			r = filter_parse_status(&o->filter, val, err, sizeof(err));
		else if (IS("trace-fds") || IS("trace-fd") || IS("fd") || IS("fds"))
			r = filter_parse_fds(&o->filter, val, err, sizeof(err));
		else if (IS("quiet") || IS("silent") || IS("silence") || IS("q"))
			o->quiet = strcmp(val, "none") ? 3 : 0;
		else if (IS("decode-fds") || IS("decode-fd"))
			o->print.decode_fds = strcmp(val, "none") ? 2 : 0;
		else if (IS("abbrev") || IS("a") || IS("raw") || IS("x"))
			; /* accepted: per-syscall abbreviation and raw output are not selective */
		else if (IS("verbose") || IS("v"))
			o->print.verbose = strcmp(val, "none") != 0;
		else
			r = filter_parse_trace(&o->filter, expr, err, sizeof(err));
#undef IS
	}
	if (r < 0)
		usage_error("%s", err);
}

static void parse_args(struct trace_opts *o, int argc, char **argv)
{
	int c, zflag = 0, Zflag = 0;
	bool append = false;
	(void)append;

	while ((c = getopt_long(argc, argv, "+a:AcCdDe:E:fFhiI:ko:O:p:P:qrs:S:tTu:vVwxX:yYzZ",
				long_options, NULL)) != -1) {
		switch (c) {
		case 'a':
			o->acolumn = parse_uint(optarg, "-a argument");
			break;
		case 'A':
			append = true;
			break;
		case 'c':
			o->summary = o->summary == SUMMARY_ALSO ? SUMMARY_ALSO : SUMMARY_ONLY;
			break;
		case 'C':
			o->summary = SUMMARY_ALSO;
			break;
		case 'd':
		case 'D':
		case 'I':
		case 'O':
			break; /* debug, daemonize, interruptible, overhead: accepted */
		case 'e':
			qualify(o, optarg);
			break;
		case 'E':
			o->env_set = realloc(o->env_set, (o->nenv + 1) * sizeof(char *));
			o->env_set[o->nenv++] = optarg;
			break;
		case 'f':
			o->follow++;
			break;
		case 'F':
			o->follow = 2;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'i':
			o->iflag = true;
			break;
		case 'k':
#if !HAVE_LIBDW
			usage_error(
			    "-k/--stack-traces: this scry was built without libdw and has no "
			    "stack unwinding");
#endif
			o->kflag = true;
			break;
		case 'o':
			o->outfile = optarg;
			break;
		case 'p':
			add_pids(o, optarg);
			break;
		case 'P':
			filter_add_path(&o->filter, optarg);
			report_resolved_path(optarg);
			break;
		case 'q':
			o->quiet++;
			break;
		case 'r':
			o->rflag = true;
			break;
		case 's':
			o->print.strsize = parse_uint(optarg, "-s argument");
			break;
		case 'S':
			if (!summary_sort_key_valid(optarg))
				usage_error("invalid sortby: '%s'", optarg);
			o->sort_by = optarg;
			break;
		case 't':
			o->tflag++;
			break;
		case 'T':
			o->Tflag = true;
			break;
		case 'u':
			o->username = optarg;
			break;
		case 'v':
			o->print.verbose = true;
			break;
		case 'V':
			printf("scry trace -- version %s\nOptional features enabled: %s\n",
			       SCRY_VERSION, SCRY_FEATURES);
			exit(0);
		case 'w':
			o->summary_wall = true;
			break;
		case 'x':
			if (o->print.xflag < 2)
				o->print.xflag++;
			break;
		case OPT_STRINGS_HEX:
			o->print.xflag = optarg && strcmp(optarg, "all") == 0 ? 2 : 1;
			break;
		case 'X':
			if (strcmp(optarg, "raw") == 0)
				o->print.xlat_style = XS_RAW;
			else if (strcmp(optarg, "abbrev") == 0)
				o->print.xlat_style = XS_ABBREV;
			else if (strcmp(optarg, "verbose") == 0)
				o->print.xlat_style = XS_VERBOSE;
			else
				usage_error("invalid xlat style '%s'", optarg);
			break;
		case 'y':
			if (o->print.decode_fds < 2)
				o->print.decode_fds++;
			break;
		case OPT_DECODE_FDS:
			o->print.decode_fds = optarg && strcmp(optarg, "path") == 0 ? 1 : 2;
			break;
		case 'Y':
			break;
		case 'z':
			zflag = 1;
			break;
		case 'Z':
			Zflag = 1;
			break;
		case OPT_SECCOMP:
			break;
		case OPT_NO_SECCOMP:
			o->no_seccomp = true;
			break;
		case OPT_KILL_ON_EXIT:
			o->kill_on_exit = true;
			break;
		case OPT_TRACE:
			qualify(o, optarg);
			break;
		case OPT_SIGNAL: {
			char err[256];
			if (filter_parse_signals(&o->filter, optarg, err, sizeof(err)) < 0)
				usage_error("%s", err);
			break;
		}
		case OPT_STATUS: {
			char err[256];
			if (filter_parse_status(&o->filter, optarg, err, sizeof(err)) < 0)
				usage_error("%s", err);
			break;
		}
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_BACKEND:
			if (strcmp(optarg, "auto") == 0 || strcmp(optarg, "ptrace") == 0)
				o->backend = optarg;
			else if (strcmp(optarg, "bpf") == 0)
				o->backend = optarg;
			else
				usage_error("invalid backend '%s' (auto, ptrace or bpf)", optarg);
			break;
		case OPT_STRICT:
			o->strict = true;
			break;
		case OPT_TRACE_FDS: {
			char err[256];
			if (filter_parse_fds(&o->filter, optarg, err, sizeof(err)) < 0)
				usage_error("%s", err);
			break;
		}
		default:
			fprintf(stderr, "Try '%s -h' for more information.\n", invoked_as());
			exit(EXIT_USAGE);
		}
	}
	if (zflag || Zflag)
		o->filter.status = (zflag ? ST_SUCCESSFUL : 0) | (Zflag ? ST_FAILED : 0);
	if (optind < argc)
		o->argv = argv + optind;
	if (!o->argv && !o->npids)
		usage_error("must have PROG [ARGS] or -p PID");
	if (o->argv && o->npids && false)
		usage_error("-p and PROG are mutually exclusive");
	if (o->follow >= 2 && !o->outfile)
		o->follow = 1; /* -ff without -o is -f */
	o->outfile_append = append;
}

/* --backend: auto takes bpf when it loads and no option needs ptrace, silently falling back;
 * an explicit bpf says why it cannot be used and fails. */
static int run_backend(struct session *s)
{
	const char *backend = s->o->backend ? s->o->backend : "auto";
	bool want_bpf = strcmp(backend, "bpf") == 0;

	if (strcmp(backend, "ptrace") == 0)
		return ptrace_run(s);
#if HAVE_BPF
	char why[256];
	/* -k under bpf unwinds stacks captured at the call after the fact: the process may have
	 * remapped or exited by then (the dynamic loader's early stacks differ); auto keeps
	 * strace's output with ptrace, --backend=bpf -k asks for the cheap one */
	if (!want_bpf && s->o->kflag)
		return ptrace_run(s);
	if (bpf_options_need_ptrace(s->o, why, sizeof(why))) {
		if (want_bpf) {
			log_error("cannot use the bpf backend: %s", why);
			return 1;
		}
		return ptrace_run(s);
	}
	int r = bpf_run(s, why, sizeof(why));
	if (r != BPF_RUN_UNAVAILABLE)
		return r;
	if (want_bpf) {
		log_error("cannot use the bpf backend: %s", why);
		return 1;
	}
#else
	if (want_bpf) {
		log_error("the bpf backend is not built into this scry; use --backend=ptrace");
		return 1;
	}
#endif
	return ptrace_run(s);
}

int cmd_trace(int argc, char **argv)
{
	struct trace_opts o = {
	    .print = {.strsize = 32},
	    .acolumn = 40,
	};
	struct session s = {.o = &o};

	filter_init(&o.filter);
	parse_args(&o, argc, argv);

	s.out = stderr;
	if (o.outfile && !(o.follow >= 2)) {
		s.out = fopen(o.outfile, o.outfile_append ? "ae" : "we");
		if (!s.out) {
			log_error("Can't fopen '%s': %s", o.outfile, strerror(errno));
			return 1;
		}
	}
	if (o.summary != SUMMARY_NONE)
		s.summary = summary_new();
	s.sink = o.json ? &json_sink : &text_sink;

	int r = run_backend(&s);
	if (s.out != stderr)
		fclose(s.out);
	summary_free(s.summary);
	session_unwinders_free(&s);
	filter_free(&o.filter);
	free(o.pids);
	free(o.env_set);
	if (r)
		return r;
	if (o.strict && s.lost)
		return 1;
	if (o.argv) {
		if (s.exit_code & 0x100) {
			/* die the way the command died (without a core file of our own) */
			int sig = s.exit_code & 0xff;
			struct rlimit rl = {0, 0};
			setrlimit(RLIMIT_CORE, &rl);
			signal(sig, SIG_DFL);
			sigset_t set;
			sigemptyset(&set);
			sigaddset(&set, sig);
			sigprocmask(SIG_UNBLOCK, &set, NULL);
			raise(sig);
			return 0x80 | sig;
		}
		return s.exit_code;
	}
	return 0;
}
