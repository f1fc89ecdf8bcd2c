/* /proc/PID/maps: the file-backed mappings, one entry per distinct (device, inode). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct map_file {
	uint64_t start, end; /* first mapping of this file */
	unsigned int major, minor;
	uint64_t ino;
	bool deleted; /* path ended in " (deleted)", which is stripped */
	char *path;
};

struct map_files {
	struct map_file *v;
	size_t n;
};

/* Parses maps text, keeping file-backed mappings (inode != 0) once per (dev, inode), in
 * order of first appearance. Returns 0 or -ENOMEM. */
int maps_parse_files(FILE *f, struct map_files *ret);
void map_files_free(struct map_files *m);
