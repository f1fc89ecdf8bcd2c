/* Fuzzes the /proc/PID/fdinfo/N parser (buffer and FILE entry points). */
#include "fuzz-proc-text.h"
#include "proc/fdinfo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fdinfo fi;
	FILE *f;

	(void)fdinfo_parse((const char *)data, size, &fi);
	(void)fdinfo_lock_char((const char *)data, size);
	f = fuzz_file(data, size);
	if (f) {
		(void)fdinfo_parse_file(f, &fi);
		fclose(f);
	}
	return 0;
}
