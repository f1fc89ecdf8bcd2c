/* scry ps PID...: one process at a glance, and the system-wide file and socket totals. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "basic/cleanup.h"
#include "basic/log.h"
#include "basic/strbuf.h"
#include "cmd/commands.h"
#include "cmd/fds.h"
#include "proc/limits.h"
#include "proc/pidstat.h"
#include "proc/procfs.h"
#include "proc/sockstat.h"
#include "proc/status.h"

struct type_count {
	const char *type;
	size_t n;
};

struct ps_info {
	pid_t pid;
	char cmdline[4096];
	struct pid_status st;
	struct pid_stat ps;
	char parent[64];
	char cgroup[1024];
	struct limits limits;
	bool have_limits;
	size_t nfds;
	bool fds_denied;
	struct type_count types[24];
	size_t ntypes;
	struct {
		pid_t tid;
		struct pid_stat st;
	} * threads;
	size_t nthreads;
};

static void usage(FILE *f)
{
	fprintf(f, "usage: scry ps [--json] PID...\n\n"
		   "One process at a glance: command line, state, parent, user, cgroup, start\n"
		   "time, threads, memory, open fds by type against RLIMIT_NOFILE, all limits;\n"
		   "then fs.file-nr, fs.file-max and /proc/net/sockstat, explained.\n\n"
		   "  --json      one JSON object per process, then one for the system\n"
		   "  -h, --help  this help\n\n"
		   "Exit status: 0, 1 when a process does not exist or cannot be read, 2 on a\n"
		   "usage error.\n");
}

static void read_cmdline(int dirfd, struct ps_info *in)
{
	ssize_t n = proc_read_file(dirfd, "cmdline", in->cmdline, sizeof(in->cmdline));

	for (ssize_t i = 0; i < n; i++)
		if (in->cmdline[i] == '\0')
			in->cmdline[i] = ' ';
	while (n > 0 && in->cmdline[n - 1] == ' ')
		in->cmdline[--n] = '\0';
	if (n <= 0) /* kernel thread */
		snprintf(in->cmdline, sizeof(in->cmdline), "[%s]", in->ps.comm);
}

static void read_cgroup(int dirfd, struct ps_info *in)
{
	char buf[4096];
	ssize_t n = proc_read_file(dirfd, "cgroup", buf, sizeof(buf));
	char *line, *save = NULL;

	in->cgroup[0] = '\0';
	if (n <= 0)
		return;
	/* the unified (v2) line "0::/path" when there is one, else every v1 line */
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "0::", 3) == 0 && strcmp(line, "0::/") != 0) {
			snprintf(in->cgroup, sizeof(in->cgroup), "%s", line + 3);
			return;
		}
	}
	n = proc_read_file(dirfd, "cgroup", buf, sizeof(buf));
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *path = strrchr(line, ':');

		if (!path || strcmp(path, ":/") == 0)
			continue;
		size_t used = strlen(in->cgroup);

		snprintf(in->cgroup + used, sizeof(in->cgroup) - used, "%s%s", used ? "; " : "",
			 strchr(line, ':') + 1);
	}
	if (!in->cgroup[0])
		snprintf(in->cgroup, sizeof(in->cgroup), "/");
}

static void count_type(struct ps_info *in, const char *type)
{
	for (size_t i = 0; i < in->ntypes; i++)
		if (strcmp(in->types[i].type, type) == 0) {
			in->types[i].n++;
			return;
		}
	if (in->ntypes < sizeof(in->types) / sizeof(in->types[0]))
		in->types[in->ntypes++] = (struct type_count){type, 1};
}

static int type_cmp(const void *a, const void *b)
{
	const struct type_count *x = a, *y = b;

	return x->n != y->n ? (x->n < y->n ? 1 : -1) : strcmp(x->type, y->type);
}

