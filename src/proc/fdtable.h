/* One record per open file of a process, written by the BPF task_file iterator
 * (fdtable.bpf.c) and read by fdtable_bpf.c: what readlink, lstat and stat of
 * /proc/PID/fd/N would say, without three system calls per fd. Shared by both sides. */
#pragma once
#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define FDT_PATH_MAX 4096

struct fdt_record {
	__u32 len; /* of this record: the header and path_len bytes of path */
	__s32 tgid, tid, fd;
	__u32 f_mode;  /* FMODE_READ 1, FMODE_WRITE 2 */
	__u32 f_flags; /* O_* as opened */
	__s64 pos;
	__u64 ino, size;
	__u32 dev, rdev; /* kernel dev_t: major << 20 | minor */
	__u32 i_mode, nlink;
	__s32 eventfd_id; /* -1 unless an eventfd */
	__u32 path_len;	  /* d_path's length with its NUL, 0 when it failed */
	char path[FDT_PATH_MAX];
};

#define FDT_HEADER_LEN __builtin_offsetof(struct fdt_record, path)
