/* Fuzzes the /proc/PID/maps parser. */
#include "fuzz-proc-text.h"
#include "proc/maps.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_file(data, size);

	if (!f)
		return 0;
	struct map_files m;

	if (maps_parse_files(f, &m) == 0)
		map_files_free(&m);
	fclose(f);
	return 0;
}
