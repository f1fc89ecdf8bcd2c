#include "proc/locks.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

int locks_parse(FILE *f, struct lock_set *ret)
{
	struct lock_set s = {0};
	size_t cap = 0;
	char line[512];

	while (fgets(line, sizeof(line), f)) {
		struct locked_inode e;
		char *p = strchr(line, ':');

		if (!p || strncmp(p, ": ->", 4) == 0)
			continue;
		/* "1: POSIX  ADVISORY  WRITE 123 fe:00:10953201 0 EOF" */
		if (sscanf(p + 1, " %*s %*s %*s %*s %x:%x:%" SCNu64, &e.major, &e.minor, &e.ino) !=
		    3)
			continue;
		if (s.n == cap) {
			cap = cap ? cap * 2 : 16;
			struct locked_inode *v = realloc(s.v, cap * sizeof(*v));

			if (!v) {
				free(s.v);
				return -ENOMEM;
			}
			s.v = v;
		}
		s.v[s.n++] = e;
	}
	*ret = s;
	return 0;
}

bool lock_set_has(const struct lock_set *s, unsigned int major, unsigned int minor, uint64_t ino)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].ino == ino && s->v[i].major == major && s->v[i].minor == minor)
			return true;
	return false;
}

void lock_set_free(struct lock_set *s)
{
	free(s->v);
	*s = (struct lock_set){0};
}
