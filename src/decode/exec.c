/* execve, execveat: ["argv", ...] and envp as a count unless -v. */
#include "decode/proc.h"

/* argv/envp in full: ["ls", "-l"], cut after -s elements without -v */
static void print_argv(struct dctx *d, uint64_t addr)
{
	uint64_t prev = 0, word;
	unsigned n = 0;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	for (;; prev = addr, addr += sizeof(word), n++) {
		if (addr < prev || mem_read_obj(d, addr, word) < 0) {
			if (n == 0) {
				pr_hex(d->p, addr);
				return;
			}
			pr_more(d->p);
			pr_comment(d->p, "%#" PRIx64, addr);
			break;
		}
		if (n == 0)
			pr_array_begin(d->p);
		if (!word)
			break;
		if (!d->o->verbose && n >= d->o->strsize) {
			pr_more(d->p);
			break;
		}
		print_str(d, word);
	}
	pr_array_end(d->p);
}

/* envp without -v: 0x7ffd... / * 23 vars * / */
static void print_argc(struct dctx *d, uint64_t addr)
{
	uint64_t prev = 0, word = 0;
	unsigned n;

	pr_ptr(d->p, addr);
	if (!addr)
		return;
	for (n = 0; addr > prev; prev = addr, addr += sizeof(word), n++) {
		if (mem_read_obj(d, addr, word) < 0) {
			if (n == 0)
				return;
			addr = 0;
			break;
		}
		if (!word)
			break;
	}
	pr_comment(d->p, "%u var%s%s", n, n == 1 ? "" : "s", addr < prev ? ", unterminated" : "");
}

static void print_exec_args(struct dctx *d, int first)
{
	print_path(d, arg(d, first));
	print_argv(d, arg(d, first + 1));
	if (d->o->verbose)
		print_argv(d, arg(d, first + 2));
	else
		print_argc(d, arg(d, first + 2));
}

int dec_execve(struct dctx *d)
{
	print_exec_args(d, 0);
	return DEC_DONE;
}

int dec_execveat(struct dctx *d)
{
	print_dirfd(d, (int)arg(d, 0));
	print_exec_args(d, 1);
	print_flags(d, &xl_at_flags, arg(d, 4), "AT_???");
	return DEC_DONE;
}
