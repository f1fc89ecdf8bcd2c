/* scry leaks: what a still-open fd refers to, as its group shows it. Live processes are read
 * with scry fds' /proc reader and socket tables (sockets by protocol, peer and state,
 * ephemeral ports folded); exited ones keep the link text read when the fd was created. */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "cmd/fds.h"
#include "cmd/leaks.h"

/* The first port of Linux's default ip_local_port_range: above it, a port is ephemeral. */
#define EPHEMERAL_PORT 32768

static const struct proc_files *files_of(struct leaks_describe *d, const struct leak_proc *p)
{
	for (unsigned i = 0; i < d->n; i++)
		if (d->v[i].tgid == p->tgid)
			return d->v[i].ok ? &d->v[i].pf : NULL;
	if (d->n == sizeof(d->v) / sizeof(d->v[0]))
		return NULL;
	struct leaks_proc_files *x = &d->v[d->n++];
	x->tgid = p->tgid;
	x->ok = !p->exited && p->dirfd >= 0 &&
		proc_files_read(p->dirfd, p->tgid, PF_FDS_ONLY | PF_NO_MAPS | PF_NO_STAT, NULL,
				NULL, &x->pf) == 0;
	return x->ok ? &x->pf : NULL;
}

/* One end of a socket; its port folded to '*' when fold is set and the port is ephemeral. */
static void endpoint(char *buf, size_t len, const struct sock_entry *s, bool remote, bool fold)
{
	static const struct fds_opts numeric = {.numeric_hosts = true, .numeric_ports = true};
	uint16_t port = remote ? s->rport : s->lport;

	fds_format_endpoint(buf, len, s->family, remote ? s->raddr : s->laddr,
			    fold && port >= EPHEMERAL_PORT ? 0 : port,
			    s->proto == IPPROTO_UDP ? "UDP" : "TCP", &numeric);
}

/* accepted: the far end's port varies from fd to fd; otherwise (socket + connect) our own. */
static bool describe_socket(const struct sock_entry *s, bool accepted, char *out, size_t len)
{
	static const char *const unix_states[] = {"UNCONNECTED", "CONNECTING", "CONNECTED",
						  "DISCONNECTING", "LISTEN"};
	static const uint8_t zero[16];
	char a[96], b[96];

	if (s->family == AF_INET || s->family == AF_INET6) {
		const char *proto = s->proto == IPPROTO_UDP ? "UDP" : "TCP";
		bool remote = s->rport || memcmp(s->raddr, zero, s->family == AF_INET ? 4 : 16);
		const char *st = s->proto == IPPROTO_TCP ? tcp_state_name(s->state) : NULL;
		endpoint(a, sizeof(a), s, false, remote && !accepted);
		if (remote)
			endpoint(b, sizeof(b), s, true, accepted);
		snprintf(out, len, "%s%s %s%s%s%s%s%s", proto, s->family == AF_INET6 ? "6" : "", a,
			 remote ? "->" : "", remote ? b : "", st ? " (" : "", st ? st : "",
			 st ? ")" : "");
		return true;
	}
	if (s->family == AF_UNIX) {
		const char *st =
		    s->state >= 0 && s->state <= UNIX_LISTEN ? unix_states[s->state] : "?";
		snprintf(out, len, "UNIX %s (%s)", s->path ? s->path : "unnamed", st);
		return true;
	}
	return false;
}

void leaks_describe_fd(void *ctx, const struct leak_proc *p, int fd, const struct leak_fd *f,
		       char *out, size_t len)
{
	struct leaks_describe *d = ctx;
	const struct proc_files *pf = files_of(d, p);

	if (pf) {
		for (size_t i = 0; i < pf->n; i++) {
			const struct open_file *of = &pf->v[i];
			if (of->slot != OF_FD || of->fd != fd)
				continue;
			if (of->kind == OFK_SOCK) {
				const struct sock_entry *s =
				    fds_sock_lookup(&d->nt, pf, p->dirfd, of->sock_ino);
				bool accepted = f->nr == __NR_accept || f->nr == __NR_accept4;
				if (s && describe_socket(s, accepted, out, len))
					return;
			}
			if (of->name) {
				struct leak_fd live = *f;
				live.target = of->name;
				leak_describe_link(NULL, p, fd, &live, out, len);
				if (of->deleted) {
					size_t n = strlen(out);
					snprintf(out + n, len - n, " (deleted)");
				}
				return;
			}
		}
	}
	leak_describe_link(NULL, p, fd, f, out, len);
}

void leaks_describe_free(struct leaks_describe *d)
{
	for (unsigned i = 0; i < d->n; i++)
		if (d->v[i].ok)
			proc_files_free(&d->v[i].pf);
	fds_netns_free(&d->nt);
	memset(d, 0, sizeof(*d));
}
