// SPDX-License-Identifier: GPL-2.0-or-later
/* The kernel side of `scry trace --backend=bpf`: one record per syscall of the traced
 * processes, with the memory its arguments point to captured as user space's plan says,
 * through one ring buffer; plus fork, exec, exit and signals so that user space can follow
 * the tracees as the ptrace backend does. -c is counted here, without records. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_tracing.h>

#include "trace.h"

extern int bpf_iter_task_vma_new(struct bpf_iter_task_vma *it, struct task_struct *task,
				 __u64 addr) __ksym __weak;
extern struct vm_area_struct *bpf_iter_task_vma_next(struct bpf_iter_task_vma *it) __ksym __weak;
extern void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma *it) __ksym __weak;

char LICENSE[] SEC("license") = "GPL";

#define SIGKILL		     9
#define SI_USER		     0
#define SI_KERNEL	     0x80
#define NR_execve	     59
#define NR_execveat	     322
#define TRACE_SIGNAL_IGNORED 1

/* Set by user space before load. */
const volatile struct scry_plan plans[SCRY_NR_MAX];
const volatile struct scry_plan unknown_plan; /* numbers past the table */
const volatile bool follow;		      /* -f: children and new threads */
const volatile bool follow_threads;	      /* new threads even without -f (scry leaks) */
const volatile bool need_cpu_time;	      /* -c/-C without -w: system time per call */
const volatile bool signals_wanted;	      /* signal records (not under -c) */
const volatile __u64 blocked_ns = 50000000;   /* a call this old is shown while it blocks */
const volatile bool send_maps;		      /* -k: SR_MAPS snapshots before stacks */

/* Written by user space while running. */
__u64 tgid_bits[SCRY_PID_MAX / 64];
__u32 hide_tgid; /* the launched command before its execve: not shown */

/* Read by user space. */
__u64 lost[SL_N];

struct task_st {
	__u32 flags;
	__u32 seq;
	__u32 used; /* capture bytes in data */
	__u32 npend;
	__u32 refetch; /* entry captures (op bits) that faulted: tried again at exit */
	__u32 pad;
	__u64 nsw0; /* context switches at entry */
	__u64 rt0;  /* sum_exec_runtime at entry */
	__u8 pend[SCRY_NPEND][48];
	__u8 fatal[48]; /* a default-fatal signal sent to it: reported before its death */
	struct scry_rec rec;
	__u8 data[SCRY_REC_DATA + SCRY_CAP_MAX];
};

enum {
	TS_IN = 1 << 0,		/* in a syscall that has a plan */
	TS_SENT = 1 << 1,	/* its entry went out as SR_ENTER */
	TS_IGNORE = 1 << 2,	/* a thread not followed (no -f) */
	TS_FIRST_EXEC = 1 << 3, /* the launched command's execve: its stack is the new image's */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_st);
} tasks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);
} rb SEC(".maps");

/* The scan's copy of a record (the task may be writing its own at the same time). */
struct scan_buf {
	struct scry_rec rec;
	__u8 data[SCRY_REC_DATA];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scan_buf);
} scan_scratch SEC(".maps");

/* An fd's path is built here backwards, component by component. */
struct path_buf {
	char b[2 * SCRY_FDPATH_MAX + 64];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct path_buf);
} path_scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SCRY_NR_MAX);
	__type(key, __u32);
	__type(value, struct scry_count);
} counts SEC(".maps");

/* -k: the executable size of each address space when its mappings were last sent. */
struct maps_key {
	__u64 mm;
	__u32 tgid;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct maps_key);
	__type(value, __u64);
} maps_sent SEC(".maps");

static __always_inline bool traced(__u32 tgid)
{
	__u32 i = (tgid / 64) & (SCRY_PID_MAX / 64 - 1);

	return (tgid_bits[i] >> (tgid % 64)) & 1;
}

static __always_inline void lose(int what)
{
	if (what >= 0 && what < SL_N)
		__sync_fetch_and_add(&lost[what], 1);
}

static __always_inline void out(void *data, __u64 size, bool wake)
{
	__u64 flags = BPF_RB_NO_WAKEUP;

	if (wake || bpf_ringbuf_query(&rb, BPF_RB_AVAIL_DATA) >= SCRY_WAKEUP_BYTES)
		flags = BPF_RB_FORCE_WAKEUP;
	if (bpf_ringbuf_output(&rb, data, size, flags))
		lose(SL_RING);
}

static __always_inline const volatile struct scry_plan *plan_of(__s64 nr)
{
	__u64 i = (__u64)nr;

	if (i >= SCRY_NR_MAX)
		return &unknown_plan;
	barrier_var(i);
	return &plans[i & (SCRY_NR_MAX - 1)];
}

/* The record's size, bounded so that the verifier sees it fits the task storage. */
static __always_inline __u32 rec_size(struct task_st *st)
{
	__u32 used = st->used;

	if (used > SCRY_REC_DATA)
		used = SCRY_REC_DATA;
	barrier_var(used);
	used &= 2 * SCRY_REC_DATA - 1;
	if (used > SCRY_REC_DATA)
		used = SCRY_REC_DATA;
	barrier_var(used);
	st->rec.size = sizeof(st->rec) + used;
	return sizeof(st->rec) + used;
}

/* ---- captures ---- */

struct cap_ctx {
	struct task_st *st;
	const volatile struct scry_capop *op;
	__u64 addr;   /* array base */
	__u64 remain; /* CK_IOVEC at exit: bytes of ret not yet given out */
	__u32 max;    /* CK_IOVEC: bytes of each buffer */
	__u32 n;      /* elements */
	__u8 flags;   /* SCF_EXIT */
	__u8 fault;
	__u8 stop;
};

/* Reserves a capture of want bytes at the end of the record; returns the offset of its
 * header in data, or -1 when the record is full. *room: bytes the data may take. */
static __always_inline long cap_begin(struct task_st *st, __u64 addr, __u32 want, __u32 orig,
				      __u8 flags, __u32 *room)
{
	__u32 off = st->used;
	__u32 left;

	if (off > SCRY_REC_DATA - sizeof(struct scry_cap)) {
		st->rec.flags |= SRF_FULL;
		lose(SL_TOOBIG);
		return -1;
	}
	left = SCRY_REC_DATA - off - sizeof(struct scry_cap);
	if (want > left) {
		st->rec.flags |= SRF_FULL;
		lose(SL_TOOBIG);
		want = left;
	}
	if (want > SCRY_CAP_MAX - 1)
		want = SCRY_CAP_MAX - 1;
	*room = want;
	struct scry_cap *c = (void *)&st->data[off & (SCRY_REC_DATA - 1)];
	c->addr = addr;
	c->len = 0;
	c->orig_len = orig;
	c->flags = flags;
	return off;
}

static __always_inline void cap_end(struct task_st *st, long off, __u32 len, bool fault)
{
	struct scry_cap *c = (void *)&st->data[off & (SCRY_REC_DATA - 1)];

	if (fault) {
		c->flags |= SCF_FAULT;
		len = 0;
		st->rec.flags |= SRF_FAULT;
	}
	c->len = len;
	st->used = (__u32)off + sizeof(struct scry_cap) + ((len + 7) & ~7u);
	st->rec.ncaps++;
}

static __always_inline void *cap_data(struct task_st *st, long off)
{
	return &st->data[(off + sizeof(struct scry_cap)) & (SCRY_REC_DATA - 1)];
}