static void read_fds(int dirfd, struct ps_info *in)
{
	struct proc_files pf;
	struct netns_tables nt = {0};
	struct fds_opts o = {.numeric_hosts = true, .numeric_ports = true};

	if (proc_files_read(dirfd, in->pid, PF_FDS_ONLY | PF_NO_MAPS, NULL, NULL, &pf) < 0)
		return;
	for (size_t i = 0; i < pf.n; i++) {
		const struct open_file *of = &pf.v[i];
		const struct sock_entry *s = NULL;
		struct fds_row row;

		if (of->fd < 0) {
			in->fds_denied = true;
			continue;
		}
		if (of->kind == OFK_SOCK)
			s = fds_sock_lookup(&nt, &pf, dirfd, of->sock_ino);
		if (fds_row_build(&row, &pf, of, s, &o) < 0)
			continue;
		in->nfds++;
		count_type(in, row.type);
		free(row.name);
	}
	qsort(in->types, in->ntypes, sizeof(in->types[0]), type_cmp);
	fds_netns_free(&nt);
	proc_files_free(&pf);
}

static void read_threads(int dirfd, struct ps_info *in)
{
	int *tids = NULL;
	ssize_t n = proc_list_numeric(dirfd, "task", &tids);

	if (n <= 0)
		return;
	in->threads = calloc((size_t)n, sizeof(*in->threads));
	for (ssize_t i = 0; in->threads && i < n; i++) {
		char path[64], buf[1024];

		snprintf(path, sizeof(path), "task/%d/stat", tids[i]);
		if (proc_read_file(dirfd, path, buf, sizeof(buf)) < 0 ||
		    pid_stat_parse(buf, &in->threads[in->nthreads].st) < 0)
			continue; /* the thread exited */
		in->threads[in->nthreads++].tid = tids[i];
	}
	free(tids);
}

static int ps_read(pid_t pid, struct ps_info *in)
{
	_cleanup_close_ int dirfd = proc_open(pid);
	char buf[1024];
	ssize_t n;
	int r;

	if (dirfd < 0)
		return dirfd;
	in->pid = pid;
	n = proc_read_file(dirfd, "stat", buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	r = pid_stat_parse(buf, &in->ps);
	if (r < 0)
		return r;
	{
		_cleanup_fclose_ FILE *f = proc_fopenat(dirfd, "status");

		if (!f)
			return -errno;
		r = pid_status_parse(f, &in->st);
		if (r < 0)
			return r;
	}
	{
		_cleanup_fclose_ FILE *f = proc_fopenat(dirfd, "limits");

		in->have_limits = f && limits_parse(f, &in->limits) == 0;
	}
	read_cmdline(dirfd, in);
	read_cgroup(dirfd, in);
	read_fds(dirfd, in);
	read_threads(dirfd, in);
	/* the parent's name: a different process, read through its own directory */
	_cleanup_close_ int pfd = in->ps.ppid > 0 ? proc_open(in->ps.ppid) : -1;
	struct pid_stat pst;

	in->parent[0] = '\0';
	if (pfd >= 0 && proc_read_file(pfd, "stat", buf, sizeof(buf)) > 0 &&
	    pid_stat_parse(buf, &pst) == 0)
		snprintf(in->parent, sizeof(in->parent), "%s", pst.comm);
	/* gone mid-read: the stat file no longer opens */
	if (proc_read_file(dirfd, "stat", buf, sizeof(buf)) < 0)
		return -ESRCH;
	return 0;
}

static void fmt_kb(char *buf, size_t len, int64_t kb)
{
	static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
	double v = (double)kb;
	size_t u = 0;

	if (kb < 0) {
		snprintf(buf, len, "-");
		return;
	}
	while (v >= 1024 && u + 1 < sizeof(units) / sizeof(units[0])) {
		v /= 1024;
		u++;
	}
	snprintf(buf, len, u ? "%.1f %s" : "%.0f %s", v, units[u]);
}

static uint64_t boot_time(void)
{
	_cleanup_fclose_ FILE *f = fopen("/proc/stat", "re");
	char line[256];
	uint64_t bt = 0;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "btime %" SCNu64, &bt) == 1)
			break;
	return bt;
}

