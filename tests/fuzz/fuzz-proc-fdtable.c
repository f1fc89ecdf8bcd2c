/* Fuzzes the walker of the BPF iterator's records and the first-task filter. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proc/fdtable_bpf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	struct fdt_record h;
	const char *path;
	size_t off = 0;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	while (fdt_record_next(buf, size, &off, &h, &path))
		if (path && strnlen(path, h.path_len) == h.path_len)
			abort(); /* the path must end within the record */
	size_t kept = fdt_keep_first_task(buf, size);

	if (kept > size)
		abort();
	off = 0;
	while (fdt_record_next(buf, kept, &off, &h, &path))
		;
	if (off != kept)
		abort(); /* what was kept walks to its end */
	free(buf);
	return 0;
}