__noinline int cap_fileloc(struct task_st *st, __u64 addr, __u8 flags);

/* Bytes at addr. Returns 0, or -1 if they could not be read. A global function: the
 * verifier checks it once, not at every place a capture is made. */
__noinline int cap_mem(struct task_st *st, __u64 addr, __u64 want, __u64 orig, __u8 flags)
{
	__u32 room;
	long off;

	if (!st)
		return 0;

	if (want > SCRY_CAP_MAX)
		want = SCRY_CAP_MAX;
	off = cap_begin(st, addr, (__u32)want, (__u32)orig, flags, &room);
	if (off < 0)
		return 0;
	barrier_var(room);
	room &= SCRY_CAP_MAX - 1;
	int r = room ? bpf_probe_read_user(cap_data(st, off), room, (void *)addr) : 0;
	cap_end(st, off, room, r < 0);
	if (r < 0)
		cap_fileloc(st, addr, flags);
	return r < 0 ? -1 : 0;
}

/* A NUL-terminated string; data holds the NUL only when the string ended within max. */
__noinline int cap_str(struct task_st *st, __u64 addr, __u32 max, __u8 flags)
{
	__u32 room;
	long off;

	if (!st)
		return 0;

	if (max > SCRY_CAP_MAX)
		max = SCRY_CAP_MAX;
	off = cap_begin(st, addr, max, 0, flags, &room);
	if (off < 0)
		return 0;
	barrier_var(room);
	room &= SCRY_CAP_MAX - 1;
	long r = room ? bpf_probe_read_user_str(cap_data(st, off), room, (void *)addr) : 0;
	if (r < 0) {
		cap_end(st, off, 0, true);
		cap_fileloc(st, addr, flags);
		return -1;
	}
	__u32 len = (__u32)r;
	if (len >= room && len > 0)
		len--; /* cut: the NUL there is the helper's, not the string's */
	cap_end(st, off, len, false);
	return 0;
}

static long strv_one(__u64 i, struct cap_ctx *x)
{
	struct task_st *st = x->st;
	__u64 p = 0;

	if (bpf_probe_read_user(&p, sizeof(p), (void *)(x->addr + i * 8)) < 0) {
		x->fault = 1;
		return 1;
	}
	/* the pointer array itself grows as one capture */
	__u32 off = st->used;
	if (off > SCRY_REC_DATA - 8) {
		st->rec.flags |= SRF_FULL;
		return 1;
	}
	*(__u64 *)&st->data[off & (SCRY_REC_DATA - 1)] = p;
	st->used = off + 8;
	x->n = (__u32)i + 1;
	return p == 0;
}

static long strv_str(__u64 i, struct cap_ctx *x)
{
	struct task_st *st = x->st;
	__u64 p = 0;

	if (i >= x->n)
		return 1;
	if (bpf_probe_read_user(&p, sizeof(p), (void *)(x->addr + i * 8)) < 0 || !p)
		return 1;
	if (cap_str(st, p, x->op->max, x->flags) < 0)
		x->fault = 1;
	return 0;
}

static __always_inline int cap_strv(struct task_st *st, const volatile struct scry_capop *op,
				    __u64 addr, __u8 flags)
{
	struct cap_ctx x = {.st = st, .op = op, .addr = addr, .flags = flags};
	__u32 room;
	long off;

	if (!addr)
		return 0;
	off = cap_begin(st, addr, 0, 0, flags, &room);
	if (off < 0)
		return 0;
	st->used = (__u32)off + sizeof(struct scry_cap);
	bpf_loop(op->nmax < SCRY_STRV_MAX ? op->nmax : SCRY_STRV_MAX, strv_one, &x, 0);
	st->used = (__u32)off;
	cap_end(st, off, x.n * 8, x.n == 0 && x.fault);
	bpf_loop(op->elem, strv_str, &x, 0);
	return x.fault ? -1 : 0;
}

struct iov {
	__u64 base;
	__u64 len;
};

static long iov_one(__u64 i, struct cap_ctx *x)
{
	struct iov v;
	__u64 n;

	if (i >= x->n)
		return 1;
	if (bpf_probe_read_user(&v, sizeof(v), (void *)(x->addr + i * 16)) < 0)
		return 1;
	n = v.len;
	if (x->flags & SCF_EXIT) {
		if (n > x->remain)
			n = x->remain;
		x->remain -= n;
	}
	if (n > x->max)
		n = x->max;
	if (v.base && cap_mem(x->st, v.base, n, v.len, x->flags) < 0)
		x->fault = 1;
	return (x->flags & SCF_EXIT) && !x->remain;
}

/* An iovec array of cnt elements at addr and the first nbufs buffers, max bytes each; at
 * exit only the first `got` bytes (what the call transferred), spread over the buffers. */
static __always_inline int cap_iovec(struct task_st *st, __u32 max, __u32 nbufs, __u64 addr,
				     __u64 cnt, __u8 flags, __s64 got)
{
	struct cap_ctx x = {.st = st, .max = max, .addr = addr, .flags = flags};

	if (!addr)
		return 0;
	if (cnt > SCRY_IOV_MAX)
		cnt = SCRY_IOV_MAX;
	/* the elements up to the first unreadable page (strace prints the rest's address) */
	__u64 readable = (8192 - (addr & 4095)) / 16;
	if (cnt > readable)
		cnt = readable;
	if (cap_mem(st, addr, cnt * 16, cnt * 16, flags) < 0) {
		readable = (4096 - (addr & 4095)) / 16;
		if (cnt <= readable)
			return -1;
		cnt = readable;
		if (cap_mem(st, addr, cnt * 16, cnt * 16, flags) < 0)
			return -1;
	}
	x.n = (__u32)cnt;
	if (flags & SCF_EXIT) {
		if (got <= 0)
			return 0;
		x.remain = (__u64)got;
	}
	bpf_loop(nbufs < cnt ? nbufs : (__u32)cnt, iov_one, &x, 0);
	return x.fault ? -1 : 0;
}

/* struct msghdr and struct mmsghdr as the kernel's user ABI has them on 64-bit */
struct umsghdr {
	__u64 name;
	__u32 namelen;
	__u32 pad;
	__u64 iov;
	__u64 iovlen;
	__u64 control;
	__u64 controllen;
	__u32 flags;
	__u32 pad2;
	__u32 msg_len; /* struct mmsghdr only */
	__u32 pad3;
};
#define MSGHDR_SIZE  56
#define MMSGHDR_SIZE 64

struct msg_ctx {
	struct task_st *st;
	__u64 addr; /* the array */
	__s64 got;  /* recvmsg at exit: the bytes received */
	__u32 n;    /* headers */
	__u32 max;  /* bytes of each iovec buffer */
	__u8 flags; /* SCF_EXIT */
	__u8 mmsg;  /* struct mmsghdr elements */
	__u8 fault;
};

