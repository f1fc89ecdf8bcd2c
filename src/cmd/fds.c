/* scry fds: lsof's job. Options, reading the processes, the listing, the repeat loop and the
 * exit status; selection is in fds-select.c, +E in fds-endpoints.c, output in fds-output.c. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "basic/cleanup.h"
#include "basic/log.h"
#include "cmd/commands.h"
#include "cmd/fds.h"
#include "proc/mountinfo.h"
#include "proc/procfs.h"

#define CMD_MAX 15 /* the kernel's comm: TASK_COMM_LEN - 1 */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: scry fds [-anPtKU] [-S [SECS]] [-s [TCP:STATES]] [+c W] [-p PIDS]\n"
		"                [-c CMD] [-u USERS] [-d FDS] [-i [ADDR]] [+d DIR] [+D DIR]\n"
		"                [-F [FIELDS]] [-r|+r [SECS]] [+E]\n"
		"                [--json | --summary] [NAME...]\n\n"
		"List the files and sockets processes hold, in lsof's format.\n\n"
		"  -p PIDS     processes by pid, comma-separated; ^PID excludes\n"
		"  -c CMD      processes whose command starts with CMD; ^CMD excludes; /RE/ regex\n"
		"  -u USERS    processes of these login names or uids; ^USER excludes\n"
		"  -d FDS      fds: 0,3-10,cwd,rtd,txt,mem; ^FD excludes\n"
		"  -i [ADDR]   inet sockets matching [46][TCP|UDP][@HOST][:PORT[-PORT]]\n"
		"  -U          unix sockets\n"
		"  +d DIR      files in DIR;  +D DIR  files anywhere under DIR (no stat, by name)\n"
		"  -s          SIZE column: sizes only, never offsets\n"
		"  -s TCP:ST   inet sockets in these states only: TCP:LISTEN, TCP:^LISTEN,\n"
		"              TCP:ESTABLISHED,CLOSE_WAIT (UDP shares TCP's numbering)\n"
		"  +c W        COMMAND width (default 9, 0 for all 15 characters)\n"
		"  -a          AND the selections (default: OR)\n"
		"  -n, -P      numeric hosts, numeric ports\n"
		"  -t          process ids only\n"
		"  -F [FIELDS] lsof field output (pgRcuLfalGtdDsoikPnT, 0: NUL-separated)\n"
		"  -r [SECS]   repeat every SECS (default 15) until interrupted; +r until none\n"
		"  -K          list each task (thread) with a TID column\n"
		"  -S [SECS]   stat files on network filesystems too, giving up after SECS\n"
		"              (default 15); without -S they are never stat'ed\n"
		"  +E          NAME shows the other ends of pipes, unix sockets and local\n"
		"              connections: PID,CMD,FD\n"
		"  --json      one JSON object per line and fd\n"
		"  --summary   per process: fd count against RLIMIT_NOFILE, counts by type and by\n"
		"              folded name\n"
		"  -h, --help  this help\n"
		"  NAME        files with the inode of NAME, or all files of a mount point\n\n"
		"Exit status: 0 when something was listed, 1 when a requested item (pid, command,\n"
		"user, address, name) was not found or nothing was listed, 2 on a usage error.\n");
}

/* ---- the listing ---- */

struct listing {
	struct fds_proc_list procs;
	struct fds_row *rows;
	size_t n, cap;
};

static int add_row(struct listing *l, struct fds_row *row)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct fds_row *v = realloc(l->rows, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		l->rows = v;
		l->cap = cap;
	}
	l->rows[l->n++] = *row;
	return 0;
}

static void listing_free(struct listing *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->rows[i].name);
	free(l->rows);
	for (size_t i = 0; i < l->procs.n; i++)
		proc_files_free(&l->procs.v[i]);
	free(l->procs.v);
	*l = (struct listing){0};
}

