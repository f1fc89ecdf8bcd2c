/* What the kernel side of the bpf backend (trace.bpf.c) and its user side (trace/bpf.c)
 * share: the capture plan user space writes before load, and the records that come back
 * through the ring buffer. Plain fixed-width types only: this is included by both sides. */
#pragma once

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define SCRY_NR_MAX	  1024	      /* syscall numbers with a plan and a counter */
#define SCRY_PID_MAX	  (1u << 22)  /* kernel's PID_MAX_LIMIT on 64-bit */
#define SCRY_REC_DATA	  16384	      /* capture bytes one record may carry (power of 2) */
#define SCRY_CAP_MAX	  8192	      /* a single capture is shorter than this (power of 2) */
#define SCRY_PATH_CAP	  4098	      /* a path: PATH_MAX + 1 bytes and the NUL */
#define SCRY_STRV_MAX	  1024	      /* pointers of an argv/envp array looked at */
#define SCRY_IOV_MAX	  64	      /* iovec elements captured */
#define SCRY_FDPATH_MAX	  2048	      /* bytes of an fd's path capture */
#define SCRY_NPEND	  4	      /* ignored signals held until the syscall returns */
#define SCRY_WAKEUP_BYTES (256 << 10) /* wake user space only when this much is pending */
#define SCRY_STACK_CAP	  4096	      /* bytes of the user stack copied for -k */

/* What to do with a syscall (plan.mode). */
enum scry_mode {
	SM_SKIP = 0,   /* not traced: return at once */
	SM_COUNT = 1,  /* -c: counted in the kernel, no record */
	SM_RECORD = 2, /* a record to user space */
};

/* plan.flags */
enum {
	SP_ENTRY = 1 << 0,  /* send the entry at once: blocks, never returns, or changes the task */
	SP_FDPATH = 1 << 1, /* has CK_FDPATH ops */
};

/* How one piece of memory is captured (capop.kind). */
enum scry_cap_kind {
	CK_NONE = 0,
	CK_STR,	    /* NUL-terminated string at args[arg], at most max bytes with the NUL */
	CK_BUF,	    /* args[lenarg] bytes at args[arg], at most max */
	CK_BUF_RET, /* ret bytes at args[arg] (exit, ret > 0), at most max */
	CK_FIXED,   /* max bytes at args[arg] */
	CK_ARRAY,   /* args[lenarg] * elem bytes at args[arg], at most max */
	CK_IOVEC,   /* iovec array args[arg] of args[lenarg] elements, each buffer up to max
		     * bytes: by iov_len at entry, spread over ret at exit */
	CK_BLOB,    /* what a decoder may read at args[arg]: up to max bytes, as far as the
		     * memory is readable (this page and the next) */
	CK_FDPATH,  /* the path of the file that fd args[arg] (lenarg 0xff: the return value)
		     * refers to; the capture's addr is the fd (-y, -P) */
	CK_PTR_AT,  /* the pointer at args[arg] + elem, then as CK_BLOB there */
	CK_BITS,    /* a bit set of args[lenarg] bits at args[arg], in longs, at most max */
	CK_STRV,    /* NULL-terminated pointer array at args[arg] (up to SCRY_STRV_MAX), and
		     * the strings of its first elem elements, up to max bytes each */
	CK_MSGHDR,  /* struct msghdr at args[arg] (lenarg 0xff), or args[lenarg] struct mmsghdr
		     * there (lenarg 0xfe: as many as the return value): each header, its name,
		     * control data, iovec array and buffers (max bytes each; at exit spread over
		     * the bytes received: ret, or msg_len of each mmsghdr) */
	CK_STACK,   /* max bytes of the user stack at the stack pointer */
	CK_FDPOLL,  /* as CK_FDPATH for the fds (ints nmax bytes apart) of the array at
		     * args[arg]: args[lenarg] elements (lenarg 0xff: elem), the first elem */
	CK_FDSET,   /* as CK_FDPATH for the fds in the fd_sets at args[1..3] below args[0] (up
		     * to elem) */
	CK_REGS,    /* the user registers an unwinder starts from (struct scry_regs) */
};

#define SCRY_MSG_MAX	 8    /* mmsghdr elements whose contents are captured */
#define SCRY_NAME_MAX	 128  /* bytes of a msg_name */
#define SCRY_CONTROL_MAX 1024 /* bytes of msg_control */

/* What a socket was at the time of the call (-yy, and the protocol netlink decoders ask for):
 * in an fd capture of kind FDP_SOCK, after the made-up name, at offset SCRY_SOCK_OFF. */
#define SCRY_SOCK_OFF 64
struct scry_sock {
	char proto[32]; /* the kernel's protocol name: "TCP", "UNIX-STREAM", "NETLINK" */
	__u16 family;
	__u16 protocol;
	__u16 sport; /* host order */
	__u16 dport;
	__u8 state;
	__u8 pad;
	__u16 path_len; /* AF_UNIX: bytes of path (abstract ones start with a NUL) */
	__u32 peer_ino; /* AF_UNIX */
	__u32 portid;	/* AF_NETLINK */
	__u8 src[16];
	__u8 dst[16];
	char path[108];
};

/* Data of a CK_REGS capture (its addr is 0): what unwind_captured() starts from. */
struct scry_regs {
	__u64 ip, sp, bp, bx, r12, r13, r14, r15;
};