static long msg_one(__u64 i, struct msg_ctx *x)
{
	struct task_st *st = x->st;
	struct umsghdr h = {};

	if (i >= x->n || i >= SCRY_MSG_MAX)
		return 1;
	if (bpf_probe_read_user(&h, MMSGHDR_SIZE, (void *)(x->addr + i * MMSGHDR_SIZE)) < 0 &&
	    bpf_probe_read_user(&h, MSGHDR_SIZE, (void *)(x->addr + i * MMSGHDR_SIZE)) < 0) {
		x->fault = 1;
		return 1;
	}
	if (h.name && h.namelen) {
		__u32 n = h.namelen < SCRY_NAME_MAX ? h.namelen : SCRY_NAME_MAX;
		if (cap_mem(st, h.name, n, h.namelen, x->flags) < 0)
			x->fault = 1;
	}
	if (h.control && h.controllen) {
		__u64 n = h.controllen < SCRY_CONTROL_MAX ? h.controllen : SCRY_CONTROL_MAX;
		if (cap_mem(st, h.control, n, h.controllen, x->flags) < 0)
			x->fault = 1;
	}
	__s64 got = x->mmsg ? (__s64)h.msg_len : x->got;
	if (h.iov && h.iovlen &&
	    cap_iovec(st, x->max, SCRY_IOV_MAX, h.iov, h.iovlen, x->flags, got) < 0)
		x->fault = 1;
	return 0;
}

/* CK_MSGHDR: the headers as one capture, then what each one points to. */
__noinline int cap_msghdr(struct task_st *st, __u64 addr, __u32 n_mmsg, __u32 max, __s64 got)
{
	struct msg_ctx x = {.st = st, .addr = addr, .got = got, .max = max};
	__u32 n = n_mmsg & 0xffff;

	if (!st)
		return 0;
	x.flags = (n_mmsg >> 16) & SCF_EXIT;
	x.mmsg = (n_mmsg >> 24) & 1;
	if (n > 64)
		n = 64;
	x.n = n;
	__u64 size = x.mmsg ? (__u64)n * MMSGHDR_SIZE : MSGHDR_SIZE;
	if (cap_mem(st, addr, size, size, x.flags) < 0)
		return -1;
	bpf_loop(SCRY_MSG_MAX, msg_one, &x, 0);
	return x.fault ? -1 : 0;
}

/* ---- what an fd refers to (-y, -P): d_path done by hand, tracepoints may not call it ---- */

#define SOCKFS_MAGIC	    0x534F434B
#define PIPEFS_MAGIC	    0x50495045
#define ANON_INODE_FS_MAGIC 0x09041934

/* The path is captured as its components, leaf first, each in a slot of SLOT bytes: its
 * length, then its name. User space joins them (bpf_fd_describe). Fixed slots keep the
 * verifier's view of the loop simple. */
#define SLOT  64
#define DEPTH 32

struct walk {
	struct path_buf *pb;
	struct dentry *d;
	struct vfsmount *mnt;
	struct dentry *root_d;
	struct vfsmount *root_mnt;
	__u32 n;
};

static long walk_one(__u64 i, struct walk *w)
{
	struct dentry *d = w->d;
	struct vfsmount *vm = w->mnt;

	if (i >= DEPTH || (d == w->root_d && vm == w->root_mnt))
		return 1;
	if (d == BPF_CORE_READ(vm, mnt_root)) {
		/* the top of a mount: continue from where it is mounted */
		struct mount *m = container_of(vm, struct mount, mnt);
		struct mount *parent = BPF_CORE_READ(m, mnt_parent);
		if (parent == m)
			return 1;
		w->pb->b[(i & (DEPTH - 1)) * SLOT] = 0; /* an empty slot: skipped */
		w->n = (__u32)i + 1;
		w->d = BPF_CORE_READ(m, mnt_mountpoint);
		w->mnt = &parent->mnt;
		return 0;
	}
	struct dentry *up = BPF_CORE_READ(d, d_parent);
	if (up == d)
		return 1;
	__u32 len = BPF_CORE_READ(d, d_name.len);
	const unsigned char *name = BPF_CORE_READ(d, d_name.name);
	char *slot = &w->pb->b[(i & (DEPTH - 1)) * SLOT];
	if (len > SLOT - 1)
		len = SLOT - 1;
	slot[0] = (char)len;
	bpf_probe_read_kernel(slot + 1, len & (SLOT - 1), name);
	w->n = (__u32)i + 1;
	w->d = up;
	return 0;
}

/* len_flags & 0xffff bytes of pb as capture `key`, flags len_flags >> 16 (a global
 * function: verified once; at most 5 arguments). */
__noinline int cap_kmem(struct task_st *st, __u64 key, struct path_buf *pb, __u32 len_flags)
{
	__u32 room, len = len_flags & 0xffff;
	__u8 flags = len_flags >> 16;
	long off;

	if (!st || !pb)
		return 0;
	off = cap_begin(st, key, len, len, flags, &room);
	if (off < 0)
		return 0;
	barrier_var(room);
	room &= 2 * SCRY_FDPATH_MAX - 1;
	bpf_probe_read_kernel(cap_data(st, off), room, pb->b);
	cap_end(st, off, room, false);
	return 0;
}

/* Data of an SCF_FDPATH capture: a kind byte, then for FDP_WALK the slots above, for
 * FDP_NAME the name the kernel made up (socket:[123]). */
enum { FDP_WALK = 1, FDP_WALK_DELETED = 2, FDP_NAME = 3, FDP_SOCK = 4 };

#define AF_UNIX	   1
#define AF_INET	   2
#define AF_INET6   10
#define AF_NETLINK 16

/* The socket behind file f (FDP_SOCK): what sock_diag would have answered then. */
static __always_inline void sock_state(struct file *f, struct scry_sock *ss)
{
	struct socket *sock = BPF_CORE_READ(f, private_data);
	struct sock *sk = BPF_CORE_READ(sock, sk);
	struct proto *prot = BPF_CORE_READ(sk, __sk_common.skc_prot);

	if (!sk)
		return;
	bpf_probe_read_kernel_str(ss->proto, sizeof(ss->proto), &prot->name);
	ss->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	ss->protocol = BPF_CORE_READ(sk, sk_protocol);
	ss->state = BPF_CORE_READ(sk, __sk_common.skc_state);
	if (ss->family == AF_INET || ss->family == AF_INET6) {
		ss->sport = BPF_CORE_READ(sk, __sk_common.skc_num);
		ss->dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		if (ss->family == AF_INET) {
			bpf_probe_read_kernel(ss->src, 4, &sk->__sk_common.skc_rcv_saddr);
			bpf_probe_read_kernel(ss->dst, 4, &sk->__sk_common.skc_daddr);
		} else {
			bpf_probe_read_kernel(ss->src, 16, &sk->__sk_common.skc_v6_rcv_saddr);
			bpf_probe_read_kernel(ss->dst, 16, &sk->__sk_common.skc_v6_daddr);
		}
	} else if (ss->family == AF_UNIX) {
		struct unix_sock *u = (void *)sk;
		struct sock *peer = BPF_CORE_READ(u, peer);
		struct unix_address *addr = BPF_CORE_READ(u, addr);
		if (peer)
			ss->peer_ino = (__u32)BPF_CORE_READ(peer, sk_ino);
		if (addr) {
			__u32 len = (__u32)BPF_CORE_READ(addr, len);
			len = len > 2 ? len - 2 : 0; /* past sun_family */
			if (len > sizeof(ss->path))
				len = sizeof(ss->path);
			barrier_var(len);
			len &= 127;
			if (len > 0 && len <= sizeof(ss->path)) {
				ss->path_len = (__u16)len;
				bpf_probe_read_kernel(ss->path, len, &addr->name[0].sun_path);
			}
		}
	} else if (ss->family == AF_NETLINK) {
		ss->portid = BPF_CORE_READ((struct netlink_sock *)sk, portid);
	}
}

