/* Shared by the /proc fuzz targets: the input as a read-only FILE (as the parsers get it). */
#pragma once
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline FILE *fuzz_file(const uint8_t *data, size_t size)
{
	/* fmemopen refuses a zero-sized buffer */
	static const char empty[1];

	return size ? fmemopen((void *)data, size, "r") : fmemopen((void *)empty, 1, "r");
}
