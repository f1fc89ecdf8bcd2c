/* NETLINK_SOCK_DIAG messages: the AF_UNIX request (struct unix_diag_req) as strace 6.1 prints
 * it. Other requests and the answers print as hex bytes (strace 6.1 decodes them). */
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <stddef.h>
#include <sys/socket.h>

#include "decode/nlattr.h"

static void print_unix_diag_req(struct dctx *d, uint64_t addr, unsigned len)
{
	struct unix_diag_req req = {.sdiag_family = AF_UNIX};
	const size_t skip = offsetof(struct unix_diag_req, sdiag_protocol);

	pr_struct_begin(d->p);
	pr_field(d->p, "sdiag_family");
	pr_xval(d->p, &xl_addrfams, AF_UNIX, "AF_???");
	if (len < sizeof(req)) {
		pr_more(d->p);
	} else if (mem_read(d, addr + skip, (char *)&req + skip, sizeof(req) - skip) < 0) {
		pr_hex(d->p, addr + skip);
	} else {
		pr_field(d->p, "sdiag_protocol");
		pr_uint(d->p, req.sdiag_protocol);
		pr_field(d->p, "udiag_states");
		pr_flags(d->p, &xl_tcp_state_flags, req.udiag_states, "1<<TCP_???");
		pr_field(d->p, "udiag_ino");
		pr_uint(d->p, req.udiag_ino);
		pr_field(d->p, "udiag_show");
		pr_flags(d->p, &xl_unix_diag_show, req.udiag_show, "UDIAG_SHOW_???");
		pr_field(d->p, "udiag_cookie");
		pr_array_begin(d->p);
		pr_uint(d->p, req.udiag_cookie[0]);
		pr_uint(d->p, req.udiag_cookie[1]);
		pr_array_end(d->p);
	}
	pr_struct_end(d->p);
}

bool print_sock_diag_payload(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, unsigned len)
{
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE || !(h->nlmsg_flags & NLM_F_REQUEST) || len <= 1 ||
	    mem_read_obj(d, addr, family) < 0 || family != AF_UNIX)
		return false;
	print_unix_diag_req(d, addr, len);
	return true;
}