/* The walk's capture as `key` (an fd, or an address for SCF_FILE): f's mode and device for
 * -yy (struct fdp_file in trace/bpf.c) in the first slot, then the components from the leaf
 * up, each in its own slot. */
static __always_inline int cap_walk(struct task_st *st, __u64 key, struct walk *w, struct file *f,
				    __u8 flags)
{
	if (f) {
		*(__u32 *)&w->pb->b[4] = BPF_CORE_READ(f, f_inode, i_mode);
		*(__u32 *)&w->pb->b[8] = BPF_CORE_READ(f, f_inode, i_rdev);
	}
	struct dentry *leaf = w->d;
	bool deleted =
	    f && !BPF_CORE_READ(leaf, d_hash.pprev) && BPF_CORE_READ(leaf, d_parent) != leaf;
	/* slots start at 64: byte 0 is the kind */
	w->pb = (void *)w->pb + SLOT;
	bpf_loop(DEPTH, walk_one, w, 0);
	w->pb = (void *)w->pb - SLOT;
	w->pb->b[0] = deleted ? FDP_WALK_DELETED : FDP_WALK;
	__u32 len = SLOT + (w->n & (DEPTH - 1)) * SLOT;
	return cap_kmem(st, key, w->pb, len | flags << 16);
}

__noinline int cap_fdpath(struct task_st *st, long fd, __u8 flags)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct walk w = {};
	struct file *f = NULL;
	__u32 zero = 0;
	long n;

	if (!st)
		return 0;
	w.pb = bpf_map_lookup_elem(&path_scratch, &zero);
	if (!w.pb)
		return 0;
	w.root_d = BPF_CORE_READ(task, fs, root.dentry);
	w.root_mnt = BPF_CORE_READ(task, fs, root.mnt);
	if (fd == -100) {
		w.d = BPF_CORE_READ(task, fs, pwd.dentry);
		w.mnt = BPF_CORE_READ(task, fs, pwd.mnt);
	} else {
		struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
		if (fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
			return 0;
		struct file **fds = BPF_CORE_READ(fdt, fd);
		bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
		if (!f)
			return 0;
		struct dentry *fd_d = BPF_CORE_READ(f, f_path.dentry);
		w.d = fd_d;
		w.mnt = BPF_CORE_READ(f, f_path.mnt);
		unsigned long magic = BPF_CORE_READ(f, f_inode, i_sb, s_magic);
		__u64 ino = BPF_CORE_READ(f, f_inode, i_ino);
		const unsigned char *name = BPF_CORE_READ(fd_d, d_name.name);
		__u64 data[2] = {ino, (__u64)name};
		/* names the kernel makes up for these (d_dname) */
		if (magic == SOCKFS_MAGIC) {
			n = bpf_snprintf(w.pb->b + 1, SCRY_SOCK_OFF - 1, "socket:[%lu]", data, 8);
			struct scry_sock *ss = (void *)&w.pb->b[SCRY_SOCK_OFF];
			__builtin_memset(ss, 0, sizeof(*ss));
			sock_state(f, ss);
			w.pb->b[0] = FDP_SOCK;
			return cap_kmem(st, fd, w.pb,
					(SCRY_SOCK_OFF + sizeof(*ss)) | (flags | SCF_FDPATH) << 16);
		} else if (magic == PIPEFS_MAGIC)
			n = bpf_snprintf(w.pb->b + 1, SCRY_FDPATH_MAX, "pipe:[%lu]", data, 8);
		else if (magic == ANON_INODE_FS_MAGIC)
			n = bpf_snprintf(w.pb->b + 1, SCRY_FDPATH_MAX, "anon_inode:%s", &data[1],
					 8);
		else
			n = 0;
		if (n > 0) {
			w.pb->b[0] = FDP_NAME;
			return cap_kmem(st, fd, w.pb, (__u32)n | (flags | SCF_FDPATH) << 16);
		}
	}
	return cap_walk(st, fd, &w, f, flags | SCF_FDPATH);
}

/* ---- where a faulted capture's bytes are: the file behind its mapping ---- */

struct vma_loc {
	__u64 addr;
	__u64 file; /* struct file *, 0 for anonymous memory */
	__u64 offset;
	__u64 left;
};

static long vma_loc_one(struct task_struct *task, struct vm_area_struct *vma, struct vma_loc *l)
{
	l->file = (__u64)vma->vm_file;
	l->offset = (vma->vm_pgoff << 12) + (l->addr - vma->vm_start);
	l->left = vma->vm_end - l->addr;
	return 0;
}

/* A walk from f's dentry up to task's root. */
static __always_inline void walk_file(struct walk *w, struct task_struct *task, struct file *f)
{
	w->root_d = BPF_CORE_READ(task, fs, root.dentry);
	w->root_mnt = BPF_CORE_READ(task, fs, root.mnt);
	w->d = BPF_CORE_READ(f, f_path.dentry);
	w->mnt = BPF_CORE_READ(f, f_path.mnt);
	w->n = 0;
}

/* After a capture at addr faulted (a page never touched: the kernel cannot fault it in from
 * here): if a file backs it, an SCF_FILE capture says which file and where, and user space
 * reads the bytes there (a global function: verified once). */
__noinline int cap_fileloc(struct task_st *st, __u64 addr, __u8 flags)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct vma_loc l = {.addr = addr};
	struct walk w = {};
	__u32 zero = 0;

	if (!st)
		return 0;
	if (bpf_find_vma(task, addr, vma_loc_one, &l, 0) < 0 || !l.file)
		return 0;
	w.pb = bpf_map_lookup_elem(&path_scratch, &zero);
	if (!w.pb)
		return 0;
	struct file *f = (struct file *)l.file;
	walk_file(&w, task, f);
	struct scry_fileloc *fl = (void *)&w.pb->b[SCRY_FILELOC_OFF];
	fl->offset = l.offset;
	fl->left = l.left;
	return cap_walk(st, addr, &w, f, flags | SCF_FILE);
}

static __always_inline int cap_ptr_at(struct task_st *st, const volatile struct scry_capop *op,
				      __u64 addr, __u8 flags)
{
	__u64 p = 0;

	if (bpf_probe_read_user(&p, sizeof(p), (void *)(addr + op->elem)) < 0 || !p)
		return 0;
	__u64 to_page = 4096 - (p & 4095);
	return cap_mem(st, p, to_page < op->max ? to_page : op->max, op->max, flags);
}

/* The user registers the unwinder starts from, from the task's saved user context. */
__noinline int cap_regs(struct task_st *st, __u8 flags)
{
	struct pt_regs *r = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	struct scry_regs v;
	__u32 room;
	long off;

	if (!st)
		return 0;
	v.ip = BPF_CORE_READ(r, ip);
	v.sp = BPF_CORE_READ(r, sp);
	v.bp = BPF_CORE_READ(r, bp);
	v.bx = BPF_CORE_READ(r, bx);
	v.r12 = BPF_CORE_READ(r, r12);
	v.r13 = BPF_CORE_READ(r, r13);
	v.r14 = BPF_CORE_READ(r, r14);
	v.r15 = BPF_CORE_READ(r, r15);
	off = cap_begin(st, 0, sizeof(v), sizeof(v), flags | SCF_REGS, &room);
	if (off < 0)
		return 0;
	if (room < sizeof(v)) {
		cap_end(st, off, 0, true);
		return 0;
	}
	bpf_probe_read_kernel(cap_data(st, off), sizeof(v), &v);
	cap_end(st, off, sizeof(v), false);
	return 0;
}