static void fmt_limit(char *buf, size_t len, uint64_t v)
{
	if (v == LIMIT_UNLIMITED)
		snprintf(buf, len, "unlimited");
	else
		snprintf(buf, len, "%" PRIu64, v);
}

static void print_text(const struct ps_info *in)
{
	long tck = sysconf(_SC_CLK_TCK);
	time_t start = (time_t)(boot_time() + in->ps.starttime / (uint64_t)tck);
	time_t now = time(NULL);
	char when[64], a[32], b[32], c[32];
	const struct limit *nofile =
	    in->have_limits ? limits_find(&in->limits, "Max open files") : NULL;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S %Z", localtime(&start));
	printf("%d %s\n", in->pid, in->st.name);
	printf("  %-10s %s\n", "command", in->cmdline);
	printf("  %-10s %s\n", "state", in->st.state);
	printf("  %-10s %d %s\n", "parent", in->ps.ppid, in->parent);
	printf("  %-10s %s (uid %u", "user", fds_user_name(in->st.uid[0]),
	       (unsigned int)in->st.uid[0]);
	if (in->st.uid[1] != in->st.uid[0])
		printf(", effective %s (%u)", fds_user_name(in->st.uid[1]),
		       (unsigned int)in->st.uid[1]);
	printf(")\n");
	printf("  %-10s %s\n", "cgroup", in->cgroup);
	printf("  %-10s %s, %lds ago\n", "started", when, (long)(now - start));
	fmt_kb(a, sizeof(a), in->st.vm_rss);
	fmt_kb(b, sizeof(b), in->st.vm_size);
	fmt_kb(c, sizeof(c), in->st.vm_swap);
	printf("  %-10s VmRSS %s, VmSize %s, VmSwap %s\n", "memory", a, b, c);
	fmt_kb(a, sizeof(a), in->st.rss_anon);
	fmt_kb(b, sizeof(b), in->st.rss_file);
	fmt_kb(c, sizeof(c), in->st.rss_shmem);
	printf("  %-10s RssAnon %s, RssFile %s, RssShmem %s\n", "", a, b, c);
	if (in->fds_denied) {
		printf("  %-10s not readable (no permission for /proc/%d/fd)\n", "fds", in->pid);
	} else {
		printf("  %-10s %zu open", "fds", in->nfds);
		if (nofile) {
			fmt_limit(a, sizeof(a), nofile->soft);
			fmt_limit(b, sizeof(b), nofile->hard);
			printf(", RLIMIT_NOFILE soft %s, hard %s", a, b);
			if (nofile->soft != LIMIT_UNLIMITED && nofile->soft)
				printf(" (%.0f%% of soft)",
				       100.0 * (double)in->nfds / (double)nofile->soft);
		}
		printf("\n");
		if (in->ntypes) {
			printf("  %-10s", "");
			for (size_t i = 0; i < in->ntypes; i++)
				printf("%s %zu %s", i ? "," : "", in->types[i].n,
				       in->types[i].type);
			printf("\n");
		}
	}
	printf("  %-10s %zu\n", "threads", in->nthreads);
	printf("  %12s %-5s %10s %s\n", "TID", "STATE", "CPU(s)", "NAME");
	for (size_t i = 0; i < in->nthreads; i++) {
		const struct pid_stat *t = &in->threads[i].st;

		printf("  %12d %-5c %10.2f %s\n", in->threads[i].tid, t->state,
		       (double)(t->utime + t->stime) / (double)tck, t->comm);
	}
	if (in->have_limits) {
		printf("  limits\n  %-26s %-20s %-20s %s\n", "NAME", "SOFT", "HARD", "UNITS");
		for (size_t i = 0; i < in->limits.n; i++) {
			const struct limit *l = &in->limits.v[i];

			fmt_limit(a, sizeof(a), l->soft);
			fmt_limit(b, sizeof(b), l->hard);
			printf("  %-26s %-20s %-20s %s\n", l->name, a, b, l->unit);
		}
	}
}

