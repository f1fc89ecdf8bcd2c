/* scry fds: the selection options (-p -c -u -d -i +d +D and names), and matching. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "basic/cleanup.h"
#include "basic/log.h"
#include "cmd/fds.h"

int fds_sel_add(struct sel *s, struct item it)
{
	struct item *v = realloc(s->v, (s->n + 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	s->v = v;
	s->v[s->n++] = it;
	s->given = true;
	return 0;
}

void fds_sel_finish(struct sel *s)
{
	s->neg_only = s->n > 0;
	for (size_t i = 0; i < s->n; i++)
		if (!s->v[i].neg)
			s->neg_only = false;
}

int fds_parse_long(const char *s, long *v)
{
	char *end;

	if (!*s)
		return -EINVAL;
	errno = 0;
	*v = strtol(s, &end, 10);
	return *end || errno ? -EINVAL : 0;
}

/* Splits a comma list and calls fn on each element with its ^ stripped. */
int fds_sel_each(struct fds_ctx *c, int kind, const char *list,
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

int fds_sel_pid(struct fds_ctx *c, int kind, const char *s, bool neg)
{
	long v;

	if (fds_parse_long(s, &v) < 0 || v <= 0) {
		log_error("invalid process id '%s'; -p takes pids separated by commas", s);
		return -EINVAL;
	}
	return fds_sel_add(&c->sel[SEL_PID], (struct item){.text = strdup(s), .neg = neg, .lo = v});
}

int fds_sel_user(struct fds_ctx *c, int kind, const char *s, bool neg)
{
	long v;

	if (fds_parse_long(s, &v) < 0) {
		struct passwd *pw = getpwnam(s);

		if (!pw) {
			log_error("unknown user '%s'; give a login name or a uid", s);
			return -EINVAL;
		}
		v = pw->pw_uid;
	}
	return fds_sel_add(&c->sel[SEL_USER],
			   (struct item){.text = strdup(s), .neg = neg, .lo = v});
}

int fds_sel_cmd(struct fds_ctx *c, const char *s)
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
	return fds_sel_add(&c->sel[SEL_CMD], it);
}

int fds_sel_fd(struct fds_ctx *c, int kind, const char *s, bool neg)
{
	static const char *const slots[] = {[OF_CWD] = "cwd",
					    [OF_RTD] = "rtd",
					    [OF_TXT] = "txt",
					    [OF_MEM] = "mem",
					    [OF_DEL] = "DEL"};
	struct item it = {.text = strdup(s), .neg = neg};
	const char *dash = strchr(s, '-');

	for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (strcmp(s, slots[i]) == 0) {
			it.lo = it.hi = -1 - (long)i;
			return fds_sel_add(&c->sel[SEL_FD], it);
		}
	if (dash) {
		_cleanup_free_ char *a = strndup(s, (size_t)(dash - s));

		if (!a || fds_parse_long(a, &it.lo) < 0 || fds_parse_long(dash + 1, &it.hi) < 0 ||
		    it.lo < 0 || it.hi < it.lo)
			goto bad;
	} else if (fds_parse_long(s, &it.lo) < 0 || it.lo < 0) {
		goto bad;
	} else {
		it.hi = it.lo;
	}
	return fds_sel_add(&c->sel[SEL_FD], it);
bad:
	free(it.text);
	log_error("invalid fd set '%s'; -d takes 0,3-10,cwd,rtd,txt,mem", s);
	return -EINVAL;
}

static int parse_port(const char *s, const char *proto, long *v)
{
	if (fds_parse_long(s, v) == 0)
		return *v >= 0 && *v <= 65535 ? 0 : -EINVAL;
	struct servent *se = getservbyname(s, proto);

	if (!se)
		return -EINVAL;
	*v = ntohs((uint16_t)se->s_port);
	return 0;
}

/* [46][protocol][@host][:port[-port]] */
int fds_sel_inet(struct fds_ctx *c, const char *spec)
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
				memcpy(it.addr, &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr,
				       16);
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
	return fds_sel_add(&c->sel[SEL_INET], it);
bad:
	free(it.text);
	log_error("invalid internet address '%s'; -i takes [46][TCP|UDP][@HOST][:PORT]", spec);
	return -EINVAL;
}

int fds_sel_dir(struct fds_ctx *c, const char *dir, bool recursive)
{
	char *d = strdup(dir);
	size_t n;

	if (!d)
		return -ENOMEM;
	n = strlen(d);
	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	return fds_sel_add(&c->sel[SEL_DIR], (struct item){.text = d, .recursive = recursive});
}