/* Reads one process into the listing; endpoint_only: only its fds, for +E's other ends. */
static int list_process(struct fds_ctx *c, struct listing *l, pid_t pid, bool endpoint_only)
{
	_cleanup_close_ int dirfd = proc_open(pid);
	struct proc_files pf;
	unsigned int flags = PF_PREFAULT; /* the heap keeps big blocks: see cmd_fds() */
	int r;

	if (dirfd < 0)
		return dirfd;
	if (c->summary)
		flags |= PF_NO_MAPS;
	/* the G field and --json need every fd's flags and offset */
	if (c->json ||
	    (c->fields && (!c->fields[strspn(c->fields, "0")] || strchr(c->fields, 'G'))))
		flags |= PF_FDINFO;
	if (endpoint_only)
		flags |= PF_FDS_ONLY;
	r = proc_files_read(dirfd, pid, flags, endpoint_only ? NULL : fds_fd_filter, c, &pf);
	if (r < 0)
		return r;
	/* process-level exclusions before anything else */
	for (int k = SEL_PID; k <= SEL_USER && !endpoint_only; k++)
		if (c->sel[k].given && fds_proc_sel(&c->sel[k], k, &pf, false) < 0) {
			proc_files_free(&pf);
			return 0;
		}
	struct proc_files *v = realloc(l->procs.v, (l->procs.n + 1) * sizeof(*v));

	if (!v) {
		proc_files_free(&pf);
		return -ENOMEM;
	}
	l->procs.v = v;
	v[l->procs.n++] = pf;
	return 0;
}

/* A task's copy of a row: error rows name the task's own /proc path, as lsof does. */
static char *task_name(const struct fds_row *row, pid_t pid)
{
	char prefix[32];
	size_t n = (size_t)snprintf(prefix, sizeof(prefix), "/proc/%d/", pid);
	char *s;

	if (!row->of->err || strncmp(row->name, prefix, n) != 0)
		return strdup(row->name);
	if (asprintf(&s, "%stask/%d/%s", prefix, row->tid, row->name + n) < 0)
		return NULL;
	return s;
}

static int build_rows(struct fds_ctx *c, struct listing *l, struct netns_tables *nt,
		      const struct endpoints *ep, struct tuple_index *ti,
		      const struct pidfd_set *extra)
{
	size_t total = 0;

	for (size_t p = 0; p < l->procs.n; p++)
		total += l->procs.v[p].n;
	if (total > l->cap) {
		struct fds_row *v = realloc(l->rows, total * sizeof(*v));

		if (!v)
			return -ENOMEM;
		l->rows = v;
		l->cap = total;
	}
	for (size_t p = 0; p < l->procs.n; p++) {
		struct proc_files *pf = &l->procs.v[p];
		_cleanup_close_ int dirfd = -1;
		int *tids = NULL;
		ssize_t ntids = 0;
		size_t first = l->n;
		bool listed = false;

		for (size_t i = 0; i < pf->n; i++) {
			const struct open_file *of = &pf->v[i];
			const struct sock_entry *s = NULL;
			struct fds_row row;

			if (of->kind == OFK_SOCK && !of->err) {
				if (dirfd < 0)
					dirfd = proc_open(pf->pid);
				s = fds_sock_lookup(nt, pf, dirfd, of->sock_ino);
			}
			if (!fds_selected(c, pf, of, s) &&
			    !(of->slot == OF_FD && fds_pidfd_has(extra, pf->pid, of->fd)))
				continue;
			if (fds_row_build(&row, pf, of, s, &c->o) < 0 ||
			    (ep && fds_add_endpoints(ep, ti, nt, &row) < 0) || add_row(l, &row) < 0)
				return -ENOMEM;
			listed = true;
			/* mark what found something */
			for (int k = 0; k < SEL_MAX; k++)
				if (k <= SEL_USER)
					fds_proc_sel(&c->sel[k], k, pf, true);
				else
					fds_file_sel(&c->sel[k], k, of, s);
		}
		if (!listed || !c->tasks)
			continue;
		if (dirfd < 0)
			dirfd = proc_open(pf->pid);
		if (dirfd >= 0)
			ntids = proc_list_numeric(dirfd, "task", &tids);
		size_t last = l->n;

		for (ssize_t t = 0; t < ntids; t++) {
			char path[64], comm[16];

			if (tids[t] == pf->pid)
				continue;
			snprintf(path, sizeof(path), "task/%d/comm", tids[t]);
			if (proc_read_file(dirfd, path, comm, sizeof(comm)) < 0)
				continue; /* the thread exited */
			comm[strcspn(comm, "\n")] = '\0';
			for (size_t i = first; i < last; i++) {
				struct fds_row row = l->rows[i];

				row.tid = tids[t];
				memcpy(row.tcmd, comm, sizeof(row.tcmd));
				row.name = task_name(&row, pf->pid);
				if (!row.name || add_row(l, &row) < 0) {
					free(tids);
					return -ENOMEM;
				}
			}
		}
		free(tids);
	}
	return 0;
}

