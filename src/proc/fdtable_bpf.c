/* The BPF task_file iterator as a source of what a process holds: one read per ~16 KiB of
 * records instead of a readlink, an lstat and a stat per fd. */
#include "proc/fdtable_bpf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "version.h"

bool fdt_record_next(const char *buf, size_t len, size_t *off, struct fdt_record *h,
		     const char **path)
{
	size_t at = *off;

	if (at > len || len - at < FDT_HEADER_LEN)
		return false;
	memcpy(h, buf + at, FDT_HEADER_LEN);
	if (h->len < FDT_HEADER_LEN || h->len > len - at || h->path_len > FDT_PATH_MAX ||
	    h->path_len != h->len - FDT_HEADER_LEN)
		return false;
	/* d_path's length counts its NUL */
	if (h->path_len && buf[at + h->len - 1] != '\0')
		return false;
	*path = h->path_len ? buf + at + FDT_HEADER_LEN : NULL;
	*off = at + h->len;
	return true;
}

size_t fdt_keep_first_task(char *buf, size_t len)
{
	size_t in = 0, out = 0, at = 0;
	struct fdt_record h;
	const char *path;
	int tid = 0;

	while (fdt_record_next(buf, len, &in, &h, &path)) {
		if (!tid)
			tid = h.tid;
		if (h.tid == tid) {
			if (out != at)
				memmove(buf + out, buf + at, h.len);
			out += h.len;
		}
		at = in;
	}
	return out;
}

#if HAVE_BPF
#include <bpf/bpf.h>

#include "fdtable.lskel.h"

static struct fdtable_bpf *skel;
static int load_error; /* once failed, never tried again in this run */

static int load(void)
{
	if (skel || load_error)
		return load_error;
	/* root only: the iterator shows every process's files, /proc checks who asks */
	if (geteuid() != 0 || getenv("SCRY_NO_BPF_FDS"))
		return load_error = -EOPNOTSUPP;
	skel = fdtable_bpf__open_and_load();
	if (!skel)
		load_error = -EOPNOTSUPP;
	return load_error;
}

int fdtable_bpf_read(pid_t pid, char **bufp, size_t *lenp)
{
	union bpf_iter_link_info linfo = {.task.pid = (__u32)pid};
	LIBBPF_OPTS(bpf_link_create_opts, opts, .iter_info = &linfo,
		    .iter_info_len = sizeof(linfo));
	size_t len = 0, cap = 1 << 20;
	char *buf;
	int r, fd, link;

	r = load();
	if (r < 0)
		return r;
	link = bpf_link_create(skel->progs.fdtable.prog_fd, 0, BPF_TRACE_ITER, &opts);
	if (link < 0)
		return errno == ESRCH ? -ESRCH : -EOPNOTSUPP;
	fd = bpf_iter_create(link);
	if (fd < 0) {
		r = -errno;
		close(link);
		return r;
	}
	buf = malloc(cap);
	r = buf ? 0 : -ENOMEM;
	while (r == 0) {
		ssize_t n;

		if (cap - len < 64 << 10) {
			char *nb = realloc(buf, cap * 2);

			if (!nb) {
				r = -ENOMEM;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			r = -errno;
		else if (n == 0)
			break;
		else
			len += (size_t)n;
	}
	close(fd);
	close(link);
	if (r < 0) {
		free(buf);
		return r;
	}
	*bufp = buf;
	*lenp = fdt_keep_first_task(buf, len);
	return 0;
}
#else
int fdtable_bpf_read(pid_t pid, char **buf, size_t *len)
{
	return -EOPNOTSUPP;
}
#endif