/* Runs capture op i of plan p if it belongs to this phase. Returns -1 on a fault. */
static __always_inline int capture_op(struct task_st *st, const volatile struct scry_plan *p, int i,
				      bool at_exit, __s64 ret)
{
	const volatile struct scry_capop *op = &p->ops[i & 15];
	__u8 kind = op->kind;
	__u8 flags = at_exit ? SCF_EXIT : 0;
	__u64 addr, len;

	if (i >= p->nops || kind == CK_NONE || (bool)op->at_exit != at_exit)
		return 0;
	if (at_exit && ret < 0)
		return 0;		  /* outputs of a failed call print as addresses */
	addr = st->rec.args[op->arg & 7]; /* user space keeps arg < 6 */
	len = st->rec.args[op->lenarg & 7];
	if (kind == CK_FDPATH || kind == CK_FDPOLL || kind == CK_FDSET)
		return 0; /* fdpath_one */
	if (kind == CK_REGS)
		return cap_regs(st, flags);
	if (kind == CK_STACK) {
		/* up to max bytes above the stack pointer, else as far as its page goes (the
		 * stack may end sooner: the unwinder reads what is missing from the process) */
		__u64 sp = st->rec.sp, to_page = 4096 - (sp & 4095);
		__u32 used0 = st->used, rflags0 = st->rec.flags;
		__u16 ncaps0 = st->rec.ncaps;
		if (cap_mem(st, sp, op->max, op->max, flags) == 0 || to_page >= op->max)
			return 0;
		st->used = used0; /* drop the failed try */
		st->rec.ncaps = ncaps0;
		st->rec.flags = rflags0;
		return cap_mem(st, sp, to_page, op->max, flags);
	}
	if (!addr)
		return 0;
	switch (kind) {
	case CK_PTR_AT:
		return cap_ptr_at(st, op, addr, flags);
	case CK_STR:
		return cap_str(st, addr, op->max, flags);
	case CK_BUF:
		return cap_mem(st, addr, len < op->max ? len : op->max, len, flags);
	case CK_BUF_RET:
		if (ret <= 0)
			return 0;
		return cap_mem(st, addr, (__u64)ret < op->max ? (__u64)ret : op->max, (__u64)ret,
			       flags);
	case CK_FIXED:
		return cap_mem(st, addr, op->max, op->max, flags);
	case CK_ARRAY:
		len *= op->elem;
		return cap_mem(st, addr, len < op->max ? len : op->max, len, flags);
	case CK_BLOB: {
		/* a struct or string of unknown size: this page and the next, else this one */
		__u64 to_page = 4096 - (addr & 4095);
		__u32 used0 = st->used, rflags0 = st->rec.flags;
		__u16 ncaps0 = st->rec.ncaps;
		if (cap_mem(st, addr, to_page + 4096 < op->max ? to_page + 4096 : op->max, op->max,
			    flags) == 0)
			return 0;
		st->used = used0; /* drop the failed try */
		st->rec.ncaps = ncaps0;
		st->rec.flags = rflags0;
		if (to_page >= op->max)
			return -1;
		return cap_mem(st, addr, to_page, op->max, flags);
	}
	case CK_BITS:
		len = (len + 63) / 64 * 8;
		return cap_mem(st, addr, len < op->max ? len : op->max, len, flags);
	case CK_IOVEC:
		return cap_iovec(st, op->max, op->elem, addr, len, flags, ret);
	case CK_MSGHDR: {
		__u32 n = op->lenarg == 0xff ? 1 : op->lenarg == 0xfe ? (__u32)ret : (__u32)len;
		if (!n)
			return 0;
		if (n > 0xffff)
			n = 0xffff;
		return cap_msghdr(st, addr, n | (__u32)flags << 16 | (op->lenarg != 0xff) << 24,
				  op->max, ret);
	}

	case CK_STRV:
		return cap_strv(st, op, addr, flags);
	}
	return 0;
}

struct ops_ctx {
	struct task_st *st;
	const volatile struct scry_plan *p;
	__s64 ret;
	__u32 only;
	bool at_exit;
	bool refetch;
};

static long capture_one(__u64 i, struct ops_ctx *x)
{
	struct task_st *st = x->st;
	const volatile struct scry_plan *p = x->p;

	if (i >= SCRY_NOPS || i >= p->nops)
		return 1;
	if (!(x->only & (1u << i)))
		return 0;
	if (capture_op(st, p, (int)i, x->at_exit, x->ret) < 0) {
		if (!x->at_exit && !x->refetch)
			st->refetch |= 1u << i;
		else if (x->ret >= 0 && p->ops[i].kind != CK_BLOB)
			lose(SL_FAULT); /* a blob is a guess: the argument may be no pointer */
	}
	return 0;
}

/* The CK_FDPATH ops, in a loop of their own: verified apart from the other kinds. */
struct fds_ctx {
	struct task_st *st;
	__u64 addr; /* pollfd array; fd_sets: args[1..3] */
	__u64 set[3];
	__u32 n;
	__u32 stride; /* bytes from one fd to the next in the array */
	__u8 flags;
};

static long fdpoll_one(__u64 i, struct fds_ctx *x)
{
	int fd;

	if (i >= x->n)
		return 1;
	if (bpf_probe_read_user(&fd, sizeof(fd), (void *)(x->addr + i * x->stride)) < 0)
		return 1;
	if (fd >= 0)
		cap_fdpath(x->st, fd, x->flags);
	return 0;
}

static long fdset_one(__u64 fd, struct fds_ctx *x)
{
	__u64 word, any = 0;

	if (fd >= x->n)
		return 1;
	for (int k = 0; k < 3; k++) {
		if (!x->set[k] ||
		    bpf_probe_read_user(&word, 8, (void *)(x->set[k] + fd / 64 * 8)) < 0)
			continue;
		any |= word;
	}
	if ((any >> (fd % 64)) & 1)
		cap_fdpath(x->st, (long)fd, 0);
	return 0;
}

/* CK_FDPOLL and CK_FDSET: what the fds inside arrays referred to at the call (-y). */
static __always_inline void cap_fds_in(struct task_st *st, const volatile struct scry_capop *op,
				       bool at_exit)
{
	struct fds_ctx x = {.st = st, .flags = at_exit ? SCF_EXIT : 0};
	__u64 n;

	if (op->kind == CK_FDPOLL) {
		x.addr = st->rec.args[op->arg & 7];
		x.stride = op->nmax;
		n = op->lenarg == 0xff ? op->elem : st->rec.args[op->lenarg & 7];
		x.n = n < op->elem ? (__u32)n : op->elem;
		if (x.addr)
			bpf_loop(x.n, fdpoll_one, &x, 0);
		return;
	}
	n = (__u64)(int)st->rec.args[0];
	x.n = n < op->elem ? (__u32)n : op->elem;
	x.set[0] = st->rec.args[1];
	x.set[1] = st->rec.args[2];
	x.set[2] = st->rec.args[3];
	bpf_loop(x.n, fdset_one, &x, 0);
}

