/* sched_* syscalls: policies, parameters, attributes and CPU affinity. */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "decode/proc.h"

int dec_sched_getscheduler(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return DEC_MORE;
	}
	if (!syserror(d)) {
		const char *name = xlat_name(&xl_sched_policies, (uint64_t)d->ev->ret);
		if (name)
			sb_puts(&d->aux, name);
	}
	return DEC_DONE;
}

int dec_sched_setscheduler(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	print_xval(d, &xl_sched_policies, arg(d, 1), "SCHED_???");
	print_int_ref(d, arg(d, 2));
	return DEC_DONE;
}

int dec_sched_setparam(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	print_int_ref(d, arg(d, 1));
	return DEC_DONE;
}

int dec_sched_getparam(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_int_ref(d, arg(d, 1));
	return DEC_DONE;
}

int dec_sched_get_priority_min(struct dctx *d)
{
	print_xval(d, &xl_sched_policies, arg(d, 0), "SCHED_???");
	return DEC_DONE;
}

int dec_sched_rr_get_interval(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 1)))
		print_timespec(d, arg(d, 1));
	return DEC_DONE;
}

/* the smallest cpu set the kernel accepts, as sched_getaffinity tells */
static unsigned cpuset_size(void)
{
	static unsigned size;

	if (!size) {
		size = 128;
		while (size && sched_getaffinity(0, size, NULL) == -1 && errno == EINVAL)
			size <<= 1;
		if (!size)
			size = 128;
	}
	return size;
}

/* [0 1 2 3] */
static void print_affinity(struct dctx *d, uint64_t addr, unsigned len)
{
	unsigned max = cpuset_size();
	unsigned fetch = len < max ? len : max;
	unsigned size = (fetch + 7) / 8 * 8;

	if ((d->exiting && syserror(d)) || !addr) {
		pr_ptr(d->p, addr);
		return;
	}
	if (!len) {
		pr_array_begin(d->p);
		pr_array_end(d->p);
		return;
	}
	uint8_t *cpu = calloc(size, 1);
	if (!cpu || mem_read(d, addr, cpu, fetch) < 0) {
		pr_hex(d->p, addr);
		free(cpu);
		return;
	}
	struct strbuf sb = {0};
	sb_putc(&sb, '[');
	bool printed = false;
	for (unsigned i = 0; i < size * 8; i++) {
		if (!(cpu[i / 8] >> (i % 8) & 1))
			continue;
		sb_printf(&sb, printed ? " %u" : "%u", i);
		printed = true;
	}
	if (size < len)
		sb_puts(&sb, printed ? " ..." : "...");
	sb_putc(&sb, ']');
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
	free(cpu);
}

int dec_sched_setaffinity(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	pr_uint(d->p, (unsigned)arg(d, 1));
	print_affinity(d, arg(d, 2), (unsigned)arg(d, 1));
	return DEC_DONE;
}

int dec_sched_getaffinity(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		pr_uint(d->p, (unsigned)arg(d, 1));
		return entry_more(d);
	}
	print_affinity(d, arg(d, 2), (unsigned)d->ev->ret);
	return DEC_DONE;
}

struct k_sched_attr {
	uint32_t size, sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime, sched_deadline, sched_period;
	uint32_t sched_util_min, sched_util_max;
};

#define SCHED_ATTR_SIZE_VER0 48
#define SCHED_ATTR_SIZE_VER1 56
#define KEEP_POLICY	     0x08
#define KEEP_PARAMS	     0x10

static void print_sched_attr(struct dctx *d, uint64_t addr, unsigned usize)
{
	struct k_sched_attr a = {0};
	unsigned size;
	bool is_set = false;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if (usize) {
		size = usize <= sizeof(a) ? usize : (unsigned)sizeof(a);
		if (mem_read(d, addr, &a, size) < 0) {
			pr_hex(d->p, addr);
			return;
		}
		size = a.size;
	} else {
		is_set = true;
		if (mem_read_obj(d, addr, a.size) < 0) {
			pr_hex(d->p, addr);
			return;
		}
		usize = a.size ? a.size : SCHED_ATTR_SIZE_VER0;
		size = usize <= sizeof(a) ? usize : (unsigned)sizeof(a);
		if (size >= SCHED_ATTR_SIZE_VER0 && mem_read(d, addr, &a, size) < 0) {
			pr_hex(d->p, addr);
			return;
		}
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "size");
	pr_uint(d->p, a.size);
	if (size >= SCHED_ATTR_SIZE_VER0) {
		if (!is_set || (int)a.sched_policy < 0 ||
		    !(a.sched_flags & (KEEP_POLICY | KEEP_PARAMS))) {
			pr_field(d->p, "sched_policy");
			print_xval(d, &xl_sched_policies, a.sched_policy, "SCHED_???");
		}
		pr_field(d->p, "sched_flags");
		print_flags(d, &xl_sched_attr_flags, a.sched_flags, "SCHED_FLAG_???");
		if (!is_set || !(a.sched_flags & KEEP_PARAMS)) {
			pr_field(d->p, "sched_nice");
			pr_int(d->p, a.sched_nice);
			pr_field(d->p, "sched_priority");
			pr_uint(d->p, a.sched_priority);
			pr_field(d->p, "sched_runtime");
			pr_uint(d->p, a.sched_runtime);
			pr_field(d->p, "sched_deadline");
			pr_uint(d->p, a.sched_deadline);
			pr_field(d->p, "sched_period");
			pr_uint(d->p, a.sched_period);
		}
		if (size >= SCHED_ATTR_SIZE_VER1) {
			pr_field(d->p, "sched_util_min");
			pr_uint(d->p, a.sched_util_min);
			pr_field(d->p, "sched_util_max");
			pr_uint(d->p, a.sched_util_max);
		}
	}
	if ((is_set ? usize : a.size) > size)
		pr_more(d->p);
	pr_struct_end(d->p);
}

int dec_sched_setattr(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		print_sched_attr(d, arg(d, 1), 0);
		return DEC_MORE;
	}
	uint32_t size;
	if (syserror(d) && d->ev->ret == -E2BIG && mem_read_obj(d, arg(d, 1), size) == 0) {
		print_value_changed(d);
		pr_struct_begin(d->p);
		pr_field(d->p, "size");
		pr_uint(d->p, size);
		pr_struct_end(d->p);
	}
	pr_uint(d->p, (unsigned)arg(d, 2));
	return DEC_DONE;
}

int dec_sched_getattr(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return entry_more(d);
	}
	unsigned size = (unsigned)arg(d, 2);
	if (size && !out_failed(d, arg(d, 1)))
		print_sched_attr(d, arg(d, 1), size);
	else if (!size)
		pr_ptr(d->p, arg(d, 1));
	pr_uint(d->p, size);
	pr_uint(d->p, (unsigned)arg(d, 3));
	return DEC_DONE;
}
