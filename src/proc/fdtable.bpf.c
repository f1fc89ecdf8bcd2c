// SPDX-License-Identifier: GPL-2.0
/* The open files of one process (the iterator's task filter), one fdt_record each: the
 * d_path text (what readlink of /proc/PID/fd/N returns), the inode's stat fields, the open
 * mode and offset, and an eventfd's id. Reading the iterator replaces three /proc system
 * calls per fd by one read per 32 KiB of records. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "fdtable.h"

char LICENSE[] SEC("license") = "GPL";

/* a record is too big for the 512-byte stack */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct fdt_record);
} scratch SEC(".maps");

static const char eventfd_link[] = "anon_inode:[eventfd]";

static __always_inline bool is_eventfd(const struct fdt_record *r)
{
	if (r->path_len != sizeof(eventfd_link))
		return false;
	for (int i = 0; i < (int)sizeof(eventfd_link); i++)
		if (r->path[i] != eventfd_link[i])
			return false;
	return true;
}

SEC("iter/task_file")
int fdtable(struct bpf_iter__task_file *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	struct file *file = ctx->file;
	struct fdt_record *r;
	struct inode *inode;
	__u32 zero = 0, len;
	long n;

	if (!task || !file)
		return 0;
	r = bpf_map_lookup_elem(&scratch, &zero);
	if (!r)
		return 0;
	r->tgid = task->tgid;
	r->tid = task->pid;
	r->fd = (__s32)ctx->fd;
	r->f_mode = file->f_mode;
	r->f_flags = file->f_flags;
	r->pos = file->f_pos;
	/* the inode the path names, as a stat of the magic link sees it */
	inode = BPF_CORE_READ(file, f_path.dentry, d_inode);
	r->ino = BPF_CORE_READ(inode, i_ino);
	r->size = BPF_CORE_READ(inode, i_size);
	r->dev = BPF_CORE_READ(inode, i_sb, s_dev);
	r->rdev = BPF_CORE_READ(inode, i_rdev);
	r->i_mode = BPF_CORE_READ(inode, i_mode);
	r->nlink = BPF_CORE_READ(inode, __i_nlink);
	n = bpf_d_path((struct path *)&file->f_path, r->path, sizeof(r->path));
	len = n > 0 && n <= FDT_PATH_MAX ? (__u32)n : 0;
	r->path_len = len;
	r->eventfd_id = -1;
	if (is_eventfd(r)) {
		struct eventfd_ctx *ev = file->private_data;

		r->eventfd_id = BPF_CORE_READ(ev, id);
	}
	/* bounded for the verifier: it cannot follow len through the map value */
	len = (FDT_HEADER_LEN + len) & (2 * FDT_PATH_MAX - 1);
	if (len > sizeof(*r))
		len = sizeof(*r);
	r->len = len;
	bpf_seq_write(seq, r, len);
	return 0;
}
