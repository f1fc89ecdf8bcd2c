/* scry fds outputs: lsof's table, lsof's -F fields, JSON lines, and the --summary counts. */
#include <ctype.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "basic/namefold.h"
#include "basic/cleanup.h"
#include "basic/strbuf.h"
#include "cmd/fds.h"
#include "proc/limits.h"
#include "proc/procfs.h"

static size_t max_sz(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* lsof's escaping of names: control characters as ^X, other unprintable bytes as \xNN. */
static void put_escaped(FILE *f, const char *s, size_t limit)
{
	size_t plain = 0;

	/* the common case: nothing to escape */
	while (plain < limit && (unsigned char)s[plain] >= 0x20 && (unsigned char)s[plain] < 0x7f)
		plain++;
	if (plain == limit || !s[plain]) {
		fwrite(s, 1, plain, f);
		return;
	}
	for (size_t i = 0; s[i] && i < limit; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20)
			fprintf(f, "^%c", c + '@');
		else if (c == 0x7f)
			fputs("^?", f);
		else if (c > 0x7f && !isprint(c))
			fprintf(f, "\\x%02x", c);
		else
			putc(c, f);
	}
}

static char mode_char(const struct fds_row *r)
{
	if (r->lock == ' ')
		return r->mode;
	return r->mode == ' ' ? '-' : r->mode;
}

void fds_print_table(const struct fds_row *rows, size_t n, bool tasks, int cmd_width, bool size)
{
	/* lsof never cuts the command below the width of its title */
	const size_t CMD_LIMIT = max_sz((size_t)cmd_width, strlen("COMMAND"));
	size_t wcmd = 7, wpid = 3, wtid = 3, wtcmd = 7, wuser = 4, wfd = 2, wtype = 4, wdev = 6,
	       wsz = size ? 4 : 8, wnode = 4;
	char buf[32];

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct fds_row *r = &rows[i];
		/* lsof stores fd numbers as "%4d" and names as "%4s" */
		size_t fdlen = max_sz(4, strlen(r->fd));

		wcmd = max_sz(wcmd, strnlen(r->proc->comm, CMD_LIMIT));
		wpid = max_sz(wpid, (size_t)snprintf(buf, sizeof(buf), "%d", r->proc->pid));
		if (r->tid) {
			wtid = max_sz(wtid, (size_t)snprintf(buf, sizeof(buf), "%d", r->tid));
			wtcmd = max_sz(wtcmd, strnlen(r->tcmd, CMD_LIMIT));
		}
		wuser = max_sz(wuser, strlen(fds_user_name(r->proc->uid)));
		wfd = max_sz(wfd, fdlen + 2);
		wtype = max_sz(wtype, strlen(r->type));
		wdev = max_sz(wdev, strlen(r->device));
		wsz = max_sz(wsz, strlen(r->sizeoff));
		wnode = max_sz(wnode, strlen(r->node));
	}
	printf("%-*s %*s", (int)wcmd, "COMMAND", (int)wpid, "PID");
	if (tasks)
		printf(" %*s %-*s", (int)wtid, "TID", (int)wtcmd, "TASKCMD");
	printf(" %*s %*s   %*s %*s %*s %*s NAME\n", (int)wuser, "USER", (int)wfd - 2, "FD",
	       (int)wtype, "TYPE", (int)wdev, "DEVICE", (int)wsz, size ? "SIZE" : "SIZE/OFF",
	       (int)wnode, "NODE");
	for (size_t i = 0; i < n; i++) {
		const struct fds_row *r = &rows[i];
		size_t cl = strnlen(r->proc->comm, CMD_LIMIT);

		put_escaped(stdout, r->proc->comm, CMD_LIMIT);
		printf("%*s %*d", (int)(wcmd - cl), "", (int)wpid, r->proc->pid);
		if (tasks) {
			size_t tl = strnlen(r->tcmd, CMD_LIMIT);

			if (r->tid)
				printf(" %*d ", (int)wtid, r->tid);
			else
				printf(" %*s ", (int)wtid, "");
			put_escaped(stdout, r->tcmd, CMD_LIMIT);
			printf("%*s", (int)(wtcmd - tl), "");
		}
		printf(" %*s %*s%c%c %*s %*s %*s %*s ", (int)wuser, fds_user_name(r->proc->uid),
		       (int)wfd - 2, r->fd, mode_char(r), r->lock, (int)wtype, r->type, (int)wdev,
		       r->device, (int)wsz, r->sizeoff, (int)wnode, r->node);
		put_escaped(stdout, r->name, SIZE_MAX);
		fputs(r->tail, stdout);
		putchar('\n');
	}
}

/* lsof: no field letters (or only the terminator '0') selects the default set */
static bool want(const char *fields, char c)
{
	return !fields || !fields[strspn(fields, "0")] || strchr(fields, c);
}