static void json_str(struct strbuf *sb, const char *key, const char *v)
{
	sb_printf(sb, "\"%s\":\"", key);
	for (; *v; v++) {
		unsigned char ch = (unsigned char)*v;

		if (ch == '"' || ch == '\\')
			sb_printf(sb, "\\%c", ch);
		else if (ch < 0x20)
			sb_printf(sb, "\\u%04x", ch);
		else
			sb_putc(sb, (char)ch);
	}
	sb_putc(sb, '"');
}

static void json_limit(struct strbuf *sb, uint64_t v)
{
	if (v == LIMIT_UNLIMITED)
		sb_puts(sb, "null");
	else
		sb_printf(sb, "%" PRIu64, v);
}

static void print_json(const struct ps_info *in)
{
	struct strbuf sb = {0};
	long tck = sysconf(_SC_CLK_TCK);

	sb_printf(&sb, "{\"pid\":%d,", in->pid);
	json_str(&sb, "name", in->st.name);
	sb_putc(&sb, ',');
	json_str(&sb, "command", in->cmdline);
	sb_putc(&sb, ',');
	json_str(&sb, "state", in->st.state);
	sb_printf(&sb, ",\"ppid\":%d,", in->ps.ppid);
	json_str(&sb, "parent", in->parent);
	sb_printf(&sb, ",\"uid\":%u,\"euid\":%u,", (unsigned int)in->st.uid[0],
		  (unsigned int)in->st.uid[1]);
	json_str(&sb, "user", fds_user_name(in->st.uid[0]));
	sb_putc(&sb, ',');
	json_str(&sb, "cgroup", in->cgroup);
	sb_printf(&sb, ",\"start_time\":%" PRIu64, boot_time() + in->ps.starttime / (uint64_t)tck);
	sb_printf(&sb,
		  ",\"memory_kb\":{\"VmRSS\":%" PRId64 ",\"VmSize\":%" PRId64 ",\"VmSwap\":%" PRId64
		  ",\"RssAnon\":%" PRId64 ",\"RssFile\":%" PRId64 ",\"RssShmem\":%" PRId64 "}",
		  in->st.vm_rss, in->st.vm_size, in->st.vm_swap, in->st.rss_anon, in->st.rss_file,
		  in->st.rss_shmem);
	if (in->fds_denied)
		sb_puts(&sb, ",\"fds\":null");
	else {
		sb_printf(&sb, ",\"fds\":{\"open\":%zu,\"by_type\":{", in->nfds);
		for (size_t i = 0; i < in->ntypes; i++)
			sb_printf(&sb, "%s\"%s\":%zu", i ? "," : "", in->types[i].type,
				  in->types[i].n);
		sb_puts(&sb, "}}");
	}
	sb_puts(&sb, ",\"threads\":[");
	for (size_t i = 0; i < in->nthreads; i++) {
		const struct pid_stat *t = &in->threads[i].st;

		sb_printf(&sb, "%s{\"tid\":%d,\"state\":\"%c\",\"cpu_ticks\":%" PRIu64 ",",
			  i ? "," : "", in->threads[i].tid, t->state, t->utime + t->stime);
		json_str(&sb, "name", t->comm);
		sb_putc(&sb, '}');
	}
	sb_puts(&sb, "],\"limits\":{");
	for (size_t i = 0; in->have_limits && i < in->limits.n; i++) {
		const struct limit *l = &in->limits.v[i];

		sb_printf(&sb, "%s\"%s\":{\"soft\":", i ? "," : "", l->name);
		json_limit(&sb, l->soft);
		sb_puts(&sb, ",\"hard\":");
		json_limit(&sb, l->hard);
		sb_printf(&sb, ",\"units\":\"%s\"}", l->unit);
	}
	sb_puts(&sb, "}}\n");
	fputs(sb.buf, stdout);
	sb_free(&sb);
}