static long fdpath_one(__u64 i, struct ops_ctx *x)
{
	const volatile struct scry_plan *p = x->p;

	if (i >= SCRY_NOPS || i >= p->nops)
		return 1;
	const volatile struct scry_capop *op = &p->ops[i & 15];
	if (x->refetch || (bool)op->at_exit != x->at_exit)
		return 0;
	if (x->at_exit && x->ret < 0)
		return 0;
	if (op->kind == CK_FDPOLL || op->kind == CK_FDSET) {
		cap_fds_in(x->st, op, x->at_exit);
		return 0;
	}
	if (op->kind != CK_FDPATH)
		return 0;
	long fd = op->lenarg == 0xff ? (long)x->ret : (long)(int)x->st->rec.args[op->arg & 7];
	cap_fdpath(x->st, fd, x->at_exit ? SCF_EXIT : 0);
	return 0;
}

/* Runs the plan's ops in `only` for one phase. At entry a fault is retried at exit (the
 * kernel has faulted the memory in by then if it read it); a fault counts as lost only when
 * the call succeeded: a failed call may never have touched a bad address, and strace prints
 * an address for those too. refetch: this is the retry. One callback through bpf_loop keeps
 * the verifier's work independent of the number of ops. */
static __always_inline void capture(struct task_st *st, const volatile struct scry_plan *p,
				    bool at_exit, __s64 ret, __u32 only, bool refetch)
{
	struct ops_ctx x = {
	    .st = st, .p = p, .ret = ret, .only = only, .at_exit = at_exit, .refetch = refetch};

	bpf_loop(SCRY_NOPS, capture_one, &x, 0);
	if (p->flags & SP_FDPATH)
		bpf_loop(SCRY_NOPS, fdpath_one, &x, 0);
}

/* ---- -k: the mappings stacks are unwound with ---- */

/* One SR_MAPS record for the vma at vma_addr (a global function, verified once: the loop
 * over the vmas stays small enough for the verifier to see it converge). */
__noinline int send_map(__u64 vma_addr)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct vm_area_struct *vma = (struct vm_area_struct *)vma_addr;
	struct file *f = BPF_CORE_READ(vma, vm_file);
	__u32 zero = 0;
	struct path_buf *pb = bpf_map_lookup_elem(&path_scratch, &zero);

	if (!pb || !f)
		return 0;
	struct walk w = {};
	struct scry_map *m = (void *)pb->b;
	walk_file(&w, task, f);
	w.pb = (void *)pb + SLOT;
	bpf_loop(DEPTH, walk_one, &w, 0);
	m->type = SR_MAPS;
	m->pad = 0;
	m->tid = task->pid;
	m->tgid = task->tgid;
	m->start = BPF_CORE_READ(vma, vm_start);
	m->end = BPF_CORE_READ(vma, vm_end);
	m->pgoff = BPF_CORE_READ(vma, vm_pgoff);
	m->ino = BPF_CORE_READ(f, f_inode, i_ino);
	m->dev = BPF_CORE_READ(f, f_inode, i_sb, s_dev);
	m->flags = (__u32)BPF_CORE_READ(vma, vm_flags) & 0xff;
	m->aux = 0;
	__u32 size = SLOT + (w.n & (DEPTH - 1)) * SLOT;
	m->size = size;
	out(pb, size, false);
	return 1;
}

/* The end of a snapshot (a global function). */
__noinline int send_maps_end(void)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct scry_map m = {.type = SR_MAPS, .size = sizeof(m)};

	m.tid = task->pid;
	m.tgid = task->tgid;
	out(&m, sizeof(m), false);
	return 0;
}

/* Before a record with a stack: the current address space's file mappings, unless they were
 * sent already and its executable size has not changed since (a global function: verified
 * once). */
__noinline int maps_snapshot(void)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct mm_struct *mm = task->mm;
	struct bpf_iter_task_vma it;
	struct vm_area_struct *vma;

	if (!mm)
		return 0;
	struct maps_key k = {.mm = (__u64)mm, .tgid = task->tgid};
	__u64 exec_vm = BPF_CORE_READ(mm, exec_vm);
	__u64 *sent = bpf_map_lookup_elem(&maps_sent, &k);
	if (sent && *sent == exec_vm)
		return 0;
	bool any = false; /* a flag, not a count: the verifier sees the loop converge */
	bpf_iter_task_vma_new(&it, task, 0);
	while ((vma = bpf_iter_task_vma_next(&it))) {
		__u64 addr = 0; /* as a plain number: global functions take no kernel pointers */
		bpf_probe_read_kernel(&addr, sizeof(addr), &vma);
		if (send_map(addr))
			any = true;
	}
	bpf_iter_task_vma_destroy(&it);
	if (!any)
		return 0; /* the mmap lock was taken: try again at the next record */
	send_maps_end();
	bpf_map_update_elem(&maps_sent, &k, &exec_vm, BPF_ANY);
	return 0;
}

/* ---- syscalls ---- */

static __always_inline __u64 nswitches(struct task_struct *t)
{
	return t->nvcsw + t->nivcsw;
}

static __always_inline int on_enter(__u64 a0, __u64 a1, __u64 a2, __u64 a3, __u64 a4, __u64 a5,
				    __u64 ip, __u64 sp, long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;

	if (!traced(tgid))
		return 0;
	bool first_exec = false;
	if (tgid == hide_tgid) {
		if (id != NR_execve && id != NR_execveat)
			return 0;
		hide_tgid = 0;
		first_exec = true;
	}
	const volatile struct scry_plan *p = plan_of(id);
	struct task_struct *task = bpf_get_current_task_btf();
	struct task_st *st = bpf_task_storage_get(&tasks, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!st) {
		lose(SL_NOMEM);
		return 0;
	}
	if (st->flags & TS_IGNORE)
		return 0;
	st->flags = TS_IN | (first_exec ? TS_FIRST_EXEC : 0);
	st->seq++;
	st->used = 0;
	st->npend = 0;
	st->refetch = 0;
	st->rec.type = SR_ENTER;
	st->rec.ncaps = 0;
	st->rec.tid = (__u32)pid_tgid;
	st->rec.tgid = tgid;
	st->rec.seq = st->seq;
	st->rec.flags = 0;
	st->rec.nr = id;
	st->rec.args[0] = a0;
	st->rec.args[1] = a1;
	st->rec.args[2] = a2;
	st->rec.args[3] = a3;
	st->rec.args[4] = a4;
	st->rec.args[5] = a5;
	st->rec.ip = ip;
	st->rec.sp = sp;
	st->rec.ret = 0;
	st->rec.t_exit = 0;
	if (need_cpu_time) {
		st->nsw0 = nswitches(task);
		st->rt0 = task->se.sum_exec_runtime;
	}
	st->rec.t_enter = bpf_ktime_get_ns();
	if (p->mode != SM_RECORD)
		return 0;
	if (send_maps)
		maps_snapshot();
	capture(st, p, false, 0, (1u << SCRY_NOPS) - 1, false);
	if (p->flags & SP_ENTRY) {
		__u32 size = rec_size(st);
		out(&st->rec, size, true);
		st->flags |= TS_SENT;
	}
	return 0;
}

