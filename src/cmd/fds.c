/* scry fds: lsof's job. Options, selection, the repeat loop and the exit status. */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "basic/cleanup.h"
#include "basic/log.h"
#include "basic/strbuf.h"
#include "cmd/commands.h"
#include "cmd/fds.h"
#include "proc/procfs.h"

enum { SEL_PID, SEL_CMD, SEL_USER, SEL_FD, SEL_INET, SEL_DIR, SEL_NAME, SEL_MAX };

struct item {
	char *text;		/* as given, for "not found" */
	bool neg, found;
	long lo, hi;		/* pid, uid, fd range; slot for named fds (lo = -1 - slot) */
	regex_t re;
	bool is_re;
	/* -i */
	int family, proto;	/* 0 = any */
	uint8_t addr[16];
	int addr_family;	/* 0 = any host */
	long port_lo, port_hi;	/* -1 = any */
	bool recursive;		/* +D */
};

struct sel {
	struct item *v;
	size_t n;
	bool neg_only;		/* every item is an exclusion */
	bool given;
};

struct fds_ctx {
	struct sel sel[SEL_MAX];
	bool and, terse, tasks, json, summary;
	const char *fields;	/* -F; NULL when not given */
	int repeat;		/* seconds; 0 = once */
	bool repeat_until_empty;	/* +r */
	struct fds_opts o;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: scry fds [-anPtK] [-p PIDS] [-c CMD] [-u USERS] [-d FDS] [-i [ADDR]]\n"
		"                [+d DIR] [+D DIR] [-F [FIELDS]] [-r|+r [SECS]] [+E]\n"
		"                [--json | --summary] [NAME...]\n\n"
		"List the files and sockets processes hold, in lsof's format.\n\n"
		"  -p PIDS     processes by pid, comma-separated; ^PID excludes\n"
		"  -c CMD      processes whose command starts with CMD; ^CMD excludes; /RE/ regex\n"
		"  -u USERS    processes of these login names or uids; ^USER excludes\n"
		"  -d FDS      fds: 0,3-10,cwd,rtd,txt,mem; ^FD excludes\n"
		"  -i [ADDR]   inet sockets matching [46][TCP|UDP][@HOST][:PORT[-PORT]]\n"
		"  +d DIR      files in DIR;  +D DIR  files anywhere under DIR (no stat, by name)\n"
		"  -a          AND the selections (default: OR)\n"
		"  -n, -P      numeric hosts, numeric ports\n"
		"  -t          process ids only\n"
		"  -F [FIELDS] lsof field output (pgRcuLfalGtdDsoikPnT, 0: NUL-separated)\n"
		"  -r [SECS]   repeat every SECS (default 15) until interrupted; +r until none\n"
		"  -K          list each task (thread) with a TID column\n"
		"  +E          NAME shows the other ends of pipes, unix sockets and local\n"
		"              connections: PID,CMD,FD\n"
		"  --json      one JSON object per line and fd\n"
		"  --summary   per process: fd count against RLIMIT_NOFILE, counts by type and by\n"
		"              folded name\n"
		"  -h, --help  this help\n\n"
		"Exit status: 0 when something was listed, 1 when a requested item (pid, command,\n"
		"user, address, name) was not found or nothing was listed, 2 on a usage error.\n");
}