struct scry_capop {
	__u8 kind;
	__u8 arg;     /* the argument holding the address */
	__u8 lenarg;  /* the argument holding a length or count */
	__u8 at_exit; /* 0: at entry (inputs), 1: at exit (outputs, not on error) */
	__u16 elem;   /* CK_ARRAY: element size; CK_STRV and CK_IOVEC: elements whose
		       * strings or buffers are captured */
	__u16 nmax;   /* CK_STRV: pointers captured (the NULL included) */
	__u32 max;    /* byte limit (-s for strings and buffers) */
};

#define SCRY_NOPS 12
struct scry_plan {
	__u8 mode;
	__u8 flags;
	__u8 nops;
	__u8 pad[5];
	struct scry_capop ops[SCRY_NOPS];
};

/* Record types. */
enum scry_rec_type {
	SR_SYSCALL = 1, /* a whole syscall: entry, exit, every capture */
	SR_ENTER,	/* the entry half: sent early; the SR_SYSCALL with the same seq follows */
	SR_FORK,	/* a traced task created tid (ptid: creator, aux: 1 if a thread) */
	SR_EXEC,	/* tid execed; aux: the tid it had before (non-leader exec) */
	SR_EXIT,	/* tid is gone; aux: its wait status; ptid 1: a leader superseded by
			 * another thread's exec (no exit line; SR_EXEC follows) */
	SR_SIGNAL,	/* a signal reached tid; siginfo; aux 1: it stops the task */
	SR_MAPS,	/* -k: a file mapping of tgid (struct scry_map), see below */
};

/* rec.flags */
enum {
	SRF_FAULT = 1 << 0, /* some memory could not be read (not resident, or bad address) */
	SRF_FULL = 1 << 1,  /* some capture did not fit in the record */
};

/* A syscall record; SR_SYSCALL and SR_ENTER. Followed by ncaps captures, each a
 * struct scry_cap and its data padded to 8 bytes. */
struct scry_rec {
	__u16 type;
	__u16 ncaps;
	__u32 size; /* bytes, this header included */
	__u32 tid;
	__u32 tgid;
	__u32 seq; /* per task: which syscall of that task */
	__u32 flags;
	__s64 nr;
	__u64 args[6];
	__s64 ret;
	__u64 ip;
	__u64 sp;      /* user stack pointer at entry */
	__u64 t_enter; /* CLOCK_MONOTONIC ns */
	__u64 t_exit;
	__u64 cpu_ns; /* system time the call took (-c) */
};

/* scry_cap.flags */
enum {
	SCF_EXIT = 1 << 0,   /* captured at exit (the syscall's outputs) */
	SCF_FAULT = 1 << 1,  /* nothing could be read */
	SCF_FDPATH = 1 << 2, /* what an fd refers to; addr is the fd */
	SCF_REGS = 1 << 3,   /* struct scry_regs (CK_REGS) */
	/* where the bytes of a faulted capture at addr live: a file mapping's file (its path
	 * as an fd capture's walk), with struct scry_fileloc at SCRY_FILELOC_OFF */
	SCF_FILE = 1 << 4,
};

/* In an SCF_FILE capture: the file offset of addr and the bytes from addr to the end of its
 * mapping. A page of a file mapping that is not resident was never written (a written private
 * page is a resident anonymous copy), so the file holds what the kernel would have read. */
#define SCRY_FILELOC_OFF 16
struct scry_fileloc {
	__u64 offset;
	__u64 left;
};

struct scry_cap {
	__u64 addr;
	__u32 len;	/* bytes that follow (a string's NUL included when it was found) */
	__u32 orig_len; /* bytes the tracee had, when known */
	__u8 flags;
	__u8 pad[7];
};

/* Lifecycle records: SR_FORK, SR_EXEC, SR_EXIT, SR_SIGNAL. */
struct scry_life {
	__u16 type;
	__u16 pad;
	__u32 size;
	__u32 tid;
	__u32 tgid;
	__u32 ptid;
	__s32 aux;
	__u64 t;
	__u8 siginfo[48]; /* struct kernel_siginfo */
};

/* SR_MAPS: one file mapping of tgid's address space as /proc/PID/maps lists it, so that user
 * space can unwind a stack after the process is gone. Sent before the first record with a
 * stack of an address space, and again when its executable mappings change (exec, dlopen): a
 * snapshot of every file mapping, then one with start == end == 0 that ends it. The path follows
 * from byte 64 as an fd capture's walk (slots of 64 bytes). */
struct scry_map {
	__u16 type;
	__u16 pad;
	__u32 size;
	__u32 tid;
	__u32 tgid;
	__u64 start;
	__u64 end;
	__u64 pgoff; /* in pages */
	__u64 ino;
	__u32 dev;   /* the kernel's encoding: major << 20 | minor */
	__u32 flags; /* vm_flags' low bits: VM_READ 1, VM_WRITE 2, VM_EXEC 4, VM_MAYSHARE 0x80 */
	__s32 aux;
};

/* In-kernel -c counters, per CPU and syscall. */
struct scry_count {
	__u64 calls;
	__u64 errors;
	__u64 ns;
	__u64 min_ns;
	__u64 max_ns;
};

/* Events that could not be delivered or captured: counted, never silent. */
enum {
	SL_RING = 0,   /* ring buffer full: a record was dropped */
	SL_NOMEM = 1,  /* no task storage for a thread: its syscalls were not seen */
	SL_FAULT = 2,  /* memory the kernel could not read without faulting */
	SL_TOOBIG = 3, /* captures cut because the record was full */
	SL_SIGNAL = 4, /* ignored signals beyond SCRY_NPEND while in a syscall */
	SL_N = 5,
};
