/* The decoding context: one syscall being printed, and the helpers decoders use. A decoder
 * reads tracee memory only through mem_read()/print_*() and prints only through print_*()
 * and the pr_*() printer calls; it never knows which backend filled the event. */
#pragma once
#include <stdbool.h>
#include <inttypes.h>
#include <stdint.h>

#include "output/printer.h"
#include "syscalls/syscalls.h"
#include "trace/event.h"

/* Looks up what fd refers to, for -y/-yy ("/etc/passwd", "TCP:[1.2.3.4:5->6.7.8.9:10]").
 * Returns FD_UNKNOWN, FD_DESC_PATH (out has the raw path) or FD_DESC_TEXT (out is printed
 * as it is). */
typedef int (*fd_describe_fn)(void *ctx, pid_t tgid, int fd, int level, struct strbuf *out);
/* what an fd_describe_fn returns */
enum { FD_UNKNOWN = 0, FD_DESC_PATH = 1 /* a raw path: print_fd escapes it */, FD_DESC_TEXT = 2 };

struct dctx {
	struct sc_event *ev;
	const struct syscall_info *si;
	const struct print_opts *o;
	const struct mem_reader *mem;
	struct printer *p;
	fd_describe_fn fd_describe;
	void *fd_ctx;
	bool exiting;	   /* second call: the syscall has returned */
	unsigned next_arg; /* generic decoder: first argument not yet printed */
	uint64_t priv[4];  /* a decoder's state between entry and exit */
	int rval;	   /* RV_* for the return value, initialised from the table */
	struct strbuf aux; /* printed after the return value: " (aux)" */
};

/* The argument i of the event. */
static inline uint64_t arg(const struct dctx *d, int i)
{
	return d->ev->args[i];
}

/* The return value failed (ret is -errno). */
static inline bool syserror(const struct dctx *d)
{
	return d->ev->is_error;
}

int mem_read(struct dctx *d, uint64_t addr, void *buf, size_t len);
#define mem_read_obj(d, addr, obj) mem_read((d), (addr), &(obj), sizeof(obj))

/* Arguments and values, as strace prints them. Unreadable memory prints the address. */
void print_fd(struct dctx *d, int fd);
void print_dirfd(struct dctx *d, int fd);
void print_path(struct dctx *d, uint64_t addr);
void print_str(struct dctx *d, uint64_t addr);		     /* NUL-terminated, -s cut */
void print_buf(struct dctx *d, uint64_t addr, uint64_t len); /* len bytes, -s cut */
void print_mode(struct dctx *d, uint64_t mode);		     /* S_IFREG|0644 or 0644 */
void print_signo(struct dctx *d, int sig);
void print_int_ref(struct dctx *d, uint64_t addr); /* [42], NULL, or the address */
void print_arg_kind(struct dctx *d, int i);	   /* argument i by its table kind */
void print_errno_ret(struct dctx *d);

/* Arrays: [a, b, ...], cut after -s elements without -v; an unreadable element ends the array
 * with "... /\* addr *\/". print_elem returns false to stop. Returns whether '[' was printed. */
typedef bool (*elem_print_fn)(struct dctx *d, const void *elem, size_t size, void *opaque);
bool print_array(struct dctx *d, uint64_t addr, uint64_t nmemb, size_t elem_size,
		 elem_print_fn print_elem, void *opaque);

/* {tv_sec=1, tv_nsec=500} / {tv_sec=1, tv_usec=5}; NULL; address if unreadable */
struct timespec;
void print_timespec(struct dctx *d, uint64_t addr);
void print_timespec_val(struct dctx *d, const struct timespec *ts);
void print_timeval(struct dctx *d, uint64_t addr);

/* Signal sets: [CHLD TTOU]; len is the sigsetsize argument (8 on x86_64, else the address) */
void print_sigset(struct dctx *d, uint64_t addr, uint64_t len);
void print_sigset_val(struct dctx *d, const void *mask, size_t bytes);

/* Decoding of one syscall's arguments, entry then exit; prints "name(" and the arguments,
 * not ")" or the return value. Returns DEC_DONE when nothing is left for the exit. */
int decode_syscall(struct dctx *d);

/* The generic decoder: every argument from its kind, inputs at entry, outputs at exit. */
int dec_generic(struct dctx *d);

/* Signal names: "SIGCHLD", or NULL. */
const char *signal_name(int sig);
/* errno names: "ENOENT", or NULL; messages as strace prints them. */
const char *errno_name(int err);
const char *errno_message(int err);
