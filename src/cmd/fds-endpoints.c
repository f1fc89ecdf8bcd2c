/* scry fds +E: who holds the other end of a pipe, a unix socket or a local connection. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "basic/cleanup.h"
#include "basic/strbuf.h"
#include "cmd/fds.h"
#include "proc/procfs.h"

static int endpoint_cmp(const void *a, const void *b)
{
	const struct endpoint *x = a, *y = b;

	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return x->pid != y->pid ? (x->pid < y->pid ? -1 : 1) : (x->fd > y->fd) - (x->fd < y->fd);
}

int fds_endpoints_load(struct endpoints *e)
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

			*ep = (struct endpoint){
			    .ino = of->sock_ino, .pid = pf.pid, .fd = of->fd, .mode = of->mode};
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
	return tuple_cmp(*(const struct sock_entry *const *)a,
			 *(const struct sock_entry *const *)b);
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

static const struct sock_entry *tuple_peer(const struct tuple_index *ti, const struct sock_entry *s)
{
	struct sock_entry key = {
	    .family = s->family, .proto = s->proto, .lport = s->rport, .rport = s->lport};
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

int fds_add_endpoints(const struct endpoints *e, struct tuple_index *ti,
		      const struct netns_tables *nt, struct fds_row *row)
{
	char prefix[40];
	uint64_t ino = other_end(row, ti, nt, prefix, sizeof(prefix));

	return ino || prefix[0] ? append_holders(e, row, ino, prefix) : 0;
}

static int pidfd_cmp(const void *a, const void *b)
{
	const struct pidfd *x = a, *y = b;

	return x->pid != y->pid ? (x->pid > y->pid) - (x->pid < y->pid)
				: (x->fd > y->fd) - (x->fd < y->fd);
}

bool fds_pidfd_has(const struct pidfd_set *s, pid_t pid, int fd)
{
	struct pidfd key = {pid, fd};

	return s && s->n && bsearch(&key, s->v, s->n, sizeof(key), pidfd_cmp);
}

int fds_collect_other_ends(const struct fds_row *rows, size_t n, const struct endpoints *e,
			   struct tuple_index *ti, const struct netns_tables *nt,
			   struct pidfd_set *out)
{
	for (size_t i = 0; i < n; i++) {
		const struct fds_row *row = &rows[i];
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