static bool procs_find(const struct fds_proc_list *p, pid_t pid)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].pid == pid)
			return true;
	return false;
}

static int proc_cmp(const void *a, const void *b)
{
	const struct proc_files *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

/* lsof lists processes in pid order, whatever the order of -p */
static void procs_sort(struct fds_proc_list *p)
{
	if (p->n > 1)
		qsort(p->v, p->n, sizeof(*p->v), proc_cmp);
}

static int run_once(struct fds_ctx *c, size_t *listed)
{
	struct listing l = {0};
	struct netns_tables nt = {.unix_peers = c->json || c->o.endpoints};
	int r = 0;

	if (fds_needs_all_procs(c)) {
		int *pids = NULL;
		ssize_t n = proc_list_numeric(AT_FDCWD, proc_root, &pids);

		if (n < 0)
			return log_error_errno((int)n, "cannot list processes in %s", proc_root);
		for (ssize_t i = 0; i < n && r >= 0; i++) {
			if (pids[i] == getpid())
				continue; /* lsof does not list itself either */
			r = list_process(c, &l, pids[i], false);
			if (r == -ESRCH || r == -EACCES || r == -EPERM || r == -EINVAL)
				r = 0; /* exited, or not ours to read: lsof skips it too */
		}
		free(pids);
	} else {
		struct sel *s = &c->sel[SEL_PID];

		for (size_t i = 0; i < s->n && r >= 0; i++) {
			if (s->v[i].neg)
				continue;
			r = list_process(c, &l, (pid_t)s->v[i].lo, false);
			if (r == -ESRCH)
				r = 0; /* reported as not found below */
			else if (r < 0)
				r = log_error_errno(r, "cannot read open files of process %ld",
						    s->v[i].lo);
		}
	}
	struct endpoints ep = {0};
	struct tuple_index ti = {0};
	struct pidfd_set extra = {0};

	procs_sort(&l.procs);
	if (r >= 0 && c->o.endpoints)
		r = fds_endpoints_load(&ep);
	if (r >= 0)
		r = build_rows(c, &l, &nt, c->o.endpoints ? &ep : NULL, &ti, NULL);
	if (r >= 0 && c->o.endpoints) {
		/* a second pass that also lists the other ends, in processes read for them */
		r = fds_collect_other_ends(l.rows, l.n, &ep, &ti, &nt, &extra);
		for (size_t i = 0; i < l.n; i++)
			free(l.rows[i].name);
		l.n = 0;
		for (size_t i = 0; r >= 0 && i < extra.n; i++) {
			if ((i && extra.v[i].pid == extra.v[i - 1].pid) ||
			    procs_find(&l.procs, extra.v[i].pid))
				continue;
			r = list_process(c, &l, extra.v[i].pid, true);
			if (r == -ESRCH || r == -EACCES || r == -EPERM)
				r = 0;
		}
		if (r >= 0) {
			procs_sort(&l.procs);
			r = build_rows(c, &l, &nt, &ep, &ti, &extra);
		}
	}
	free(ep.v);
	free(ti.v);
	free(extra.v);
	if (r < 0) {
		listing_free(&l);
		fds_netns_free(&nt);
		return r == -ENOMEM ? log_error_errno(r, "out of memory") : r;
	}
	if (c->terse) {
		pid_t last = 0;

		for (size_t i = 0; i < l.n; i++)
			if (l.rows[i].proc->pid != last) {
				last = l.rows[i].proc->pid;
				printf("%d\n", last);
			}
	} else if (c->json) {
		fds_print_json(l.rows, l.n);
	} else if (c->summary) {
		fds_print_summary(l.rows, l.n);
	} else if (c->fields) {
		fds_print_fields(l.rows, l.n, c->fields);
	} else {
		fds_print_table(l.rows, l.n, c->tasks, c->cmd_width, c->o.size_only);
	}
	*listed = l.n;
	listing_free(&l);
	fds_netns_free(&nt);
	return 0;
}

/* An optional argument: attached, or the next word when it does not look like an option. */
static const char *optional_arg(int argc, char **argv, int *i, const char *attached)
{
	if (*attached)
		return attached;
	if (*i + 1 < argc && argv[*i + 1][0] != '-' && argv[*i + 1][0] != '+')
		return argv[++*i];
	return NULL;
}

static const char *required_arg(int argc, char **argv, int *i, const char *attached,
				const char *opt)
{
	if (*attached)
		return attached;
	if (*i + 1 < argc)
		return argv[++*i];
	log_error("option %s needs an argument; 'scry fds --help' lists the options", opt);
	return NULL;
}

static bool looks_like_inet(const char *s)
{
	return strchr("46@:", s[0]) || strncasecmp(s, "tcp", 3) == 0 ||
	       strncasecmp(s, "udp", 3) == 0;
}

static int parse_args(struct fds_ctx *c, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		int r = 0;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 1;
		}
		if (strcmp(a, "--json") == 0) {
			c->json = true;
			continue;
		}
		if (strcmp(a, "--summary") == 0) {
			c->summary = true;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			for (i++; i < argc && r >= 0; i++)
				r = fds_sel_name(c, argv[i]);
			if (r < 0)
				return r;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || !a[1]) {
			r = fds_sel_name(c, a);
			if (r < 0)
				return r;
			continue;
		}
		bool plus = a[0] == '+';

		/* flags may be grouped: -anP */
		for (const char *p = a + 1; *p; p++) {
			const char *rest = p + 1;

			switch (plus ? -*p : *p) {
			case 'a':
				c->and = true;
				continue;
			case 'n':
				c->o.numeric_hosts = true;
				continue;
			case 'P':
				c->o.numeric_ports = true;
				continue;
			case 't':
				c->terse = true;
				continue;
			case 'K':
				c->tasks = true;
				continue;
			case 'S': {
				long secs = 15;

				v = *rest ? rest : NULL;
				if (!v && i + 1 < argc && argv[i + 1][0] >= '0' &&
				    argv[i + 1][0] <= '9')
					v = argv[++i];
				if (v &&
				    (fds_parse_long(v, &secs) < 0 || secs < 1 || secs > 3600)) {
					log_error(
					    "invalid stat timeout '%s'; give seconds, 1 to 3600",
					    v);
					return -EINVAL;
				}
				proc_files_remote_timeout_ms = (int)secs * 1000;
				break;
			}
			case 'l':
				continue; /* numeric uids: lsof's; the login name is printed */
			case 'w':
			case 'b':
				continue;
			case -'E':
				c->o.endpoints = true;
				continue;
			case 'E':
				c->o.endpoints = false;
				continue;
			case 'p':
				if (!(v = required_arg(argc, argv, &i, rest, "-p")))
					return -EINVAL;
				r = fds_sel_each(c, SEL_PID, v, fds_sel_pid);
				break;
			case 'u':
				if (!(v = required_arg(argc, argv, &i, rest, "-u")))
					return -EINVAL;
				r = fds_sel_each(c, SEL_USER, v, fds_sel_user);
				break;
			case 'c':
				if (!(v = required_arg(argc, argv, &i, rest, "-c")))
					return -EINVAL;
				r = fds_sel_cmd(c, v);
				break;
			case -'c': {
				long w;

				if (!(v = required_arg(argc, argv, &i, rest, "+c")))
					return -EINVAL;
				if (fds_parse_long(v, &w) < 0 || w < 0 || w > CMD_MAX) {
					log_error(
					    "invalid command width '%s'; +c takes 0 (all) to %d", v,
					    CMD_MAX);
					return -EINVAL;
				}
				c->cmd_width = w ? (int)w : CMD_MAX;
				break;
			}
			case 's':
				v = optional_arg(argc, argv, &i, rest);
				if (v)
					r = fds_state_filter_parse(&c->states, v);
				else
					c->o.size_only = true;
				break;
			case 'U':
				r = fds_sel_add(&c->sel[SEL_UNIX],
						(struct item){.text = strdup("-U")});
				break;
			case 'd':
				if (!(v = required_arg(argc, argv, &i, rest, "-d")))
					return -EINVAL;
				r = fds_sel_each(c, SEL_FD, v, fds_sel_fd);
				break;
			case -'d':
			case -'D':
				if (!(v = required_arg(argc, argv, &i, rest,
						       *p == 'd' ? "+d" : "+D")))
					return -EINVAL;
				r = fds_sel_dir(c, v, *p == 'D');
				break;
			case 'i':
				v = *rest					     ? rest
				    : (i + 1 < argc && looks_like_inet(argv[i + 1])) ? argv[++i]
										     : NULL;
				if (v)
					r = fds_sel_inet(c, v);
				else
					r = fds_sel_add(&c->sel[SEL_INET],
							(struct item){.text = strdup("(any)"),
								      .port_lo = -1,
								      .port_hi = -1});
				break;
			case 'F':
				v = optional_arg(argc, argv, &i, rest);
				c->fields = v ? v : "";
				break;
			case 'r':
			case -'r': {
				long secs = 15;

				c->repeat_until_empty = plus;
				v = *rest ? rest : NULL;
				if (!v && i + 1 < argc && argv[i + 1][0] >= '0' &&
				    argv[i + 1][0] <= '9')
					v = argv[++i];
				if (v && (fds_parse_long(v, &secs) < 0 || secs < 1)) {
					log_error("invalid repeat interval '%s'; give seconds >= 1",
						  v);
					return -EINVAL;
				}
				c->repeat = (int)secs;
				break;
			}
			default:
				if (p == a + 1 && *p == '-') /* a long option we do not have */
					log_error(
					    "unknown option '%s'; 'scry fds --help' lists the "
					    "options",
					    a);
				else
					log_error(
					    "unknown option '%c%c'; 'scry fds --help' lists the "
					    "options",
					    plus ? '+' : '-', *p);
				return -EINVAL;
			}
			if (r < 0)
				return r;
			break; /* the option consumed the rest of this word */
		}
	}
	bool any = false;

	for (int k = 0; k < SEL_MAX; k++) {
		fds_sel_finish(&c->sel[k]);
		any |= c->sel[k].given;
	}
	/* lsof lists the tasks of every process when nothing is selected */
	if (!any)
		c->tasks = true;
	if (c->json + c->summary + (c->fields != NULL) + c->terse > 1) {
		log_error("-t, -F, --json and --summary are exclusive; pick one output");
		return -EINVAL;
	}
	return 0;
}

