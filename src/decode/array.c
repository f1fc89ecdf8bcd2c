/* Arrays in tracee memory: [elem, elem, ...], cut after -s elements unless -v. */
#include "decode/dctx.h"

#include <stdlib.h>

bool print_array(struct dctx *d, uint64_t addr, uint64_t nmemb, size_t elem_size,
		 elem_print_fn print_elem, void *opaque)
{
	if (!addr) {
		pr_raw(d->p, "NULL");
		return false;
	}
	if (!nmemb) {
		pr_array_begin(d->p);
		pr_array_end(d->p);
		return false;
	}
	uint64_t size = nmemb * elem_size;
	if (size / elem_size != nmemb || addr + size < addr) {
		pr_hex(d->p, addr);
		return false;
	}
	uint64_t limit = !d->o->verbose && d->o->strsize < nmemb ? d->o->strsize : nmemb;
	void *buf = malloc(elem_size);
	uint64_t i;

	for (i = 0; i < nmemb; i++) {
		uint64_t cur = addr + i * elem_size;
		if (mem_read(d, cur, buf, elem_size) < 0) {
			if (i == 0) {
				pr_hex(d->p, addr);
				free(buf);
				return false;
			}
			pr_more(d->p);
			pr_comment(d->p, "%#" PRIx64, cur);
			break;
		}
		if (i == 0)
			pr_array_begin(d->p);
		if (i >= limit) {
			pr_more(d->p);
			break;
		}
		if (!print_elem(d, buf, elem_size, opaque))
			break;
	}
	pr_array_end(d->p);
	free(buf);
	return true;
}