int fds_sel_name(struct fds_ctx *c, const char *name)
{
	struct stat st, up;
	char *parent;

	if (stat(name, &st) < 0) {
		int e = errno;

		log_error("cannot stat '%s': %s", name, strerror(e));
		return -e;
	}
	struct item it = {.text = strdup(name),
			  .dev_major = major(st.st_dev),
			  .dev_minor = minor(st.st_dev),
			  .ino = st.st_ino};

	/* a mount point: its parent is on another device (or it is the root) */
	if (S_ISDIR(st.st_mode) && asprintf(&parent, "%s/..", name) >= 0) {
		if (stat(parent, &up) == 0 && (up.st_dev != st.st_dev || up.st_ino == st.st_ino))
			it.whole_fs = true;
		free(parent);
	}
	return fds_sel_add(&c->sel[SEL_NAME], it);
}

/* lsof's TCP state names, by the kernel's number (state 12 is lsof's CLOSED) */
static const char *const state_names[] = {
    [1] = "ESTABLISHED", [2] = "SYN_SENT",  [3] = "SYN_RECV", [4] = "FIN_WAIT1",
    [5] = "FIN_WAIT2",	 [6] = "TIME_WAIT", [7] = "CLOSE",    [8] = "CLOSE_WAIT",
    [9] = "LAST_ACK",	 [10] = "LISTEN",   [11] = "CLOSING", [12] = "CLOSED",
};

int fds_state_filter_parse(struct state_filter *f, const char *spec)
{
	const char *colon = strchr(spec, ':');
	size_t plen = colon ? (size_t)(colon - spec) : 0;

	if (!colon || !((plen == 3 && strncasecmp(spec, "TCP", 3) == 0) ||
			(plen == 3 && strncasecmp(spec, "UDP", 3) == 0))) {
		log_error("invalid -s '%s'; give TCP:STATE[,STATE...], e.g. -s TCP:LISTEN", spec);
		return -EINVAL;
	}
	if (strncasecmp(spec, "UDP", 3) == 0) {
		log_error("no UDP state names (as lsof); -s takes TCP:STATE[,STATE...]");
		return -EINVAL;
	}
	if (!colon[1]) {
		log_error("no TCP state names in -s '%s'", spec);
		return -EINVAL;
	}
	_cleanup_free_ char *list = strdup(colon + 1);
	char *save = NULL;

	if (!list)
		return -ENOMEM;
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		bool neg = t[0] == '^';
		size_t i;

		for (i = 1; i < sizeof(state_names) / sizeof(state_names[0]); i++)
			if (strcasecmp(t + neg, state_names[i]) == 0)
				break;
		if (i == sizeof(state_names) / sizeof(state_names[0])) {
			log_error("unknown TCP state name '%s' in -s; known: ESTABLISHED, LISTEN, "
				  "SYN_SENT, SYN_RECV, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSE, "
				  "CLOSE_WAIT, LAST_ACK, CLOSING, CLOSED",
				  t + neg);
			return -EINVAL;
		}
		if (neg)
			f->exclude |= 1u << i;
		else
			f->include |= 1u << i;
	}
	return 0;
}

/* ---- matching ---- */

static bool is_inet(const struct sock_entry *s)
{
	return s && (s->family == AF_INET || s->family == AF_INET6);
}

static bool state_passes(const struct state_filter *f, const struct sock_entry *s)
{
	if (!is_inet(s))
		return true;
	uint32_t bit = s->state >= 0 && s->state < 32 ? 1u << s->state : 0;

	if (f->exclude & bit)
		return false;
	return !f->include || (f->include & bit);
}

static bool match_fd(const struct item *it, const struct open_file *of)
{
	if (of->slot == OF_FD)
		return of->fd >= 0 && of->fd >= it->lo && of->fd <= it->hi;
	return it->lo < 0 && -1 - it->lo == (long)of->slot;
}

