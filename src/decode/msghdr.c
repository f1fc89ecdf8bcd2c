/* sendmsg, recvmsg, sendmmsg, recvmmsg: struct msghdr with its iovec array and control
 * messages (SCM_RIGHTS, SCM_CREDENTIALS, IP_* ancillary data). */
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "decode/net.h"

/* strace's limit on messages in one vector */
#define MMSG_MAX 1024

#ifndef SCM_SECURITY
#define SCM_SECURITY 3
#endif

struct iov_cfg {
	uint64_t left; /* bytes still to show across the elements; UINT64_MAX = all */
	bool netlink;  /* the message goes to or comes from a netlink address */
};

static bool print_iov_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	const uint64_t *iov = elem;
	struct iov_cfg *c = opaque;
	uint64_t len = iov[1] < c->left ? iov[1] : c->left;

	(void)size;
	if (c->left != UINT64_MAX)
		c->left -= len;
	pr_struct_begin(d->p);
	pr_field(d->p, "iov_base");
	if (c->netlink) {
		int fam = netlink_family_of_fd(d, (int)arg(d, 0));
		print_netlink(d, fam < 0 ? -1 : fam, iov[0], len);
	} else {
		print_buf(d, iov[0], len);
	}
	pr_field(d->p, "iov_len");
	pr_uint(d->p, iov[1]);
	pr_struct_end(d->p);
	return true;
}

/* The kernel's limit on ancillary data, rounded up as it does. */
static unsigned optmem_max(void)
{
	static unsigned max;

	if (!max) {
		FILE *f = fopen("/proc/sys/net/core/optmem_max", "re");
		int v = 0;
		if (f) {
			if (fscanf(f, "%d", &v) != 1)
				v = 0;
			fclose(f);
		}
		max = v > 0 ? ((unsigned)v + 7) & ~7u : 8 * (2 * 1024 + 512);
	}
	return max;
}

static void print_ucred(struct dctx *d, const struct ucred *uc)
{
	pr_struct_begin(d->p);
	pr_field(d->p, "pid");
	pr_int(d->p, uc->pid);
	pr_field(d->p, "uid");
	if (uc->uid == (uid_t)-1)
		pr_int(d->p, -1);
	else
		pr_uint(d->p, uc->uid);
	pr_field(d->p, "gid");
	if (uc->gid == (gid_t)-1)
		pr_int(d->p, -1);
	else
		pr_uint(d->p, uc->gid);
	pr_struct_end(d->p);
}

/* an array of values in our memory, cut after -s elements unless -v */
static void print_local_uints(struct dctx *d, const unsigned char *data, size_t n, size_t size,
			      bool hex)
{
	size_t limit = !d->o->verbose && d->o->strsize < n ? d->o->strsize : n;

	pr_array_begin(d->p);
	for (size_t i = 0; i < n; i++) {
		if (i >= limit) {
			pr_more(d->p);
			break;
		}
		if (size == 1) {
			pr_raw(d->p, "%#x", data[i]);
		} else {
			unsigned v;
			memcpy(&v, data + i * size, sizeof(v));
			if (hex)
				pr_raw(d->p, "%#x", v);
			else
				pr_uint(d->p, v);
		}
	}
	pr_array_end(d->p);
}

/* n timespecs (or one timeval) from control data; ??? when it is too short */
static void print_ts_data(struct dctx *d, const unsigned char *data, size_t len, unsigned n,
			  bool nsec)
{
	int64_t v[6];

	if (len < n * 16) {
		pr_raw(d->p, "???");
		return;
	}
	memcpy(v, data, n * 16);
	if (n > 1)
		pr_array_begin(d->p);
	for (unsigned i = 0; i < n; i++) {
		pr_struct_begin(d->p);
		pr_field(d->p, "tv_sec");
		pr_int(d->p, v[2 * i]);
		pr_field(d->p, nsec ? "tv_nsec" : "tv_usec");
		pr_uint(d->p, (uint64_t)v[2 * i + 1]);
		pr_struct_end(d->p);
	}
	if (n > 1)
		pr_array_end(d->p);
}