static int add_item(struct sel *s, struct item it)
{
	struct item *v = realloc(s->v, (s->n + 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	s->v = v;
	s->v[s->n++] = it;
	s->given = true;
	return 0;
}

static void sel_finish(struct sel *s)
{
	s->neg_only = s->n > 0;
	for (size_t i = 0; i < s->n; i++)
		if (!s->v[i].neg)
			s->neg_only = false;
}

static int parse_long(const char *s, long *v)
{
	char *end;

	if (!*s)
		return -EINVAL;
	errno = 0;
	*v = strtol(s, &end, 10);
	return *end || errno ? -EINVAL : 0;
}

/* Splits a comma list and calls fn on each element with its ^ stripped. */
static int each(struct fds_ctx *c, int kind, const char *list,
		int (*fn)(struct fds_ctx *c, int kind, const char *s, bool neg))
{
	_cleanup_free_ char *dup = strdup(list);
	char *save = NULL;

	if (!dup)
		return -ENOMEM;
	for (char *t = strtok_r(dup, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		bool neg = t[0] == '^';
		int r = fn(c, kind, neg ? t + 1 : t, neg);

		if (r < 0)
			return r;
	}
	return 0;
}

static int add_pid(struct fds_ctx *c, int kind, const char *s, bool neg)
{
	long v;

	if (parse_long(s, &v) < 0 || v <= 0) {
		log_error("invalid process id '%s'; -p takes pids separated by commas", s);
		return -EINVAL;
	}
	return add_item(&c->sel[SEL_PID], (struct item){.text = strdup(s), .neg = neg, .lo = v});
}

static int add_user(struct fds_ctx *c, int kind, const char *s, bool neg)
{
	long v;

	if (parse_long(s, &v) < 0) {
		struct passwd *pw = getpwnam(s);

		if (!pw) {
			log_error("unknown user '%s'; give a login name or a uid", s);
			return -EINVAL;
		}
		v = pw->pw_uid;
	}
	return add_item(&c->sel[SEL_USER], (struct item){.text = strdup(s), .neg = neg, .lo = v});
}

static int add_cmd(struct fds_ctx *c, const char *s)
{
	struct item it = {.text = strdup(s)};

	if (s[0] == '^') {
		it.neg = true;
		s++;
	}
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '/' && strrchr(s + 1, '/')) {
		_cleanup_free_ char *re = strndup(s + 1, (size_t)(strrchr(s + 1, '/') - s - 1));
		int flags = REG_EXTENDED | REG_NOSUB;

		if (strchr(strrchr(s + 1, '/'), 'i'))
			flags |= REG_ICASE;
		if (!re || regcomp(&it.re, re, flags) != 0) {
			free(it.text);
			log_error("invalid regular expression in -c '%s'", it.neg ? s - 1 : s);
			return -EINVAL;
		}
		it.is_re = true;
	}
	return add_item(&c->sel[SEL_CMD], it);
}

static int add_fd(struct fds_ctx *c, int kind, const char *s, bool neg)
{
	static const char *const slots[] = {[OF_CWD] = "cwd", [OF_RTD] = "rtd", [OF_TXT] = "txt",
					    [OF_MEM] = "mem", [OF_DEL] = "DEL"};
	struct item it = {.text = strdup(s), .neg = neg};
	const char *dash = strchr(s, '-');

	for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (strcmp(s, slots[i]) == 0) {
			it.lo = it.hi = -1 - (long)i;
			return add_item(&c->sel[SEL_FD], it);
		}
	if (dash) {
		_cleanup_free_ char *a = strndup(s, (size_t)(dash - s));

		if (!a || parse_long(a, &it.lo) < 0 || parse_long(dash + 1, &it.hi) < 0 ||
		    it.lo < 0 || it.hi < it.lo)
			goto bad;
	} else if (parse_long(s, &it.lo) < 0 || it.lo < 0) {
		goto bad;
	} else {
		it.hi = it.lo;
	}
	return add_item(&c->sel[SEL_FD], it);
bad:
	free(it.text);
	log_error("invalid fd set '%s'; -d takes 0,3-10,cwd,rtd,txt,mem", s);
	return -EINVAL;
}

static int parse_port(const char *s, const char *proto, long *v)
{
	if (parse_long(s, v) == 0)
		return *v >= 0 && *v <= 65535 ? 0 : -EINVAL;
	struct servent *se = getservbyname(s, proto);

	if (!se)
		return -EINVAL;
	*v = ntohs((uint16_t)se->s_port);
	return 0;
}

/* [46][protocol][@host][:port[-port]] */
static int add_inet(struct fds_ctx *c, const char *spec)
{
	struct item it = {.text = strdup(spec), .port_lo = -1, .port_hi = -1};
	const char *p = spec;
	char buf[256];

	if (*p == '4' || *p == '6') {
		it.family = *p == '4' ? AF_INET : AF_INET6;
		p++;
	}
	size_t n = strcspn(p, "@:");

	if (n) {
		if (n == 3 && strncasecmp(p, "TCP", 3) == 0)
			it.proto = IPPROTO_TCP;
		else if (n == 3 && strncasecmp(p, "UDP", 3) == 0)
			it.proto = IPPROTO_UDP;
		else
			goto bad;
		p += n;
	}
	if (*p == '@') {
		p++;
		if (*p == '[') {
			n = strcspn(p, "]");
			if (p[n] != ']' || n - 1 >= sizeof(buf))
				goto bad;
			memcpy(buf, p + 1, n - 1);
			buf[n - 1] = '\0';
			p += n + 1;
		} else {
			n = strcspn(p, ":");
			if (n >= sizeof(buf))
				goto bad;
			memcpy(buf, p, n);
			buf[n] = '\0';
			p += n;
		}
		if (inet_pton(AF_INET, buf, it.addr) == 1) {
			it.addr_family = AF_INET;
		} else if (inet_pton(AF_INET6, buf, it.addr) == 1) {
			it.addr_family = AF_INET6;
		} else {
			struct addrinfo hints = {.ai_family = it.family ? it.family : AF_UNSPEC},
					*ai = NULL;

			if (getaddrinfo(buf, NULL, &hints, &ai) != 0 || !ai) {
				log_error("cannot resolve host '%s' in -i %s", buf, spec);
				return -EINVAL;
			}
			it.addr_family = ai->ai_family;
			if (ai->ai_family == AF_INET)
				memcpy(it.addr, &((struct sockaddr_in *)ai->ai_addr)->sin_addr, 4);
			else
				memcpy(it.addr, &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr, 16);
			freeaddrinfo(ai);
		}
	}
	if (*p == ':') {
		const char *proto = it.proto == IPPROTO_UDP ? "udp" : "tcp";

		p++;
		n = strcspn(p, "-");
		if (n >= sizeof(buf))
			goto bad;
		memcpy(buf, p, n);
		buf[n] = '\0';
		if (parse_port(buf, proto, &it.port_lo) < 0)
			goto bad;
		it.port_hi = it.port_lo;
		if (p[n] == '-' && parse_port(p + n + 1, proto, &it.port_hi) < 0)
			goto bad;
		p += strlen(p);
	}
	if (*p)
		goto bad;
	return add_item(&c->sel[SEL_INET], it);
bad:
	free(it.text);
	log_error("invalid internet address '%s'; -i takes [46][TCP|UDP][@HOST][:PORT]", spec);
	return -EINVAL;
}

static int add_dir(struct fds_ctx *c, const char *dir, bool recursive)
{
	char *d = strdup(dir);
	size_t n;

	if (!d)
		return -ENOMEM;
	n = strlen(d);
	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	return add_item(&c->sel[SEL_DIR], (struct item){.text = d, .recursive = recursive});
}

/* ---- matching ---- */

static bool match_fd(const struct item *it, const struct open_file *of)
{
	if (of->slot == OF_FD)
		return of->fd >= 0 && of->fd >= it->lo && of->fd <= it->hi;
	return it->lo < 0 && -1 - it->lo == (long)of->slot;
}

static bool match_inet(const struct item *it, const struct sock_entry *s)
{
	if (!s || (s->family != AF_INET && s->family != AF_INET6))
		return false;
	if (it->family && it->family != s->family)
		return false;
	if (it->proto && it->proto != s->proto)
		return false;
	if (it->addr_family) {
		size_t alen = it->addr_family == AF_INET ? 4 : 16;

		if (it->addr_family != s->family ||
		    (memcmp(it->addr, s->laddr, alen) && memcmp(it->addr, s->raddr, alen)))
			return false;
	}
	if (it->port_lo >= 0 && !((s->lport >= it->port_lo && s->lport <= it->port_hi) ||
				  (s->rport >= it->port_lo && s->rport <= it->port_hi)))
		return false;
	return true;
}

static bool match_dir(const struct item *it, const struct open_file *of)
{
	const char *name = of->name;
	size_t n = strlen(it->text);

	/* by name, without a stat: a deleted file is in no directory any more */
	if (!name || name[0] != '/' || of->kind == OFK_SOCK || of->kind == OFK_PIPE ||
	    of->deleted)
		return false;
	if (strcmp(it->text, "/") == 0)
		n = 0;
	else if (strncmp(name, it->text, n) != 0 || (name[n] != '/' && name[n] != '\0'))
		return false;
	if (name[n] == '\0')
		return true;	/* the directory itself */
	return it->recursive || !strchr(name + n + 1, '/');
}

static bool match_cmd(const struct item *it, const char *comm)
{
	const char *t = it->text + (it->neg ? 1 : 0);

	if (it->is_re)
		return regexec(&it->re, comm, 0, NULL, 0) == 0;
	return strncmp(comm, t, strlen(t)) == 0;
}

/* Process-level test of one selection: -1 excluded, 1 selected, 0 not named. */
static int proc_sel(struct sel *s, int kind, const struct proc_files *pf, bool mark)
{
	int hit = 0;

	for (size_t i = 0; i < s->n; i++) {
		struct item *it = &s->v[i];
		bool m = kind == SEL_PID  ? it->lo == pf->pid
			 : kind == SEL_USER ? it->lo == (long)pf->uid
					    : match_cmd(it, pf->comm);

		if (m && it->neg)
			return -1;
		if (m && !it->neg) {
			hit = 1;
			if (mark)
				it->found = true;
		}
	}
	return hit;
}

/* File-level: does the file match selection kind? Marks the items it matched. */
static bool file_sel(struct sel *s, int kind, const struct open_file *of,
		     const struct sock_entry *sock)
{
	bool hit = false, pos = false;

	for (size_t i = 0; i < s->n; i++) {
		struct item *it = &s->v[i];
		bool m = kind == SEL_FD	     ? match_fd(it, of)
			 : kind == SEL_INET ? match_inet(it, sock)
			 : kind == SEL_DIR  ? match_dir(it, of)
					    : of->name && strcmp(of->name, it->text) == 0;

		if (it->neg) {
			if (m)
				return false;
			continue;
		}
		pos = true;
		if (m) {
			it->found = true;
			hit = true;
		}
	}
	return hit || (!pos && s->n);	/* a list of exclusions only keeps the rest */
}

/* Whether the row is listed. Exclusions always apply; the rest is OR, or AND with -a. */
static bool selected(struct fds_ctx *c, const struct proc_files *pf, const struct open_file *of,
		     const struct sock_entry *sock)
{
	bool any_given = false, any = false, all = true;

	for (int k = 0; k < SEL_MAX; k++) {
		struct sel *s = &c->sel[k];
		bool m;

		if (!s->given)
			continue;
		if (k == SEL_PID || k == SEL_CMD || k == SEL_USER) {
			int r = proc_sel(s, k, pf, false);

			if (r < 0)
				return false;
			if (s->neg_only)
				continue;
			m = r > 0;
		} else if (k == SEL_FD && s->neg_only) {
			if (!file_sel(s, k, of, sock))
				return false;
			continue;
		} else {
			m = file_sel(s, k, of, sock);
		}
		any_given = true;
		any |= m;
		all &= m;
	}
	if (!any_given)
		return true;
	return c->and ? all : any;
}

static bool needs_all_procs(struct fds_ctx *c)
{
	if (!c->sel[SEL_PID].given || c->sel[SEL_PID].neg_only)
		return true;
	if (c->and)
		return false;
	for (int k = SEL_CMD; k < SEL_MAX; k++)
		if (c->sel[k].given && !(k == SEL_FD && c->sel[k].neg_only))
			return true;
	return false;
}

static bool fd_filter(int fd, void *ud)
{
	struct fds_ctx *c = ud;
	struct sel *s = &c->sel[SEL_FD];
	struct open_file of = {.slot = OF_FD, .fd = fd};

	/* only a pure fd selection (with -a, or alone, or exclusions) may skip reading */
	if (!s->given)
		return true;
	for (int k = 0; k < SEL_MAX; k++)
		if (k != SEL_FD && k != SEL_PID && c->sel[k].given && !c->and)
			return true;
	if (!c->and && c->sel[SEL_PID].given && !s->neg_only)
		return true;
	for (size_t i = 0; i < s->n; i++)
		if (match_fd(&s->v[i], &of))
			return !s->v[i].neg;
	return s->neg_only;
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
	unsigned int flags = 0;
	int r;

	if (dirfd < 0)
		return dirfd;
	if (c->summary)
		flags |= PF_NO_MAPS;
	/* the G field and --json need every fd's flags and offset */
	if (c->json || (c->fields && (!c->fields[strspn(c->fields, "0")] || strchr(c->fields, 'G'))))
		flags |= PF_FDINFO;
	if (endpoint_only)
		flags |= PF_FDS_ONLY;
	r = proc_files_read(dirfd, pid, flags, endpoint_only ? NULL : fd_filter, c, &pf);
	if (r < 0)
		return r;
	/* process-level exclusions before anything else */
	for (int k = SEL_PID; k <= SEL_USER && !endpoint_only; k++)
		if (c->sel[k].given && proc_sel(&c->sel[k], k, &pf, false) < 0) {
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

/* ---- +E: the other ends of pipes and unix sockets, in every process ---- */

struct endpoint {
	uint64_t ino;
	pid_t pid;
	int fd;
	char mode;
	char comm[16];
};

struct endpoints {
	struct endpoint *v;
	size_t n;
};

static int endpoint_cmp(const void *a, const void *b)
{
	const struct endpoint *x = a, *y = b;

	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return x->pid != y->pid ? (x->pid < y->pid ? -1 : 1) : (x->fd > y->fd) - (x->fd < y->fd);
}

static int endpoints_load(struct endpoints *e)
{
	int *pids = NULL;
	ssize_t n = proc_list_numeric(AT_FDCWD, proc_root, &pids);
	size_t cap = 0;

	if (n < 0)
		return (int)n;
	for (ssize_t i = 0; i < n; i++) {
		_cleanup_close_ int dirfd = pids[i] == getpid() ? -1 : proc_open(pids[i]);
		struct proc_files pf;

		if (dirfd < 0 ||
		    proc_files_read(dirfd, pids[i], PF_FDS_ONLY | PF_NO_STAT, NULL, NULL, &pf) < 0)
			continue;
		for (size_t j = 0; j < pf.n; j++) {
			const struct open_file *of = &pf.v[j];

			if ((of->kind != OFK_PIPE && of->kind != OFK_SOCK) || !of->sock_ino)
				continue;
			if (e->n == cap) {
				cap = cap ? cap * 2 : 1024;
				struct endpoint *v = realloc(e->v, cap * sizeof(*v));

				if (!v) {
					proc_files_free(&pf);
					free(pids);
					return -ENOMEM;
				}
				e->v = v;
			}
			struct endpoint *ep = &e->v[e->n++];

			*ep = (struct endpoint){.ino = of->sock_ino, .pid = pf.pid, .fd = of->fd,
						.mode = of->mode};
			snprintf(ep->comm, sizeof(ep->comm), "%.15s", pf.comm);
		}
		proc_files_free(&pf);
	}
	free(pids);
	if (e->n)
		qsort(e->v, e->n, sizeof(*e->v), endpoint_cmp);
	return 0;
}

/* The first endpoint holding ino (or e->n). */
static size_t endpoint_first(const struct endpoints *e, uint64_t ino)
{
	size_t lo = 0, hi = e->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (e->v[mid].ino < ino)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Appends " PID,CMD,FDmode" for each holder of ino other than the row itself. */
static int append_holders(const struct endpoints *e, struct fds_row *row, uint64_t ino,
			  const char *prefix)
{
	struct strbuf sb = {0};
	size_t lo = endpoint_first(e, ino);

	sb_puts(&sb, row->name);
	sb_puts(&sb, prefix);
	for (size_t i = lo; i < e->n && e->v[i].ino == ino; i++) {
		const struct endpoint *ep = &e->v[i];

		if (ep->pid == row->proc->pid && ep->fd == row->of->fd)
			continue;
		sb_printf(&sb, " %d,%s,%d", ep->pid, ep->comm, ep->fd);
		if (ep->mode != ' ')
			sb_putc(&sb, ep->mode);
	}
	free(row->name);
	row->name = sb.buf;
	return row->name ? 0 : -ENOMEM;
}

/* Connected inet sockets by 4-tuple, to find the local other end of a loopback connection. */
struct tuple_index {
	const struct sock_entry **v;
	size_t n;
	size_t tables;	/* netns tables indexed; rebuilt when more were loaded */
};

static int tuple_cmp(const struct sock_entry *a, const struct sock_entry *b)
{
	if (a->family != b->family)
		return a->family - b->family;
	if (a->proto != b->proto)
		return a->proto - b->proto;
	if (a->lport != b->lport)
		return a->lport - b->lport;
	if (a->rport != b->rport)
		return a->rport - b->rport;
	int r = memcmp(a->laddr, b->laddr, 16);

	return r ? r : memcmp(a->raddr, b->raddr, 16);
}

static int tuple_qcmp(const void *a, const void *b)
{
	return tuple_cmp(*(const struct sock_entry *const *)a, *(const struct sock_entry *const *)b);
}

static int tuple_index_build(struct tuple_index *ti, const struct netns_tables *nt)
{
	size_t n = 0;

	for (size_t i = 0; i < nt->n; i++)
		n += nt->v[i].t.n;
	const struct sock_entry **v = realloc(ti->v, (n ? n : 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	ti->v = v;
	ti->n = 0;
	for (size_t i = 0; i < nt->n; i++)
		for (size_t j = 0; j < nt->v[i].t.cap; j++) {
			const struct sock_entry *s = &nt->v[i].t.slots[j];

			if (s->ino && (s->family == AF_INET || s->family == AF_INET6) && s->rport)
				ti->v[ti->n++] = s;
		}
	qsort(ti->v, ti->n, sizeof(*ti->v), tuple_qcmp);
	ti->tables = nt->n;
	return 0;
}

static const struct sock_entry *tuple_peer(const struct tuple_index *ti,
					   const struct sock_entry *s)
{
	struct sock_entry key = {.family = s->family, .proto = s->proto, .lport = s->rport,
				 .rport = s->lport};
	const struct sock_entry *k = &key, **hit;

	memcpy(key.laddr, s->raddr, 16);
	memcpy(key.raddr, s->laddr, 16);
	hit = bsearch(&k, ti->v, ti->n, sizeof(*ti->v), tuple_qcmp);
	return hit ? *hit : NULL;
}

/* The inode of the row's other end: the pipe itself, a unix socket's peer, or the local
 * socket with the reversed 4-tuple; 0 when there is none. *prefix is what NAME gets first. */
static uint64_t other_end(const struct fds_row *row, struct tuple_index *ti,
			  const struct netns_tables *nt, char *prefix, size_t len)
{
	const struct sock_entry *s = row->sock;

	prefix[0] = '\0';
	if (row->of->kind == OFK_PIPE)
		return row->of->sock_ino;
	if (s && (s->family == AF_INET || s->family == AF_INET6) && s->rport) {
		if (ti->tables != nt->n && tuple_index_build(ti, nt) < 0)
			return 0;
		const struct sock_entry *peer = tuple_peer(ti, s);

		return peer ? peer->ino : 0;
	}
	if (s && s->family == AF_UNIX && s->peer) {
		snprintf(prefix, len, " ->INO=%" PRIu64, s->peer);
		return s->peer;
	}
	return 0;
}

static int add_endpoints(const struct endpoints *e, struct tuple_index *ti,
			 const struct netns_tables *nt, struct fds_row *row)
{
	char prefix[40];
	uint64_t ino = other_end(row, ti, nt, prefix, sizeof(prefix));

	return ino || prefix[0] ? append_holders(e, row, ino, prefix) : 0;
}

/* lsof +E lists the files at the other ends too: the (pid, fd) pairs to add. */
struct pidfd {
	pid_t pid;
	int fd;
};

struct pidfd_set {
	struct pidfd *v;
	size_t n, cap;
};

static int pidfd_cmp(const void *a, const void *b)
{
	const struct pidfd *x = a, *y = b;

	return x->pid != y->pid ? (x->pid > y->pid) - (x->pid < y->pid)
				: (x->fd > y->fd) - (x->fd < y->fd);
}

static bool pidfd_has(const struct pidfd_set *s, pid_t pid, int fd)
{
	struct pidfd key = {pid, fd};

	return s && s->n && bsearch(&key, s->v, s->n, sizeof(key), pidfd_cmp);
}

static int collect_other_ends(const struct listing *l, const struct endpoints *e,
			      struct tuple_index *ti, const struct netns_tables *nt,
			      struct pidfd_set *out)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct fds_row *row = &l->rows[i];
		char prefix[40];
		uint64_t ino = other_end(row, ti, nt, prefix, sizeof(prefix));

		for (size_t j = ino ? endpoint_first(e, ino) : e->n; j < e->n && e->v[j].ino == ino;
		     j++) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 64;
				struct pidfd *v = realloc(out->v, out->cap * sizeof(*v));

				if (!v)
					return -ENOMEM;
				out->v = v;
			}
			out->v[out->n++] = (struct pidfd){e->v[j].pid, e->v[j].fd};
		}
	}
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), pidfd_cmp);
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
			if (!selected(c, pf, of, s) &&
			    !(of->slot == OF_FD && pidfd_has(extra, pf->pid, of->fd)))
				continue;
			if (fds_row_build(&row, pf, of, s, &c->o) < 0 ||
			    (ep && add_endpoints(ep, ti, nt, &row) < 0) || add_row(l, &row) < 0)
				return -ENOMEM;
			listed = true;
			/* mark what found something */
			for (int k = 0; k < SEL_MAX; k++)
				if (k <= SEL_USER)
					proc_sel(&c->sel[k], k, pf, true);
				else
					file_sel(&c->sel[k], k, of, s);
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
				continue;	/* the thread exited */
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

	if (needs_all_procs(c)) {
		int *pids = NULL;
		ssize_t n = proc_list_numeric(AT_FDCWD, proc_root, &pids);

		if (n < 0)
			return log_error_errno((int)n, "cannot list processes in %s", proc_root);
		for (ssize_t i = 0; i < n && r >= 0; i++) {
			if (pids[i] == getpid())
				continue;	/* lsof does not list itself either */
			r = list_process(c, &l, pids[i], false);
			if (r == -ESRCH || r == -EACCES || r == -EPERM || r == -EINVAL)
				r = 0;	/* exited, or not ours to read: lsof skips it too */
		}
		free(pids);
	} else {
		struct sel *s = &c->sel[SEL_PID];

		for (size_t i = 0; i < s->n && r >= 0; i++) {
			if (s->v[i].neg)
				continue;
			r = list_process(c, &l, (pid_t)s->v[i].lo, false);
			if (r == -ESRCH)
				r = 0;	/* reported as not found below */
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
		r = endpoints_load(&ep);
	if (r >= 0)
		r = build_rows(c, &l, &nt, c->o.endpoints ? &ep : NULL, &ti, NULL);
	if (r >= 0 && c->o.endpoints) {
		/* a second pass that also lists the other ends, in processes read for them */
		r = collect_other_ends(&l, &ep, &ti, &nt, &extra);
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
		fds_print_table(l.rows, l.n, c->tasks);
	}
	*listed = l.n;
	listing_free(&l);
	fds_netns_free(&nt);
	return 0;
}

static int report_not_found(struct fds_ctx *c)
{
	static const char *const what[] = {[SEL_PID] = "process", [SEL_CMD] = "command",
					   [SEL_USER] = "user", [SEL_FD] = "fd",
					   [SEL_INET] = "internet address", [SEL_DIR] = "directory",
					   [SEL_NAME] = "file"};
	int missing = 0;

	for (int k = 0; k < SEL_MAX; k++) {
		if (k == SEL_FD)
			continue;	/* lsof does not report fds that are not open */
		for (size_t i = 0; i < c->sel[k].n; i++) {
			struct item *it = &c->sel[k].v[i];

			if (it->neg || it->found)
				continue;
			if (k == SEL_PID)
				log_error("no process %s (not running, or it exited)", it->text);
			else if (!c->terse)
				log_error("no open file matches %s '%s'", what[k], it->text);
			missing++;
		}
	}
	return missing;
}

static void ctx_free(struct fds_ctx *c)
{
	for (int k = 0; k < SEL_MAX; k++) {
		for (size_t i = 0; i < c->sel[k].n; i++) {
			free(c->sel[k].v[i].text);
			if (c->sel[k].v[i].is_re)
				regfree(&c->sel[k].v[i].re);
		}
		free(c->sel[k].v);
	}
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
				r = add_item(&c->sel[SEL_NAME], (struct item){.text = strdup(argv[i])});
			if (r < 0)
				return r;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || !a[1]) {
			r = add_item(&c->sel[SEL_NAME], (struct item){.text = strdup(a)});
			if (r < 0)
				return r;
			continue;
		}
		bool plus = a[0] == '+';

		/* flags may be grouped: -anP */
		for (const char *p = a + 1; *p; p++) {
			const char *rest = p + 1;

			switch (plus ? -*p : *p) {
			case 'a': c->and = true; continue;
			case 'n': c->o.numeric_hosts = true; continue;
			case 'P': c->o.numeric_ports = true; continue;
			case 't': c->terse = true; continue;
			case 'K': c->tasks = true; continue;
			case 'l': continue;	/* numeric uids: lsof's; the login name is printed */
			case 'w': case 'b': continue;
			case -'E': c->o.endpoints = true; continue;
			case 'E': c->o.endpoints = false; continue;
			case 'p':
				if (!(v = required_arg(argc, argv, &i, rest, "-p")))
					return -EINVAL;
				r = each(c, SEL_PID, v, add_pid);
				break;
			case 'u':
				if (!(v = required_arg(argc, argv, &i, rest, "-u")))
					return -EINVAL;
				r = each(c, SEL_USER, v, add_user);
				break;
			case 'c':
				if (!(v = required_arg(argc, argv, &i, rest, "-c")))
					return -EINVAL;
				r = add_cmd(c, v);
				break;
			case 'd':
				if (!(v = required_arg(argc, argv, &i, rest, "-d")))
					return -EINVAL;
				r = each(c, SEL_FD, v, add_fd);
				break;
			case -'d':
			case -'D':
				if (!(v = required_arg(argc, argv, &i, rest, *p == 'd' ? "+d" : "+D")))
					return -EINVAL;
				r = add_dir(c, v, *p == 'D');
				break;
			case 'i':
				v = *rest ? rest
				    : (i + 1 < argc && looks_like_inet(argv[i + 1])) ? argv[++i]
										       : NULL;
				if (v)
					r = add_inet(c, v);
				else
					r = add_item(&c->sel[SEL_INET],
						     (struct item){.text = strdup("(any)"),
								   .port_lo = -1, .port_hi = -1});
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
				if (v && (parse_long(v, &secs) < 0 || secs < 1)) {
					log_error("invalid repeat interval '%s'; give seconds >= 1", v);
					return -EINVAL;
				}
				c->repeat = (int)secs;
				break;
			}
			default:
				log_error("unknown option '%c%c'; 'scry fds --help' lists the options",
					  plus ? '+' : '-', *p);
				return -EINVAL;
			}
			if (r < 0)
				return r;
			break;	/* the option consumed the rest of this word */
		}
	}
	bool any = false;

	for (int k = 0; k < SEL_MAX; k++) {
		sel_finish(&c->sel[k]);
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
	struct fds_ctx c = {0};
	int r = parse_args(&c, argc, argv);
	size_t listed = 0, total = 0;

	if (r != 0) {
		ctx_free(&c);
		return r > 0 ? 0 : 2;
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
	int missing = report_not_found(&c);

	ctx_free(&c);
	if (r < 0)
		return 1;
	return missing || total == 0 ? 1 : 0;
}
