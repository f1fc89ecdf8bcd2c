/* Memory of the unwound process, for libdw's CFI interpreter: a word at a time, so reads go
 * through a few cached pages (a stack walk reads the same pages many times), filled with
 * process_vm_readv, or /proc/PID/mem when that is refused. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "unwind/unwind-internal.h"

void unw_memory_reset(struct unwinder *u)
{
	for (unsigned i = 0; i < UNW_MEM_PAGES; i++)
		u->pages[i].len = 0;
	u->next_page = 0;
}

void unw_memory_close(struct unwinder *u)
{
	if (u->memfd >= 0)
		close(u->memfd);
	u->memfd = -1;
	unw_memory_reset(u);
}

static int memfd(struct unwinder *u)
{
	if (u->memfd < 0) {
		char path[64];
		snprintf(path, sizeof(path), "/proc/%d/mem", (int)u->tgid);
		u->memfd = open(path, O_RDONLY | O_CLOEXEC);
	}
	return u->memfd;
}

/* Through the thread being unwound first: /proc/TGID/mem has no memory once the leader
 * exited while other threads run on. */
static ssize_t read_page(struct unwinder *u, uint64_t base, void *buf)
{
	struct iovec local = {buf, UNW_PAGE}, remote = {(void *)(uintptr_t)base, UNW_PAGE};
	ssize_t n = process_vm_readv(u->tid ? u->tid : u->tgid, &local, 1, &remote, 1, 0);
	if (n > 0)
		return n;
	int fd = memfd(u);
	return fd < 0 ? -1 : pread(fd, buf, UNW_PAGE, (off_t)base);
}

static const struct unw_mem_page *page_of(struct unwinder *u, uint64_t addr)
{
	uint64_t base = addr & ~(uint64_t)(UNW_PAGE - 1);

	for (unsigned i = 0; i < UNW_MEM_PAGES; i++)
		if (u->pages[i].len && u->pages[i].addr == base)
			return &u->pages[i];
	struct unw_mem_page *p = &u->pages[u->next_page++ % UNW_MEM_PAGES];
	ssize_t n = read_page(u, base, p->data);
	if (n <= 0) {
		p->len = 0;
		return NULL;
	}
	p->addr = base;
	p->len = (size_t)n;
	return p;
}

static bool read_live(struct unwinder *u, uint64_t addr, void *buf, size_t len)
{
	uint8_t *out = buf;

	while (len) {
		const struct unw_mem_page *p = page_of(u, addr);
		size_t off = addr - (addr & ~(uint64_t)(UNW_PAGE - 1));
		if (!p || off >= p->len)
			return false;
		size_t n = p->len - off < len ? p->len - off : len;
		memcpy(out, p->data + off, n);
		out += n;
		addr += n;
		len -= n;
	}
	return true;
}

bool unw_memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	struct unwinder *u = arg;
	uint64_t sp = u->regs ? u->regs->sp : 0;

	(void)dwfl;
	if (u->stack && addr >= sp && addr - sp <= u->stack_len &&
	    u->stack_len - (addr - sp) >= sizeof(*result)) {
		memcpy(result, u->stack + (addr - sp), sizeof(*result));
		return true;
	}
	return read_live(u, addr, result, sizeof(*result));
}