static void print_cmsg_data(struct dctx *d, int level, int type, const unsigned char *data,
			    size_t len)
{
	if (level == SOL_SOCKET) {
		pr_xval(d->p, &xl_scmvals, (unsigned)type, "SCM_???");
		if (type == SCM_RIGHTS && len >= sizeof(int)) {
			size_t n = len / sizeof(int), limit;
			limit = !d->o->verbose && d->o->strsize < n ? d->o->strsize : n;
			pr_field(d->p, "cmsg_data");
			pr_array_begin(d->p);
			for (size_t i = 0; i < n; i++) {
				int fd;
				if (i >= limit) {
					pr_more(d->p);
					break;
				}
				memcpy(&fd, data + i * sizeof(fd), sizeof(fd));
				print_fd(d, fd);
			}
			pr_array_end(d->p);
		} else if (type == SCM_CREDENTIALS && len >= sizeof(struct ucred)) {
			struct ucred uc;
			memcpy(&uc, data, sizeof(uc));
			pr_field(d->p, "cmsg_data");
			print_ucred(d, &uc);
		} else if (type == SCM_SECURITY && len >= 1) {
			pr_field(d->p, "cmsg_data");
			pr_quoted(d->p, (const char *)data, len, false, false);
		} else if (len >= 1 && (type == 29 || type == 63)) {
			/* SO_TIMESTAMP_OLD, SO_TIMESTAMP_NEW: a timeval */
			pr_field(d->p, "cmsg_data");
			print_ts_data(d, data, len, 1, false);
		} else if (len >= 1 && (type == 35 || type == 64)) {
			/* SO_TIMESTAMPNS_OLD, SO_TIMESTAMPNS_NEW: a timespec */
			pr_field(d->p, "cmsg_data");
			print_ts_data(d, data, len, 1, true);
		} else if (len >= 1 && (type == 37 || type == 65)) {
			/* SO_TIMESTAMPING_OLD, SO_TIMESTAMPING_NEW: three timespecs */
			pr_field(d->p, "cmsg_data");
			print_ts_data(d, data, len, 3, true);
		}
		return;
	}
	if (level == SOL_IP) {
		pr_xval(d->p, &xl_ip_cmsg_types, (unsigned)type, "IP_???");
		switch (type) {
		case IP_TTL:
		case IP_CHECKSUM:
			if (len >= sizeof(unsigned)) {
				pr_field(d->p, "cmsg_data");
				print_local_uints(d, data, len / sizeof(unsigned), sizeof(unsigned),
						  false);
			}
			break;
		case IP_TOS:
		case IP_RECVOPTS:
		case IP_RETOPTS:
			if (len >= 1) {
				pr_field(d->p, "cmsg_data");
				print_local_uints(d, data, len, 1, true);
			}
			break;
		case IP_PKTINFO:
			if (len >= sizeof(struct in_pktinfo)) {
				struct in_pktinfo pi;
				memcpy(&pi, data, sizeof(pi));
				pr_field(d->p, "cmsg_data");
				pr_struct_begin(d->p);
				pr_field(d->p, "ipi_ifindex");
				pr_int(d->p, pi.ipi_ifindex);
				print_in_addr_field(d, "ipi_spec_dst", &pi.ipi_spec_dst);
				print_in_addr_field(d, "ipi_addr", &pi.ipi_addr);
				pr_struct_end(d->p);
			}
			break;
		}
		return;
	}
	pr_hex(d->p, (unsigned)type);
}

static void print_msg_control(struct dctx *d, uint64_t addr, uint64_t in_len)
{
	const size_t hdr = sizeof(struct cmsghdr);
	unsigned control_len = in_len > optmem_max() ? optmem_max() : (unsigned)in_len;
	unsigned left = control_len;
	unsigned char *buf = NULL;

	pr_field(d->p, "msg_control");
	if (left >= hdr)
		buf = malloc(left);
	if (!buf || mem_read(d, addr, buf, left) < 0) {
		pr_ptr(d->p, addr);
		free(buf);
		return;
	}
	unsigned char *p = buf;
	pr_array_begin(d->p);
	while (left >= hdr) {
		struct cmsghdr c;
		memcpy(&c, p, sizeof(c));
		pr_struct_begin(d->p);
		pr_field(d->p, "cmsg_len");
		pr_uint(d->p, c.cmsg_len);
		pr_field(d->p, "cmsg_level");
		pr_xval(d->p, &xl_socketlayers, (unsigned)c.cmsg_level, "SOL_???");
		pr_field(d->p, "cmsg_type");
		uint64_t len = c.cmsg_len > left ? left : c.cmsg_len;
		print_cmsg_data(d, c.cmsg_level, c.cmsg_type, p + hdr, len > hdr ? len - hdr : 0);
		pr_struct_end(d->p);
		if (len < hdr) {
			left -= (unsigned)hdr;
			break;
		}
		len = (c.cmsg_len + 7) & ~(uint64_t)7;
		if (len >= left) {
			left = 0;
			break;
		}
		p += len;
		left -= (unsigned)len;
	}
	if (left) {
		pr_more(d->p);
		pr_comment(d->p, "%#" PRIx64, addr + (control_len - left));
	} else if (control_len < in_len) {
		pr_more(d->p);
	}
	pr_array_end(d->p);
	free(buf);
}

