/* Print helpers that read tracee memory: paths, strings, buffers, fds. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode/dctx.h"

/* the kernel's, not glibc's (which reserves two for itself) */
#define KERNEL_SIGRTMIN 32
#define KERNEL_SIGRTMAX 64

int mem_read(struct dctx *d, uint64_t addr, void *buf, size_t len)
{
	if (!addr)
		return -EFAULT;
	return d->mem->read(d->mem->ctx, d->ev, addr, buf, len);
}

#define DELETED_SUFFIX " (deleted)"

/* Whether the kernel appended " (deleted)" to the link of an unlinked file, rather than the
 * file being named so: the name with the suffix is not the file the fd refers to. When the
 * fd is no longer there to compare (the bpf backend describes fds after the fact), the
 * suffix is taken as the kernel's. */
static bool path_is_deleted(struct dctx *d, int fd, const char *path, size_t len)
{
	size_t sfx = strlen(DELETED_SUFFIX);
	struct stat by_name, by_fd;
	char link[64];

	if (len <= sfx || memcmp(path + len - sfx, DELETED_SUFFIX, sfx) != 0 || strlen(path) != len)
		return false;
	if (lstat(path, &by_name) < 0)
		return true;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", d->ev->tgid, fd);
	return stat(link, &by_fd) < 0 || by_fd.st_ino != by_name.st_ino ||
	       by_fd.st_dev != by_name.st_dev;
}

/* -y: 3</etc/passwd>; in JSON {"fd":3,"path":"/etc/passwd"} */
void print_fd(struct dctx *d, int fd)
{
	struct strbuf sb = {0};
	int kind = FD_UNKNOWN;

	if (d->o->decode_fds && fd >= 0 && d->fd_describe)
		kind = d->fd_describe(d->fd_ctx, d->ev->tgid, fd, d->o->decode_fds, &sb);
	if (kind == FD_UNKNOWN) {
		pr_int(d->p, fd);
	} else if (d->p->json) {
		pr_struct_begin(d->p);
		pr_field(d->p, "fd");
		pr_int(d->p, fd);
		pr_field(d->p, kind == FD_DESC_PATH ? "path" : "desc");
		pr_value_begin(d->p);
		sb_json_string(&d->p->out, sb.buf, sb.len);
		pr_struct_end(d->p);
	} else if (kind == FD_DESC_PATH) {
		/* a path: escaped as strace escapes strings (-x too), and '<' '>' as well; an
		 * unlinked file as 3</tmp/f>(deleted), as strace 6.1 prints it */
		struct strbuf q = {0};
		bool deleted = path_is_deleted(d, fd, sb.buf, sb.len);
		size_t len = deleted ? sb.len - strlen(DELETED_SUFFIX) : sb.len;
		sb_escaped(&q, sb.buf, len, d->o->xflag, false, "<>");
		pr_raw(d->p, "%d<%s>%s", fd, q.buf ? q.buf : "", deleted ? "(deleted)" : "");
		sb_free(&q);
	} else {
		pr_raw(d->p, "%d<%s>", fd, sb.buf);
	}
	sb_free(&sb);
}

void print_dirfd(struct dctx *d, int fd)
{
	char link[64], cwd[4096];

	if (fd != AT_FDCWD) {
		print_fd(d, fd);
		return;
	}
	/* -y: AT_FDCWD</current/dir>; the bpf backend knows it as of the call */
	struct strbuf sb = {0};
	ssize_t n = -1;
	if (d->o->decode_fds && !d->p->json && d->fd_describe &&
	    d->fd_describe(d->fd_ctx, d->ev->tgid, AT_FDCWD, 1, &sb) == FD_DESC_PATH &&
	    sb.len < sizeof(cwd)) {
		memcpy(cwd, sb.buf, sb.len);
		n = (ssize_t)sb.len;
	}
	sb_free(&sb);
	snprintf(link, sizeof(link), "/proc/%d/cwd", d->ev->tgid);
	if (n < 0 && d->o->decode_fds && !d->p->json)
		n = readlink(link, cwd, sizeof(cwd) - 1);
	/* -X raw: -100; -X verbose: -100 /\* AT_FDCWD *\/ */
	const char *name = d->o->xlat_style == XS_RAW	    ? "-100"
			   : d->o->xlat_style == XS_VERBOSE ? "-100 /* AT_FDCWD */"
							    : "AT_FDCWD";
	if (n > 0) {
		cwd[n] = '\0';
		pr_raw(d->p, "%s<%s>", name, cwd);
	} else {
		pr_raw(d->p, "%s", name);
	}
}