static bool match_inet(const struct item *it, const struct sock_entry *s)
{
	if (!is_inet(s))
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

static bool match_dir(const struct item *it, const struct open_file *of,
		      const struct sock_entry *sock)
{
	/* a unix socket is in the directory it is bound in, as in lsof */
	const char *name = of->kind != OFK_SOCK		     ? of->name
			   : sock && sock->family == AF_UNIX ? sock->path
							     : NULL;
	size_t n = strlen(it->text);

	/* by name, without a stat: a deleted file is in no directory any more */
	if (!name || name[0] != '/' || of->kind == OFK_PIPE || of->deleted)
		return false;
	if (strcmp(it->text, "/") == 0)
		n = 0;
	else if (strncmp(name, it->text, n) != 0 || (name[n] != '/' && name[n] != '\0'))
		return false;
	if (name[n] == '\0')
		return true; /* the directory itself */
	return it->recursive || !strchr(name + n + 1, '/');
}

/* As lsof: the same inode as the named file, or any file of the filesystem a mount point
 * names. The name was stat'ed once, when given; the files never are for this. */
static bool match_name(const struct item *it, const struct open_file *of)
{
	if (!of->has_stat && !of->remote && of->slot != OF_MEM && of->slot != OF_DEL)
		return false;
	if (of->kind == OFK_SOCK || of->kind == OFK_PIPE || of->kind == OFK_ANON)
		return false;
	if (of->dev_major != it->dev_major || of->dev_minor != it->dev_minor)
		return false;
	return it->whole_fs || of->ino == it->ino;
}

static bool match_cmd(const struct item *it, const char *comm)
{
	const char *t = it->text + (it->neg ? 1 : 0);

	if (it->is_re)
		return regexec(&it->re, comm, 0, NULL, 0) == 0;
	return strncmp(comm, t, strlen(t)) == 0;
}

/* Process-level test of one selection: -1 excluded, 1 fds_selected, 0 not named. */
int fds_proc_sel(struct sel *s, int kind, const struct proc_files *pf, bool mark)
{
	int hit = 0;

	for (size_t i = 0; i < s->n; i++) {
		struct item *it = &s->v[i];
		bool m = kind == SEL_PID    ? it->lo == pf->pid
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
bool fds_file_sel(struct sel *s, int kind, const struct open_file *of,
		  const struct sock_entry *sock)
{
	bool hit = false, pos = false;

	for (size_t i = 0; i < s->n; i++) {
		struct item *it = &s->v[i];
		bool m = kind == SEL_FD	    ? match_fd(it, of)
			 : kind == SEL_INET ? match_inet(it, sock)
			 : kind == SEL_UNIX ? sock && sock->family == AF_UNIX
			 : kind == SEL_DIR  ? match_dir(it, of, sock)
					    : match_name(it, of);

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
	return hit || (!pos && s->n); /* a list of exclusions only keeps the rest */
}

/* Whether the row is listed. Exclusions always apply; the rest is OR, or AND with -a. */
bool fds_selected(struct fds_ctx *c, const struct proc_files *pf, const struct open_file *of,
		  const struct sock_entry *sock)
{
	bool any_given = false, any = false, all = true;

	/* -s TCP:STATE filters network files whatever the selections */
	if ((c->states.include || c->states.exclude) && !state_passes(&c->states, sock))
		return false;
	for (int k = 0; k < SEL_MAX; k++) {
		struct sel *s = &c->sel[k];
		bool m;

		if (!s->given)
			continue;
		if (k == SEL_PID || k == SEL_CMD || k == SEL_USER) {
			int r = fds_proc_sel(s, k, pf, false);

			if (r < 0)
				return false;
			if (s->neg_only)
				continue;
			m = r > 0;
		} else if (k == SEL_FD && s->neg_only) {
			if (!fds_file_sel(s, k, of, sock))
				return false;
			continue;
		} else {
			m = fds_file_sel(s, k, of, sock);
		}
		any_given = true;
		any |= m;
		all &= m;
	}
	if (!any_given)
		return true;
	return c->and ? all : any;
}

bool fds_needs_all_procs(struct fds_ctx *c)
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

bool fds_fd_filter(int fd, void *ud)
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
	if (!c->and &&c->sel[SEL_PID].given && !s->neg_only)
		return true;
	for (size_t i = 0; i < s->n; i++)
		if (match_fd(&s->v[i], &of))
			return !s->v[i].neg;
	return s->neg_only;
}

int fds_report_not_found(struct fds_ctx *c)
{
	static const char *const what[] = {[SEL_PID] = "process",
					   [SEL_CMD] = "command",
					   [SEL_USER] = "user",
					   [SEL_FD] = "fd",
					   [SEL_INET] = "internet address",
					   [SEL_UNIX] = "unix socket",
					   [SEL_DIR] = "directory",
					   [SEL_NAME] = "file"};
	int missing = 0;

	for (int k = 0; k < SEL_MAX; k++) {
		if (k == SEL_FD)
			continue; /* lsof does not report fds that are not open */
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

void fds_ctx_free(struct fds_ctx *c)
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
