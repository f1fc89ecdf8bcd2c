/* Reading a stopped tracee's memory for the decoders (ptrace backend). */
#include <errno.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "trace/ptrace.h"

static int vm_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = {buf, len};
	struct iovec remote = {(void *)(uintptr_t)addr, len};

	if (!len)
		return 0;
	ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EFAULT;
}

static int ptrace_read(void *ctx, const struct sc_event *ev, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	return vm_read(ev->tid, addr, buf, len);
}

/* Reads page by page so that a string ending just before an unmapped page is found. */
static int ptrace_read_str(void *ctx, const struct sc_event *ev, uint64_t addr, char *buf,
			   size_t len)
{
	size_t got = 0;

	(void)ctx;
	while (got < len) {
		size_t page_left = 4096 - ((addr + got) & 4095);
		size_t chunk = len - got < page_left ? len - got : page_left;
		int r = vm_read(ev->tid, addr + got, buf + got, chunk);
		if (r < 0)
			return r;
		char *z = memchr(buf + got, '\0', chunk);
		if (z)
			return (int)(z - buf);
		got += chunk;
	}
	return (int)len;
}

const struct mem_reader ptrace_mem_reader = {
    .read = ptrace_read,
    .read_str = ptrace_read_str,
};
