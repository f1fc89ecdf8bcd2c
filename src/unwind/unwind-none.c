/* Built without libdw: no unwinder; callers say that this build cannot unwind stacks. */
#include <errno.h>

#include "unwind/unwind.h"

struct unwinder *unwinder_new(pid_t tgid)
{
	(void)tgid;
	errno = ENOTSUP;
	return NULL;
}

void unwinder_free(struct unwinder *u)
{
	(void)u;
}

void unwinder_invalidate(struct unwinder *u)
{
	(void)u;
}

void unwinder_maps_changed(struct unwinder *u)
{
	(void)u;
}

int unwinder_load(struct unwinder *u)
{
	(void)u;
	return -ENOTSUP;
}

int unwinder_load_maps(struct unwinder *u, const char *text, size_t len)
{
	(void)u;
	(void)text;
	(void)len;
	return -ENOTSUP;
}

int unwind_stopped(struct unwinder *u, pid_t tid, uint64_t *pcs, int max)
{
	return -ENOTSUP;
}

int unwind_captured(struct unwinder *u, const struct unw_regs *regs, const void *stack, size_t len,
		    uint64_t *pcs, int max)
{
	return -ENOTSUP;
}

const char *unwind_error(const struct unwinder *u)
{
	return NULL;
}

int unwind_symbolize(struct unwinder *u, uint64_t pc, bool isret, struct unw_frame *out)
{
	*out = (struct unw_frame){.pc = pc};
	return -ENOTSUP;
}

int unwind_symbolize_strace(struct unwinder *u, uint64_t pc, struct unw_frame *out)
{
	*out = (struct unw_frame){.pc = pc};
	return -ENOTSUP;
}
