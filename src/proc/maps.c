#include "proc/maps.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static bool seen(const struct map_files *m, unsigned int major, unsigned int minor, uint64_t ino)
{
	for (size_t i = m->n; i-- > 0;)
		if (m->v[i].ino == ino && m->v[i].major == major && m->v[i].minor == minor)
			return true;
	return false;
}

int maps_parse_files(FILE *f, struct map_files *ret)
{
	struct map_files m = {0};
	size_t cap = 0;
	char *line = NULL;
	size_t len = 0;
	ssize_t n;

	while ((n = getline(&line, &len, f)) > 0) {
		struct map_file e = {0};
		int off = 0;

		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %*x %x:%x %" SCNu64 " %n", &e.start,
			   &e.end, &e.major, &e.minor, &e.ino, &off) != 5 ||
		    off == 0)
			continue;
		if (e.ino == 0 || line[off] != '/')
			continue;
		if (seen(&m, e.major, e.minor, e.ino))
			continue;
		char *path = line + off;
		size_t pl = strlen(path);
		static const char del[] = " (deleted)";

		if (pl > sizeof(del) - 1 && strcmp(path + pl - (sizeof(del) - 1), del) == 0) {
			e.deleted = true;
			path[pl - (sizeof(del) - 1)] = '\0';
		}
		e.path = strdup(path);
		if (!e.path)
			goto oom;
		if (m.n == cap) {
			cap = cap ? cap * 2 : 16;
			struct map_file *v = realloc(m.v, cap * sizeof(*v));

			if (!v) {
				free(e.path);
				goto oom;
			}
			m.v = v;
		}
		m.v[m.n++] = e;
	}
	free(line);
	*ret = m;
	return 0;
oom:
	free(line);
	map_files_free(&m);
	return -ENOMEM;
}

void map_files_free(struct map_files *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].path);
	free(m->v);
	*m = (struct map_files){0};
}