static __always_inline void flush_pending(struct task_st *st, __u32 tid, __u32 tgid)
{
	struct scry_life l = {.type = SR_SIGNAL, .size = sizeof(l), .tid = tid, .tgid = tgid};
	__u32 n = st->npend;

	l.t = bpf_ktime_get_ns();
	for (__u32 i = 0; i < SCRY_NPEND && i < n; i++) {
		__builtin_memcpy(l.siginfo, st->pend[i & (SCRY_NPEND - 1)], sizeof(l.siginfo));
		out(&l, sizeof(l), true);
	}
	st->npend = 0;
}

/* -k: the launched command's execve: its stack at entry is scry's own code (the fork that
 * runs it); as strace shows it, the stack is the new image's, taken at the return (the
 * mappings first). Captured with SCF_EXIT; user space prefers those registers. */
static __always_inline void first_exec_stack(struct task_st *st)
{
	struct pt_regs *r = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
	__u64 sp = BPF_CORE_READ(r, sp);
	__u64 to_page = 4096 - (sp & 4095);

	maps_snapshot();
	cap_regs(st, SCF_EXIT);
	cap_mem(st, sp, to_page < SCRY_STACK_CAP ? to_page : SCRY_STACK_CAP, SCRY_STACK_CAP,
		SCF_EXIT);
}

static __always_inline int on_exit(long ret, long nr_now)
{
	/* an untraced syscall returns here, before any helper or map lookup (the number is
	 * the one the entry saw unless another tracer rewrote it) */
	if ((__u64)nr_now < SCRY_NR_MAX && plan_of(nr_now)->mode == SM_SKIP)
		return 0; /* (rt_sigreturn returns with orig_ax -1: looked up below) */
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;

	if (!traced(tgid))
		return 0;
	struct task_struct *task = bpf_get_current_task_btf();
	struct task_st *st = bpf_task_storage_get(&tasks, task, 0, 0);
	if (!st || !(st->flags & TS_IN))
		return 0; /* a child's first return, or the call in progress at attach */
	st->flags &= ~TS_IN;
	/* A thread returning into a fatal signal (exit_group or an exec by another thread, kill
	 * -9) never returns to user space: ptrace sees no exit stop and strace prints "= ?".
	 * Send nothing; the exit record finishes the call. */
	if (task->pending.signal.sig[0] & (1UL << (9 /* SIGKILL */ - 1)))
		return 0;
	__s64 nr = st->rec.nr;
	const volatile struct scry_plan *p = plan_of(nr);
	__u64 now = bpf_ktime_get_ns();
	__u64 ns = now - st->rec.t_enter;
	if (need_cpu_time && nswitches(task) != st->nsw0)
		ns = task->se.sum_exec_runtime - st->rt0;

	if (p->mode == SM_COUNT) {
		__u32 k = (__u32)nr;
		struct scry_count *c = bpf_map_lookup_elem(&counts, &k);
		if (c) {
			if (!c->calls || ns < c->min_ns)
				c->min_ns = ns;
			if (ns > c->max_ns)
				c->max_ns = ns;
			c->calls++;
			c->errors += ret < 0 && ret >= -4095;
			c->ns += ns;
		}
	} else if (p->mode == SM_RECORD) {
		st->rec.type = SR_SYSCALL;
		st->rec.tid = (__u32)pid_tgid; /* a non-leader execve took the leader's tid */
		st->rec.ret = ret;
		st->rec.t_exit = now;
		st->rec.cpu_ns = ns;
		if (st->refetch)
			capture(st, p, false, ret, st->refetch, true);
		capture(st, p, true, ret, (1u << SCRY_NOPS) - 1, false);
		if ((st->flags & TS_FIRST_EXEC) && send_maps && ret == 0)
			first_exec_stack(st);
		__u32 size = rec_size(st);
		out(&st->rec, size, false);
	}
	if (st->npend)
		flush_pending(st, (__u32)pid_tgid, tgid);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter_btf, struct pt_regs *regs, long id)
{
	/* an untraced syscall returns here, before the registers are read or any helper is
	 * called: the cost every process on the machine pays */
	if (plan_of(id)->mode == SM_SKIP)
		return 0;
	barrier();
	return on_enter(regs->di, regs->si, regs->dx, regs->r10, regs->r8, regs->r9, regs->ip,
			regs->sp, id);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit_btf, struct pt_regs *regs, long ret)
{
	return on_exit(ret, (long)regs->orig_ax);
}

/* Kernels without BTF for tracepoints: the same through raw_tp. */
SEC("raw_tp/sys_enter")
int BPF_PROG(sys_enter_raw, struct pt_regs *regs, long id)
{
	if (plan_of(id)->mode == SM_SKIP)
		return 0;
	barrier();
	return on_enter(BPF_CORE_READ(regs, di), BPF_CORE_READ(regs, si), BPF_CORE_READ(regs, dx),
			BPF_CORE_READ(regs, r10), BPF_CORE_READ(regs, r8), BPF_CORE_READ(regs, r9),
			BPF_CORE_READ(regs, ip), BPF_CORE_READ(regs, sp), id);
}

SEC("raw_tp/sys_exit")
int BPF_PROG(sys_exit_raw, struct pt_regs *regs, long ret)
{
	return on_exit(ret, (long)BPF_CORE_READ(regs, orig_ax));
}

/* ---- processes ---- */