void fds_print_fields(const struct fds_row *rows, size_t n, const char *fields)
{
	char term = fields && strchr(fields, '0') ? '\0' : '\n';
	const struct proc_files *last = NULL;
	pid_t last_tid = -1;

	for (size_t i = 0; i < n; i++) {
		const struct fds_row *r = &rows[i];
		const struct proc_files *p = r->proc;
		const struct open_file *of = r->of;

		if (p != last || r->tid != last_tid) {
			printf("p%d%c", p->pid, term);
			if (r->tid && want(fields, 'K'))
				printf("K%d%c", r->tid, term);
			if (want(fields, 'g'))
				printf("g%d%c", p->pgrp, term);
			if (want(fields, 'R'))
				printf("R%d%c", p->ppid, term);
			if (want(fields, 'c'))
				printf("c%s%c", p->comm, term);
			if (want(fields, 'u'))
				printf("u%u%c", (unsigned int)p->uid, term);
			if (want(fields, 'L'))
				printf("L%s%c", fds_user_name(p->uid), term);
			if (term == '\0')
				putchar('\n');
			last = p;
			last_tid = r->tid;
		}
		printf("f%s%c", r->fd, term);
		if (want(fields, 'a'))
			printf("a%c%c", r->mode, term);
		if (want(fields, 'l'))
			printf("l%c%c", r->lock, term);
		if (want(fields, 't') && r->type[0])
			printf("t%s%c", r->type, term);
		if (want(fields, 'G') && of->has_fdinfo)
			printf("G0x%x;0x0%c", of->fi.flags, term);
		bool devnum =
		    of->has_stat || of->remote || of->slot == OF_MEM || of->slot == OF_DEL;

		if (want(fields, 'd') && !devnum && r->device[0])
			printf("d%s%c", r->device, term);
		if (want(fields, 'D') && devnum)
			printf("D0x%" PRIx64 "%c", (uint64_t)makedev(of->dev_major, of->dev_minor),
			       term);
		if (r->sizeoff[0] == '0' && (r->sizeoff[1] == 't' || r->sizeoff[1] == 'x')) {
			if (want(fields, 'o'))
				printf("o%s%c", r->sizeoff, term);
		} else if (r->sizeoff[0] && want(fields, 's')) {
			printf("s%s%c", r->sizeoff, term);
		}
		if (want(fields, 'i') && r->node[0] && isdigit((unsigned char)r->node[0]))
			printf("i%s%c", r->node, term);
		if (want(fields, 'k') && of->has_stat)
			printf("k%" PRIu64 "%c", of->nlink, term);
		if (want(fields, 'P') && r->proto[0])
			printf("P%s%c", r->proto, term);
		if (want(fields, 'n'))
			printf("n%s%c", r->name, term);
		if (want(fields, 'T') && r->state)
			printf("TST=%s%c", r->state, term);
		if (want(fields, 'T') && r->sock &&
		    (r->sock->family == AF_INET || r->sock->family == AF_INET6))
			printf("TQR=%u%cTQS=%u%c", r->sock->rq, term, r->sock->sq, term);
		if (term == '\0')
			putchar('\n');
	}
}

static void json_str(struct strbuf *sb, const char *key, const char *v)
{
	sb_printf(sb, ",\"%s\":\"", key);
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;

		if (c == '"' || c == '\\')
			sb_printf(sb, "\\%c", c);
		else if (c < 0x20)
			sb_printf(sb, "\\u%04x", c);
		else
			sb_putc(sb, (char)c);
	}
	sb_putc(sb, '"');
}

void fds_print_json(const struct fds_row *rows, size_t n)
{
	struct strbuf sb = {0};
	char b[300];

	for (size_t i = 0; i < n; i++) {
		const struct fds_row *r = &rows[i];
		const struct open_file *of = r->of;
		const struct sock_entry *s = r->sock;
		char m[2] = {r->mode, 0}, l[2] = {r->lock, 0};

		sb_reset(&sb);
		sb_printf(&sb, "{\"pid\":%d", r->proc->pid);
		if (r->tid)
			sb_printf(&sb, ",\"tid\":%d", r->tid);
		json_str(&sb, "command", r->proc->comm);
		sb_printf(&sb, ",\"uid\":%u", (unsigned int)r->proc->uid);
		json_str(&sb, "user", fds_user_name(r->proc->uid));
		json_str(&sb, "fd", r->fd);
		json_str(&sb, "mode", m[0] == ' ' ? "" : m);
		json_str(&sb, "lock", l[0] == ' ' ? "" : l);
		json_str(&sb, "type", r->type);
		json_str(&sb, "device", r->device);
		if (of->kind == OFK_CHR || of->kind == OFK_FIFO || of->kind == OFK_PIPE ||
		    of->kind == OFK_SOCK) {
			if (of->has_fdinfo)
				sb_printf(&sb, ",\"offset\":%" PRIu64, of->fi.pos);
		} else if (of->has_stat) {
			sb_printf(&sb, ",\"size\":%" PRIu64, of->size);
		}
		if (of->ino)
			sb_printf(&sb, ",\"inode\":%" PRIu64, of->ino);
		json_str(&sb, "name", r->name);
		if (of->deleted)
			sb_puts(&sb, ",\"deleted\":true");
		if (of->remote)
			sb_puts(&sb, ",\"remote\":true");
		if (s && (s->family == AF_INET || s->family == AF_INET6)) {
			struct fds_opts o = {.numeric_hosts = true, .numeric_ports = true};
			static const uint8_t zero[16];

			json_str(&sb, "protocol", r->proto);
			fds_format_endpoint(b, sizeof(b), s->family, s->laddr, s->lport, r->proto,
					    &o);
			json_str(&sb, "local", b);
			if (s->rport || memcmp(s->raddr, zero, 16)) {
				fds_format_endpoint(b, sizeof(b), s->family, s->raddr, s->rport,
						    r->proto, &o);
				json_str(&sb, "remote", b);
			}
			if (s->proto == IPPROTO_TCP && tcp_state_name(s->state))
				json_str(&sb, "state", tcp_state_name(s->state));
		} else if (s && s->family == AF_UNIX) {
			if (s->path)
				json_str(&sb, "path", s->path);
			if (s->peer)
				sb_printf(&sb, ",\"peer_inode\":%" PRIu64, s->peer);
		}
		sb_puts(&sb, "}\n");
		fputs(sb.buf, stdout);
	}
	sb_free(&sb);
}

