/* Fuzzes the /proc/locks parser. */
#include "fuzz-proc-text.h"
#include "proc/locks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_file(data, size);

	if (!f)
		return 0;
	struct lock_set s;

	if (locks_parse(f, &s) == 0)
		lock_set_free(&s);
	fclose(f);
	return 0;
}
