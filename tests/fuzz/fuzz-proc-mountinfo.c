/* Fuzzes the /proc/PID/mountinfo parser. */
#include "fuzz-proc-text.h"
#include "proc/mountinfo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_file(data, size);

	if (!f)
		return 0;
	struct mount_table t;

	if (mountinfo_parse(f, &t) == 0) {
		(void)mount_find_path(&t, "/a/b/c");
		mount_table_free(&t);
	}
	fclose(f);
	return 0;
}