/* ---- summary ---- */

struct count {
	char *key;
	size_t n;
};

struct counts {
	struct count *v;
	size_t n, cap;
};

static void count_add(struct counts *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0) {
			c->v[i].n++;
			return;
		}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = realloc(c->v, c->cap * sizeof(*c->v));
		if (!c->v)
			abort();
	}
	c->v[c->n].key = strdup(key);
	c->v[c->n++].n = 1;
}

static int count_cmp(const void *a, const void *b)
{
	const struct count *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->key, y->key);
}

static void counts_free(struct counts *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].key);
	free(c->v);
	*c = (struct counts){0};
}

/* The folded pattern of one row: paths folded; inet sockets by protocol, far end and state,
 * with ephemeral ports folded. */
static void pattern(const struct fds_row *r, char *out, size_t len)
{
	char tmp[1100];

	if (r->of->kind == OFK_SOCK) {
		snprintf(tmp, sizeof(tmp), "%s %s%s", r->proto[0] ? r->proto : r->type, r->name,
			 r->tail);
		name_fold(tmp, out, len);
		return;
	}
	name_fold(r->name, out, len);
}

static void summary_one(const struct fds_row *rows, size_t n)
{
	const struct proc_files *p = rows[0].proc;
	struct counts types = {0}, pats = {0};
	size_t nfd = 0;
	char buf[1100];
	struct limits lim;
	const struct limit *nofile = NULL;
	char path[64];

	snprintf(path, sizeof(path), "%s/%d/limits", proc_root, p->pid);
	FILE *f = fopen(path, "re");

	if (f) {
		if (limits_parse(f, &lim) == 0)
			nofile = limits_find(&lim, "Max open files");
		fclose(f);
	}
	for (size_t i = 0; i < n; i++) {
		if (rows[i].of->slot != OF_FD)
			continue;
		nfd++;
		count_add(&types, rows[i].type);
		pattern(&rows[i], buf, sizeof(buf));
		count_add(&pats, buf);
	}
	printf("%d %s: %zu fds", p->pid, p->comm, nfd);
	if (nofile) {
		char s[32], h[32];

		snprintf(s, sizeof(s), "%" PRIu64, nofile->soft);
		snprintf(h, sizeof(h), "%" PRIu64, nofile->hard);
		printf(" (RLIMIT_NOFILE soft %s, hard %s",
		       nofile->soft == LIMIT_UNLIMITED ? "unlimited" : s,
		       nofile->hard == LIMIT_UNLIMITED ? "unlimited" : h);
		if (nofile->soft != LIMIT_UNLIMITED && nofile->soft)
			printf("; %.0f%% used", 100.0 * (double)nfd / (double)nofile->soft);
		putchar(')');
	}
	putchar('\n');
	qsort(types.v, types.n, sizeof(*types.v), count_cmp);
	qsort(pats.v, pats.n, sizeof(*pats.v), count_cmp);
	printf("  by type:\n");
	for (size_t i = 0; i < types.n; i++)
		printf("  %8zu  %s\n", types.v[i].n, types.v[i].key);
	printf("  by name:\n");
	for (size_t i = 0; i < pats.n && i < 20; i++)
		printf("  %8zu  %s\n", pats.v[i].n, pats.v[i].key);
	if (pats.n > 20)
		printf("  %8s  (%zu more patterns)\n", "", pats.n - 20);
	counts_free(&types);
	counts_free(&pats);
}

void fds_print_summary(const struct fds_row *rows, size_t n)
{
	size_t start = 0;

	for (size_t i = 1; i <= n; i++) {
		if (i < n && rows[i].proc == rows[start].proc)
			continue;
		if (rows[start].tid == 0)
			summary_one(rows + start, i - start);
		start = i;
	}
}
