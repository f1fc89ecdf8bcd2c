/* Fuzzes strace's qualifier parser (-e trace=/signal=/status=/trace-fds=). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trace/filter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char err[256];
	struct filter f;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	filter_init(&f);
	filter_parse_trace(&f, s, err, sizeof(err));
	filter_parse_signals(&f, s, err, sizeof(err));
	filter_parse_status(&f, s, err, sizeof(err));
	filter_parse_fds(&f, s, err, sizeof(err));
	free(s);
	return 0;
}
