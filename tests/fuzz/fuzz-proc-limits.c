/* Fuzzes the /proc/PID/limits parser. */
#include "fuzz-proc-text.h"
#include "proc/limits.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_file(data, size);

	if (!f)
		return 0;
	struct limits l;

	if (limits_parse(f, &l) == 0)
		(void)limits_find(&l, "Max open files");
	fclose(f);
	return 0;
}
