/* Fuzzes the /proc/PID/stat parser (it takes a NUL-terminated line). */
#include <stdlib.h>
#include <string.h>

#include "fuzz-proc-text.h"
#include "proc/pidstat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct pid_stat st;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)pid_stat_parse(s, &st);
	free(s);
	return 0;
}
