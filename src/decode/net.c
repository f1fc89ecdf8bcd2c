/* Sockets: socket, socketpair, bind, connect, accept, accept4, getsockname, getpeername,
 * sendto, recvfrom. */
#include <arpa/inet.h>
#include <sys/socket.h>

#include "decode/net.h"

#define SOCK_TYPE_MASK 0xf

/* SOCK_STREAM|SOCK_CLOEXEC */
static void print_sock_type(struct dctx *d, uint64_t arg)
{
	unsigned type = (unsigned)arg;
	const char *name = xlat_name(&xl_socktypes, type & SOCK_TYPE_MASK);
	struct strbuf sb = {0};

	if (name) {
		sb_xval(&sb, xstyle(d), &xl_socktypes, type & SOCK_TYPE_MASK, NULL);
		type &= ~SOCK_TYPE_MASK;
		if (type)
			sb_putc(&sb, '|');
	}
	if (!name || type)
		sb_flags(&sb, &xl_sock_type_flags, type, xstyle(d), "SOCK_???");
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

static void print_family(struct dctx *d, uint64_t fam)
{
	pr_xval(d->p, &xl_addrfams, (unsigned)fam, "AF_???");
}

int dec_socket(struct dctx *d)
{
	unsigned fam = (unsigned)arg(d, 0);
	unsigned proto = (unsigned)arg(d, 2);

	print_family(d, fam);
	print_sock_type(d, arg(d, 1));
	switch (fam) {
	case AF_INET:
	case AF_INET6:
		pr_xval(d->p, &xl_inet_protocols, proto, "IPPROTO_???");
		break;
	case AF_NETLINK:
		pr_xval(d->p, &xl_netlink_protocols, proto, "NETLINK_???");
		break;
	case AF_PACKET: {
		struct strbuf sb = {0};
		sb_puts(&sb, "htons(");
		sb_xval(&sb, xstyle(d), &xl_ethernet_protocols, ntohs((uint16_t)proto),
			"ETH_P_???");
		sb_putc(&sb, ')');
		pr_raw(d->p, "%s", sb.buf);
		sb_free(&sb);
		break;
	}
	default:
		pr_uint(d->p, proto);
	}
	return DEC_DONE;
}

/* the [fd, fd] of socketpair and pipe: the address when the call failed */
static void print_fd_pair(struct dctx *d, uint64_t addr)
{
	int fds[2];

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (syserror(d) || mem_read(d, addr, fds, sizeof(fds)) < 0)
		pr_hex(d->p, addr);
	else
		print_fd_list(d, fds, 2);
}

int dec_socketpair(struct dctx *d)
{
	if (!d->exiting) {
		print_family(d, arg(d, 0));
		print_sock_type(d, arg(d, 1));
		pr_uint(d->p, (unsigned)arg(d, 2));
		return DEC_MORE;
	}
	print_fd_pair(d, arg(d, 3));
	return DEC_DONE;
}

/* bind, connect: fd, address, length */
int dec_sockaddr_in(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_sockaddr(d, arg(d, 1), (int)arg(d, 2));
	pr_int(d->p, (int)arg(d, 2));
	return DEC_DONE;
}

/* [128 => 16] for an in/out length, [16] when unchanged */
void print_len_change(struct dctx *d, int before, int after)
{
	pr_array_begin(d->p);
	if (before != after) {
		if (d->p->json) {
			pr_int(d->p, before);
		} else {
			pr_text(d->p, "%d => ", before);
		}
	}
	pr_int(d->p, after);
	pr_array_end(d->p);
}

/* An address the kernel fills and its in/out length; the length was saved at entry in
 * priv[slot] (priv[slot + 1] says whether it could be read). Prints both arguments. */
static void print_sockname_out(struct dctx *d, uint64_t addr, uint64_t lenp, int slot)
{
	int ulen = (int)d->priv[slot], rlen;

	if (!d->priv[slot + 1]) {
		pr_ptr(d->p, addr);
		pr_ptr(d->p, lenp);
		return;
	}
	if (syserror(d) || mem_read_obj(d, lenp, rlen) < 0) {
		pr_ptr(d->p, addr);
		pr_array_begin(d->p);
		pr_int(d->p, ulen);
		pr_array_end(d->p);
		return;
	}
	print_sockaddr(d, addr, ulen > rlen ? rlen : ulen);
	print_len_change(d, ulen, rlen);
}

/* Saves the in/out length at entry: only when both pointers are set and it is readable. */
static void save_socklen(struct dctx *d, uint64_t addr, uint64_t lenp, int slot)
{
	int ulen;

	d->priv[slot + 1] = addr && lenp && mem_read_obj(d, lenp, ulen) == 0;
	d->priv[slot] = d->priv[slot + 1] ? (uint64_t)(int64_t)ulen : 0;
}

/* accept, accept4, getsockname, getpeername */
int dec_sockname(struct dctx *d)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		save_socklen(d, arg(d, 1), arg(d, 2), 0);
		if (d->priv[1])
			return DEC_MORE;
		/* nothing to wait for: strace prints the pointers now */
		pr_ptr(d->p, arg(d, 1));
		pr_ptr(d->p, arg(d, 2));
	} else {
		print_sockname_out(d, arg(d, 1), arg(d, 2), 0);
	}
	if (d->si->nargs == 4)
		pr_flags(d->p, &xl_sock_type_flags, arg(d, 3), "SOCK_???");
	return DEC_DONE;
}

/* a buffer of socket data: netlink sockets get their messages decoded */
static void print_sockbuf(struct dctx *d, int fd, uint64_t addr, uint64_t len)
{
	int fam = netlink_family_of_fd(d, fd);

	if (fam == -2)
		print_buf(d, addr, len);
	else
		print_netlink(d, fam, addr, len);
}

int dec_sendto(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_sockbuf(d, (int)arg(d, 0), arg(d, 1), arg(d, 2));
	pr_uint(d->p, arg(d, 2));
	pr_flags(d->p, &xl_msg_flags, (unsigned)arg(d, 3), "MSG_???");
	print_sockaddr(d, arg(d, 4), (int)arg(d, 5));
	pr_int(d->p, (int)arg(d, 5));
	return DEC_DONE;
}

int dec_recvfrom(struct dctx *d)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		save_socklen(d, arg(d, 4), arg(d, 5), 0);
		return DEC_MORE;
	}
	if (syserror(d)) {
		pr_ptr(d->p, arg(d, 1));
	} else {
		uint64_t n = (uint64_t)d->ev->ret;
		print_sockbuf(d, (int)arg(d, 0), arg(d, 1), n < arg(d, 2) ? n : arg(d, 2));
	}
	pr_uint(d->p, arg(d, 2));
	pr_flags(d->p, &xl_msg_flags, (unsigned)arg(d, 3), "MSG_???");
	/* strace reads the length again at exit: without it both print as pointers */
	int rlen;
	d->priv[1] = arg(d, 4) && arg(d, 5) && mem_read_obj(d, arg(d, 5), rlen) == 0;
	print_sockname_out(d, arg(d, 4), arg(d, 5), 0);
	return DEC_DONE;
}

int dec_shutdown(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	pr_xval(d->p, &xl_shutdown_modes, (unsigned)arg(d, 1), "SHUT_???");
	return DEC_DONE;
}
