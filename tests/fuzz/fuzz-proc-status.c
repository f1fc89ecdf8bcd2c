/* Fuzzes the /proc/PID/status parser. */
#include "fuzz-proc-text.h"
#include "proc/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_file(data, size);

	if (!f)
		return 0;
	struct pid_status s;

	(void)pid_status_parse(f, &s);
	fclose(f);
	return 0;
}