/* Reads a NUL-terminated string of at most max bytes. Returns its length, max+1 if no NUL
 * was found within max bytes, or -errno. */
static int read_cstr(struct dctx *d, uint64_t addr, char *buf, size_t max)
{
	int n = d->mem->read_str(d->mem->ctx, d->ev, addr, buf, max + 1);
	if (n < 0)
		return n;
	if ((size_t)n > max)
		return (int)max + 1;
	return n;
}

void print_path(struct dctx *d, uint64_t addr)
{
	char buf[PATH_MAX + 1];

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	int n = read_cstr(d, addr, buf, PATH_MAX);
	if (n < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_quoted(d->p, buf, (size_t)n > PATH_MAX ? PATH_MAX : (size_t)n, (size_t)n > PATH_MAX,
		  false);
}

void print_str(struct dctx *d, uint64_t addr)
{
	unsigned max = d->o->strsize;
	char *buf;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	buf = malloc(max + 2);
	int n = read_cstr(d, addr, buf, max);
	if (n < 0)
		pr_hex(d->p, addr);
	else
		pr_quoted(d->p, buf, (size_t)n > max ? max : (size_t)n, (size_t)n > max, false);
	free(buf);
}

void print_buf(struct dctx *d, uint64_t addr, uint64_t len)
{
	uint64_t show = len < d->o->strsize ? len : d->o->strsize;
	char *buf;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	buf = malloc(show + 1);
	if (mem_read(d, addr, buf, show) < 0)
		pr_hex(d->p, addr);
	else
		pr_quoted(d->p, buf, show, len > show, false);
	free(buf);
}

void print_mode(struct dctx *d, uint64_t mode)
{
	static const struct {
		unsigned bits;
		const char *name;
	} types[] = {
	    {S_IFREG, "S_IFREG"}, {S_IFSOCK, "S_IFSOCK"}, {S_IFIFO, "S_IFIFO"},
	    {S_IFLNK, "S_IFLNK"}, {S_IFDIR, "S_IFDIR"},	  {S_IFBLK, "S_IFBLK"},
	    {S_IFCHR, "S_IFCHR"},
	};
	unsigned fmt = mode & S_IFMT;
	const char *tname = NULL;
	struct strbuf sb = {0};

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].bits == fmt)
			tname = types[i].name;
	if (d->o->xlat_style == XS_RAW)
		sb_printf(&sb, "%#03" PRIo64, mode);
	else {
		if (tname)
			sb_printf(&sb, "%s|", tname);
		else if (fmt)
			sb_printf(&sb, "%#o|", fmt);
		sb_printf(&sb, "%#03" PRIo64, mode & ~(uint64_t)S_IFMT);
	}
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

void print_signo(struct dctx *d, int sig)
{
	char buf[16];
	const char *name = signal_name(sig);

	if (!name && sig > KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX) {
		snprintf(buf, sizeof(buf), "SIGRT_%d", sig - KERNEL_SIGRTMIN);
		name = buf;
	} else if (!name && sig == KERNEL_SIGRTMIN) {
		name = "SIGRTMIN";
	}
	/* -X raw: 10; -X verbose: 10 / * SIGUSR1 * /, as strace's printsignal */
	if (!name || (d->o->xlat_style == XS_RAW && !d->p->json))
		pr_int(d->p, sig);
	else if (d->o->xlat_style == XS_VERBOSE && !d->p->json)
		pr_raw(d->p, "%d /* %s */", sig, name);
	else
		pr_raw(d->p, "%s", name);
}

void print_int_ref(struct dctx *d, uint64_t addr)
{
	int v;

	if (!addr)
		pr_raw(d->p, "NULL");
	else if (mem_read_obj(d, addr, v) < 0)
		pr_hex(d->p, addr);
	else {
		pr_array_begin(d->p);
		pr_int(d->p, v);
		pr_array_end(d->p);
	}
}