/* fs.file-nr, fs.file-max and the sockstat of the first process's network namespace. */
static void print_system(pid_t netns_pid, bool json)
{
	struct file_nr fnr;
	struct sockstat ss;
	char path[64];
	bool have_fnr = false, have_ss = false;
	FILE *f = fopen("/proc/sys/fs/file-nr", "re");

	if (f) {
		have_fnr = file_nr_parse(f, &fnr) == 0;
		fclose(f);
	}
	snprintf(path, sizeof(path), "/proc/%d/net/sockstat", netns_pid);
	f = fopen(path, "re");
	if (f) {
		have_ss = sockstat_parse(f, &ss) == 0;
		fclose(f);
	}
	if (json) {
		struct strbuf sb = {0};

		sb_puts(&sb, "{\"system\":{");
		if (have_fnr)
			sb_printf(&sb,
				  "\"file_nr\":{\"allocated\":%" PRIu64 ",\"unused\":%" PRIu64
				  ",\"max\":%" PRIu64 "},\"file_max\":%" PRIu64 ",",
				  fnr.allocated, fnr.unused, fnr.max, fnr.max);
		sb_puts(&sb, "\"sockstat\":{");
		for (size_t i = 0; have_ss && i < ss.n; i++)
			sb_printf(&sb, "%s\"%s.%s\":%" PRId64, i ? "," : "", ss.v[i].proto,
				  ss.v[i].key, ss.v[i].value);
		sb_puts(&sb, "}}}\n");
		fputs(sb.buf, stdout);
		sb_free(&sb);
		return;
	}
	printf("system\n");
	if (have_fnr) {
		printf("  %-16s %" PRIu64 " allocated, %" PRIu64
		       " allocated but unused, max %" PRIu64 "\n",
		       "fs.file-nr", fnr.allocated, fnr.unused, fnr.max);
		printf("  %-16s %" PRIu64 "  (open files the kernel allows in total; each process "
		       "is also capped by its RLIMIT_NOFILE)\n",
		       "fs.file-max", fnr.max);
	}
	if (have_ss) {
		printf("  sockets (/proc/%d/net/sockstat)\n", netns_pid);
		for (size_t i = 0; i < ss.n; i++) {
			char key[40];
			const char *e = sockstat_explain(ss.v[i].proto, ss.v[i].key);

			snprintf(key, sizeof(key), "%s %s", ss.v[i].proto, ss.v[i].key);
			printf("  %-16s %10" PRId64 "  %s\n", key, ss.v[i].value, e ? e : "");
		}
	}
}

int cmd_ps(int argc, char **argv)
{
	bool json = false;
	pid_t *pids = calloc((size_t)argc, sizeof(*pids));
	size_t n = 0;
	int status = 0;

	if (!pids)
		return log_error_errno(-ENOMEM, "out of memory"), 1;
	for (int i = 1; i < argc; i++) {
		char *end;
		long v;

		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			free(pids);
			return 0;
		}
		if (strcmp(argv[i], "--json") == 0) {
			json = true;
			continue;
		}
		if (argv[i][0] == '-') {
			log_error("unknown option '%s'; 'scry ps --help' lists the options",
				  argv[i]);
			free(pids);
			return 2;
		}
		v = strtol(argv[i], &end, 10);
		if (*end || v <= 0 || v > 0x7fffffff) {
			log_error("invalid process id '%s'", argv[i]);
			free(pids);
			return 2;
		}
		pids[n++] = (pid_t)v;
	}
	if (n == 0) {
		log_error("which process? give one or more pids: scry ps PID...");
		free(pids);
		return 2;
	}
	pid_t first_ok = 0;

	for (size_t i = 0; i < n; i++) {
		struct ps_info *in = calloc(1, sizeof(*in));
		int r;

		if (!in) {
			free(pids);
			return log_error_errno(-ENOMEM, "out of memory"), 1;
		}
		r = ps_read(pids[i], in);
		if (r == -ESRCH) {
			log_error("no process %d (not running, or it exited)", pids[i]);
			status = 1;
		} else if (r < 0) {
			log_error_errno(r, "cannot read /proc/%d", pids[i]);
			status = 1;
		} else {
			if (!first_ok)
				first_ok = pids[i];
			if (json)
				print_json(in);
			else
				print_text(in);
		}
		free(in->threads);
		free(in);
	}
	if (first_ok)
		print_system(first_ok, json);
	free(pids);
	return status;
}