int cmd_fds(int argc, char **argv)
{
	struct fds_ctx c = {.cmd_width = 9}; /* lsof's default COMMAND width */
	int r;

	/* big blocks stay on the heap instead of fresh mmaps given back on free, so that a big
	 * fd table is faulted in once (PF_PREFAULT) */
	mallopt(M_MMAP_THRESHOLD, 256 << 20);
	mallopt(M_TRIM_THRESHOLD, 512 << 20);
	/* tests make a local filesystem count as remote */
	fstype_remote_extra = getenv("SCRY_REMOTE_FSTYPE");
	proc_files_remote_timeout_ms = 0;
	r = parse_args(&c, argc, argv);
	size_t listed = 0, total = 0;

	if (r != 0) {
		fds_ctx_free(&c);
		/* a NAME that does not exist is "not found" (1), as in lsof; the rest is usage */
		return r > 0 ? 0 : r == -ENOENT || r == -ENOTDIR || r == -EACCES ? 1 : 2;
	}
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	for (;;) {
		r = run_once(&c, &listed);
		total += listed;
		if (r < 0 || !c.repeat || (c.repeat_until_empty && listed == 0))
			break;
		if (c.fields)
			printf("m%c", strchr(c.fields, '0') ? '\0' : '\n');
		else if (!c.json && !c.summary && !c.terse)
			printf("=======\n");
		fflush(stdout);
		sleep((unsigned int)c.repeat);
	}
	fflush(stdout);
	int missing = fds_report_not_found(&c);

	fds_ctx_free(&c);
	if (r < 0)
		return 1;
	return missing || total == 0 ? 1 : 0;
}