/* user_namelen: the msg_namelen the caller passed in (recvmsg), or NULL. data_size limits the
 * bytes shown from the iovecs (the return value of recvmsg), UINT64_MAX for all. */
static void print_msghdr_val(struct dctx *d, const struct msghdr *m, const int *user_namelen,
			     uint64_t data_size)
{
	int namelen = user_namelen && (int)m->msg_namelen > *user_namelen ? *user_namelen
									  : (int)m->msg_namelen;
	struct iov_cfg cfg = {data_size, false};

	pr_struct_begin(d->p);
	pr_field(d->p, "msg_name");
	cfg.netlink = print_sockaddr(d, (uint64_t)(uintptr_t)m->msg_name, namelen) == AF_NETLINK;
	pr_field(d->p, "msg_namelen");
	if (user_namelen && *user_namelen != (int)m->msg_namelen) {
		if (d->p->json) {
			pr_array_begin(d->p);
			pr_int(d->p, *user_namelen);
			pr_int(d->p, (int)m->msg_namelen);
			pr_array_end(d->p);
		} else {
			pr_raw(d->p, "%d => %d", *user_namelen, (int)m->msg_namelen);
		}
	} else {
		pr_int(d->p, (int)m->msg_namelen);
	}
	pr_field(d->p, "msg_iov");
	print_array(d, (uint64_t)(uintptr_t)m->msg_iov, m->msg_iovlen, 16, print_iov_elem, &cfg);
	pr_field(d->p, "msg_iovlen");
	pr_uint(d->p, m->msg_iovlen);
	if (m->msg_controllen)
		print_msg_control(d, (uint64_t)(uintptr_t)m->msg_control, m->msg_controllen);
	pr_field(d->p, "msg_controllen");
	pr_uint(d->p, m->msg_controllen);
	pr_field(d->p, "msg_flags");
	pr_flags(d->p, &xl_msg_flags, (unsigned)m->msg_flags, "MSG_???");
	pr_struct_end(d->p);
}

static void print_msghdr(struct dctx *d, uint64_t addr, const int *user_namelen, uint64_t data_size)
{
	struct msghdr m;

	if (!addr || mem_read_obj(d, addr, m) < 0)
		pr_ptr(d->p, addr);
	else
		print_msghdr_val(d, &m, user_namelen, data_size);
}

int dec_sendmsg(struct dctx *d)
{
	print_fd(d, (int)arg(d, 0));
	print_msghdr(d, arg(d, 1), NULL, UINT64_MAX);
	pr_flags(d->p, &xl_msg_flags, (unsigned)arg(d, 2), "MSG_???");
	return DEC_DONE;
}

int dec_recvmsg(struct dctx *d)
{
	struct msghdr m;

	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		if (arg(d, 1) && mem_read_obj(d, arg(d, 1), m) == 0) {
			d->priv[0] = (uint64_t)(int64_t)(int)m.msg_namelen;
			return DEC_MORE;
		}
		pr_ptr(d->p, arg(d, 1));
	} else {
		int namelen = (int)d->priv[0];
		if (syserror(d)) {
			pr_struct_begin(d->p);
			pr_field(d->p, "msg_namelen");
			pr_int(d->p, namelen);
			pr_struct_end(d->p);
		} else {
			print_msghdr(d, arg(d, 1), &namelen, (uint64_t)d->ev->ret);
		}
	}
	pr_flags(d->p, &xl_msg_flags, (unsigned)arg(d, 2), "MSG_???");
	return DEC_DONE;
}

/* What recvmmsg saves at entry: the msg_namelen of each message and the timeout. */
struct mmsg_saved {
	unsigned count; /* messages whose header was readable */
	int ts_state;	/* 0 NULL, 1 read, -1 unreadable */
	struct timespec ts;
	int namelen[];
};

