/* futex: which arguments mean something depends on the operation. */
#include <inttypes.h>
#include <linux/futex.h>

#include "decode/proc.h"

/* FUTEX_WAKE_OP's encoded operation:
 * FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1 */
static void print_wake_op(struct dctx *d, unsigned v)
{
	struct strbuf sb = {0};
	const char *op = xlat_name(&xl_futex_wake_ops, (v >> 28) & 7);
	const char *cmp = xlat_name(&xl_futex_wake_cmps, (v >> 24) & 0xf);

	if ((v >> 28) & 8)
		sb_puts(&sb, "FUTEX_OP_OPARG_SHIFT<<28|");
	if (op)
		sb_printf(&sb, "%s<<28", op);
	else
		sb_printf(&sb, "%#x<<28 /* FUTEX_OP_??? */", (v >> 28) & 7);
	sb_printf(&sb, "|%#x<<12|", (v >> 12) & 0xfff);
	if (cmp)
		sb_printf(&sb, "%s<<24", cmp);
	else
		sb_printf(&sb, "%#x<<24 /* FUTEX_OP_CMP_??? */", (v >> 24) & 0xf);
	sb_printf(&sb, "|%#x", v & 0xfff);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

int dec_futex(struct dctx *d)
{
	int op = (int)arg(d, 1);
	unsigned val = (unsigned)arg(d, 2), val2 = (unsigned)arg(d, 3), val3 = (unsigned)arg(d, 5);
	uint64_t timeout = arg(d, 3), uaddr2 = arg(d, 4);

	pr_ptr(d->p, arg(d, 0));
	print_xval(d, &xl_futex_ops, (unsigned)op, "FUTEX_???");
	switch (op & 127) {
	case FUTEX_WAIT:
		pr_uint(d->p, val);
		print_timespec(d, timeout);
		break;
	case FUTEX_LOCK_PI:
	case 13: /* FUTEX_LOCK_PI2 */
		print_timespec(d, timeout);
		break;
	case FUTEX_WAIT_BITSET:
		pr_uint(d->p, val);
		print_timespec(d, timeout);
		print_xval(d, &xl_futex_bitset, val3, NULL);
		break;
	case FUTEX_WAKE_BITSET:
		pr_uint(d->p, val);
		print_xval(d, &xl_futex_bitset, val3, NULL);
		break;
	case FUTEX_REQUEUE:
		pr_uint(d->p, val);
		pr_uint(d->p, val2);
		pr_ptr(d->p, uaddr2);
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		pr_uint(d->p, val);
		pr_uint(d->p, val2);
		pr_ptr(d->p, uaddr2);
		pr_uint(d->p, val3);
		break;
	case FUTEX_WAKE_OP:
		pr_uint(d->p, val);
		pr_uint(d->p, val2);
		pr_ptr(d->p, uaddr2);
		print_wake_op(d, val3);
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		pr_uint(d->p, val);
		print_timespec(d, timeout);
		pr_ptr(d->p, uaddr2);
		break;
	case FUTEX_FD:
	case FUTEX_WAKE:
		pr_uint(d->p, val);
		break;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		break;
	default:
		pr_uint(d->p, val);
		pr_ptr(d->p, timeout);
		pr_ptr(d->p, uaddr2);
		pr_hex(d->p, val3);
		break;
	}
	return DEC_DONE;
}
