/* Fuzzes the /proc/net/sockstat and /proc/sys/fs/file-nr parser. */
#include "fuzz-proc-text.h"
#include "proc/sockstat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_file(data, size);

	if (!f)
		return 0;
	struct sockstat s;
	struct file_nr n;

	(void)sockstat_parse(f, &s);
	rewind(f);
	(void)file_nr_parse(f, &n);
	fclose(f);
	return 0;
}