struct mmsg_cfg {
	const int *namelen; /* recvmmsg: per message, else NULL */
	unsigned count;	    /* messages left to print before "..." */
	unsigned msg_len_n; /* messages whose msg_len is printed */
	bool use_msg_len;   /* limit the iovec bytes to msg_len (recvmmsg) */
};

static bool print_mmsg_elem(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	const struct mmsghdr *mm = elem;
	struct mmsg_cfg *c = opaque;

	(void)size;
	if (!c->count) {
		pr_more(d->p);
		return false;
	}
	c->count--;
	pr_struct_begin(d->p);
	pr_field(d->p, "msg_hdr");
	print_msghdr_val(d, &mm->msg_hdr, c->namelen, c->use_msg_len ? mm->msg_len : UINT64_MAX);
	if (c->msg_len_n) {
		pr_field(d->p, "msg_len");
		pr_uint(d->p, mm->msg_len);
		c->msg_len_n--;
	}
	pr_struct_end(d->p);
	if (c->namelen)
		c->namelen++;
	return true;
}

int dec_sendmmsg(struct dctx *d)
{
	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		return DEC_MORE;
	}
	/* the messages are printed even when the call failed, without msg_len */
	struct mmsg_cfg c = {NULL, MMSG_MAX, syserror(d) ? 0 : (unsigned)d->ev->ret, false};
	print_array(d, arg(d, 1), (unsigned)arg(d, 2), sizeof(struct mmsghdr), print_mmsg_elem, &c);
	pr_uint(d->p, (unsigned)arg(d, 2));
	pr_flags(d->p, &xl_msg_flags, (unsigned)arg(d, 3), "MSG_???");
	return DEC_DONE;
}

static void print_saved_ts(struct dctx *d, const struct mmsg_saved *s, uint64_t addr)
{
	if (s->ts_state == 0)
		pr_raw(d->p, "NULL");
	else if (s->ts_state < 0)
		pr_hex(d->p, addr);
	else
		print_timespec_val(d, &s->ts);
}

int dec_recvmmsg(struct dctx *d)
{
	struct mmsg_saved *s;

	if (!d->exiting) {
		unsigned vlen = (unsigned)arg(d, 2);
		if (vlen > MMSG_MAX)
			vlen = MMSG_MAX;
		print_fd(d, (int)arg(d, 0));
		s = calloc(1, sizeof(*s) + vlen * sizeof(int));
		for (s->count = 0; s->count < vlen; s->count++) {
			struct mmsghdr mm;
			if (mem_read_obj(d, arg(d, 1) + s->count * sizeof(mm), mm) < 0)
				break;
			s->namelen[s->count] = (int)mm.msg_hdr.msg_namelen;
		}
		s->ts_state = !arg(d, 4) ? 0 : mem_read_obj(d, arg(d, 4), s->ts) == 0 ? 1 : -1;
		d->priv[0] = (uint64_t)(uintptr_t)s;
		return DEC_MORE;
	}
	s = (struct mmsg_saved *)(uintptr_t)d->priv[0];
	int64_t ret = d->ev->ret;
	struct mmsg_cfg c = {s->namelen, s->count < MMSG_MAX ? s->count : MMSG_MAX, (unsigned)ret,
			     true};
	if (syserror(d))
		pr_ptr(d->p, arg(d, 1));
	else
		print_array(d, arg(d, 1), (uint64_t)ret, sizeof(struct mmsghdr), print_mmsg_elem,
			    &c);
	pr_uint(d->p, (unsigned)arg(d, 2));
	pr_flags(d->p, &xl_msg_flags, (unsigned)arg(d, 3), "MSG_???");
	print_saved_ts(d, s, arg(d, 4));
	free(s);
	d->priv[0] = 0;
	if (syserror(d))
		return DEC_DONE;
	if (ret == 0) {
		sb_puts(&d->aux, "Timeout");
	} else if (arg(d, 4)) {
		struct timespec ts;
		if (mem_read_obj(d, arg(d, 4), ts) < 0)
			sb_printf(&d->aux, "left %#" PRIx64, arg(d, 4));
		else
			sb_printf(&d->aux, "left {tv_sec=%lld, tv_nsec=%llu}", (long long)ts.tv_sec,
				  (unsigned long long)ts.tv_nsec);
	}
	return DEC_DONE;
}
