#include "proc/limits.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int parse_value(const char *s, uint64_t *v)
{
	char *end;

	if (strncmp(s, "unlimited", 9) == 0) {
		*v = LIMIT_UNLIMITED;
		return 9;
	}
	if (*s < '0' || *s > '9')
		return -1;
	*v = strtoull(s, &end, 10);
	return (int)(end - s);
}

int limits_parse(FILE *f, struct limits *ret)
{
	struct limits l = {0};
	char line[256];
	bool header = false;

	while (fgets(line, sizeof(line), f)) {
		if (!header) {
			if (strncmp(line, "Limit", 5) != 0)
				return -EINVAL;
			header = true;
			continue;
		}
		/* the name column is 26 wide, then soft (21), hard (21), units */
		if (strlen(line) < 27 || l.n == sizeof(l.v) / sizeof(l.v[0]))
			continue;
		struct limit *e = &l.v[l.n];
		size_t n = 25;

		while (n > 0 && line[n - 1] == ' ')
			n--;
		if (n == 0 || n >= sizeof(e->name))
			continue;
		memcpy(e->name, line, n);
		e->name[n] = '\0';
		char *p = line + 25;

		while (*p == ' ')
			p++;
		int k = parse_value(p, &e->soft);

		if (k < 0)
			continue;
		p += k;
		while (*p == ' ')
			p++;
		k = parse_value(p, &e->hard);
		if (k < 0)
			continue;
		p += k;
		while (*p == ' ')
			p++;
		p[strcspn(p, " \n")] = '\0';
		snprintf(e->unit, sizeof(e->unit), "%s", p);
		l.n++;
	}
	if (!header)
		return -EINVAL;
	*ret = l;
	return 0;
}

const struct limit *limits_find(const struct limits *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	return NULL;
}