static __always_inline void set_traced(__u32 tgid, bool on)
{
	__u32 i = (tgid / 64) & (SCRY_PID_MAX / 64 - 1);
	__u64 bit = 1ull << (tgid % 64);

	if (on)
		__sync_fetch_and_or(&tgid_bits[i], bit);
	else
		__sync_fetch_and_and(&tgid_bits[i], ~bit);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = parent->tgid;

	if (!traced(ptgid))
		return 0;
	struct task_st *pst = bpf_task_storage_get(&tasks, parent, 0, 0);
	if (pst && (pst->flags & TS_IGNORE))
		return 0;
	bool thread = child->tgid == ptgid;
	if (!follow && !(thread && follow_threads)) {
		if (thread) {
			struct task_st *st =
			    bpf_task_storage_get(&tasks, child, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
			if (st)
				st->flags = TS_IGNORE;
			else
				lose(SL_NOMEM);
		}
		return 0;
	}
	if (!thread)
		set_traced(child->tgid, true);
	struct scry_life l = {.type = SR_FORK, .size = sizeof(l)};
	l.tid = child->pid;
	l.tgid = child->tgid;
	l.ptid = parent->pid;
	l.aux = thread;
	l.t = bpf_ktime_get_ns();
	out(&l, sizeof(l), true);
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	__u32 tgid = p->tgid;

	if (!traced(tgid))
		return 0;
	if (tgid == hide_tgid)
		hide_tgid = 0;
	struct scry_life l = {.type = SR_EXEC, .size = sizeof(l)};
	l.tid = p->pid;
	l.tgid = tgid;
	l.aux = old_pid;
	l.t = bpf_ktime_get_ns();
	out(&l, sizeof(l), true);
	return 0;
}

/* 6.16 added a second argument (group_dead); only the task is used. */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(on_task_exit, struct task_struct *task)
{
	__u32 tgid = task->tgid;

	if (!traced(tgid))
		return 0;
	struct task_st *st = bpf_task_storage_get(&tasks, task, 0, 0);
	if (!st || !(st->flags & TS_IGNORE)) {
		if (st && (st->flags & (TS_IN | TS_SENT)) == TS_IN &&
		    plan_of(st->rec.nr)->mode == SM_RECORD) {
			/* dies inside a syscall: its entry line is all there will be */
			__u32 size = rec_size(st);
			st->rec.type = SR_ENTER;
			out(&st->rec, size, false);
		}
		struct scry_life l = {.type = SR_EXIT, .size = sizeof(l)};
		l.tid = task->pid;
		l.tgid = tgid;
		l.aux = task->exit_code;
		/* a leader that dies because another thread execs is superseded, not exited:
		 * the exec record that follows says so */
		if (bpf_core_field_exists(struct signal_struct, group_exec_task) &&
		    task->pid == tgid && BPF_CORE_READ(task, signal, group_exec_task) &&
		    BPF_CORE_READ(task, signal, group_exec_task) != task)
			l.ptid = 1;
		if (st && signals_wanted) {
			__s32 signo = *(__s32 *)st->fatal;
			if (signo && signo == (l.aux & 0x7f)) {
				struct scry_life sl = {.type = SR_SIGNAL, .size = sizeof(sl)};
				sl.tid = l.tid;
				sl.tgid = tgid;
				sl.t = bpf_ktime_get_ns();
				__builtin_memcpy(sl.siginfo, st->fatal, sizeof(sl.siginfo));
				out(&sl, sizeof(sl), false);
			}
		}
		l.t = bpf_ktime_get_ns();
		out(&l, sizeof(l), true);
	}
	if (BPF_CORE_READ(task, signal, live.counter) == 0)
		set_traced(tgid, false); /* the last thread: the tgid may be reused */
	if (st)
		bpf_task_storage_delete(&tasks, task);
	return 0;
}

/* ---- signals ---- */

SEC("tp_btf/signal_deliver")
int BPF_PROG(on_signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;

	if (!signals_wanted || sig == SIGKILL || !traced(tgid))
		return 0;
	struct task_st *st = bpf_task_storage_get(&tasks, bpf_get_current_task_btf(), 0, 0);
	if (st && (st->flags & TS_IGNORE))
		return 0;
	if (st && *(__s32 *)st->fatal == sig)
		*(__s32 *)st->fatal = 0; /* was blocked, and is delivered now: reported here */
	struct scry_life l = {.type = SR_SIGNAL, .size = sizeof(l)};
	l.tid = (__u32)pid_tgid;
	l.tgid = tgid;
	l.t = bpf_ktime_get_ns();
	bpf_probe_read_kernel(l.siginfo, sizeof(l.siginfo), info);
	/* STOP TSTP TTIN TTOU with the default action: a group stop follows */
	if ((sig == 19 || sig == 20 || sig == 21 || sig == 22) && ka && !ka->sa.sa_handler)
		l.aux = 1;
	out(&l, sizeof(l), true);
	return 0;
}

/* A signal whose default action kills, not caught: the kernel's shortcut in complete_signal
 * turns it into a group exit that never passes signal_deliver. */
static __always_inline bool default_fatal(struct task_struct *task, int sig)
{
	/* CHLD CONT STOP TSTP TTIN TTOU URG WINCH: ignored or stopping by default */
	const __u64 not_fatal = (1ull << 16) | (1ull << 17) | (1ull << 18) | (1ull << 19) |
				(1ull << 20) | (1ull << 21) | (1ull << 22) | (1ull << 27);
	struct sighand_struct *sh = BPF_CORE_READ(task, sighand);
	void *handler = NULL;

	if ((not_fatal >> (sig - 1)) & 1)
		return false;
	bpf_probe_read_kernel(&handler, sizeof(handler), &sh->action[(sig - 1) & 63].sa.sa_handler);
	return handler == NULL; /* SIG_DFL */
}

/* A signal the target ignores never reaches signal_deliver; a ptrace tracer still sees it
 * (the kernel queues it for traced tasks), so it is reported here, after the syscall the
 * target is in returns. */
SEC("tp_btf/signal_generate")
int BPF_PROG(on_signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	if (!signals_wanted || sig == SIGKILL || sig < 1 || sig > 64)
		return 0;
	if (result != TRACE_SIGNAL_IGNORED && !default_fatal(task, sig))
		return 0;
	__u32 tgid = task->tgid;
	if (!traced(tgid))
		return 0;
	struct task_st *st = bpf_task_storage_get(
	    &tasks, task, 0, result == TRACE_SIGNAL_IGNORED ? 0 : BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (st && (st->flags & TS_IGNORE))
		return 0;
	struct scry_life l = {.type = SR_SIGNAL, .size = sizeof(l)};
	l.tid = task->pid;
	l.tgid = tgid;
	l.t = bpf_ktime_get_ns();
	if ((unsigned long)info <= 1) {
		/* SEND_SIG_NOINFO (0): from user space; SEND_SIG_PRIV (1): from the kernel */
		__s32 *si = (__s32 *)l.siginfo;
		si[0] = sig;
		si[2] = info ? SI_KERNEL : SI_USER;
		if (!info) {
			si[4] = (__s32)(bpf_get_current_pid_tgid() >> 32);
			si[5] = (__s32)bpf_get_current_uid_gid();
		}
	} else {
		bpf_probe_read_kernel(l.siginfo, sizeof(l.siginfo), info);
	}
	if (result != TRACE_SIGNAL_IGNORED) {
		/* the kernel kills the group at once, without signal_deliver: keep the
		 * siginfo for the exit */
		if (st)
			__builtin_memcpy(st->fatal, l.siginfo, sizeof(l.siginfo));
		return 0;
	}
	if (st && (st->flags & TS_IN)) {
		__u32 n = st->npend;
		if (n < SCRY_NPEND) {
			__builtin_memcpy(st->pend[n & (SCRY_NPEND - 1)], l.siginfo,
					 sizeof(l.siginfo));
			st->npend = n + 1;
		} else {
			lose(SL_SIGNAL);
		}
		return 0;
	}
	out(&l, sizeof(l), true);
	return 0;
}

/* ---- calls that block ---- */

/* Run by user space a few times a second: the entry of every traced call that has been in
 * progress for blocked_ns goes out, so that `read(0, ` shows while it waits, as with
 * strace. The record that completes it follows with the same seq; user space pairs them. */
SEC("iter/task")
int scan_blocked(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;
	__u32 zero = 0;

	if (!task || !traced(task->tgid))
		return 0;
	struct task_st *st = bpf_task_storage_get(&tasks, task, 0, 0);
	if (!st || (st->flags & (TS_IN | TS_SENT | TS_IGNORE)) != TS_IN)
		return 0;
	if (bpf_ktime_get_ns() - st->rec.t_enter < blocked_ns)
		return 0;
	if (plan_of(st->rec.nr)->mode != SM_RECORD)
		return 0;
	struct scan_buf *b = bpf_map_lookup_elem(&scan_scratch, &zero);
	if (!b)
		return 0;
	st->flags |= TS_SENT;
	__u32 used = st->used;
	if (used > SCRY_REC_DATA)
		used = SCRY_REC_DATA;
	barrier_var(used);
	used &= 2 * SCRY_REC_DATA - 1;
	if (used > SCRY_REC_DATA)
		used = SCRY_REC_DATA;
	barrier_var(used);
	if (bpf_probe_read_kernel(b, sizeof(b->rec) + used, &st->rec) < 0)
		return 0;
	b->rec.type = SR_ENTER;
	b->rec.size = sizeof(b->rec) + used;
	out(b, sizeof(b->rec) + used, true);
	return 0;
}
