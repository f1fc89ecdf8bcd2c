#include "proc/sockstat.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

int sockstat_parse(FILE *f, struct sockstat *ret)
{
	struct sockstat s = {0};
	char line[512];

	while (fgets(line, sizeof(line), f)) {
		char *save = NULL, *proto = strtok_r(line, ": \n", &save);

		if (!proto)
			continue;
		for (;;) {
			char *key = strtok_r(NULL, " \n", &save),
			     *val = strtok_r(NULL, " \n", &save);

			if (!key || !val || s.n == sizeof(s.v) / sizeof(s.v[0]))
				break;
			struct sockstat_field *e = &s.v[s.n];

			if (sscanf(val, "%" SCNd64, &e->value) != 1)
				break;
			snprintf(e->proto, sizeof(e->proto), "%s", proto);
			snprintf(e->key, sizeof(e->key), "%s", key);
			s.n++;
		}
	}
	if (s.n == 0)
		return -EINVAL;
	*ret = s;
	return 0;
}

const char *sockstat_explain(const char *proto, const char *key)
{
	static const struct {
		const char *proto, *key, *text;
	} table[] = {
	    {"sockets", "used", "sockets of all kinds allocated in this network namespace"},
	    {"FRAG", "inuse", "IP packets being reassembled from fragments"},
	    {"*", "inuse", "sockets of this protocol in use (open and not yet released)"},
	    {"TCP", "orphan", "TCP sockets no process holds any more, still closing"},
	    {"TCP", "tw", "TCP connections in TIME_WAIT"},
	    {"TCP", "alloc", "TCP sockets allocated, orphans and TIME_WAIT included"},
	    {"*", "mem", "pages of socket buffer memory charged to the protocol"},
	    {"FRAG", "memory", "bytes held by IP fragments waiting for reassembly"},
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if ((strcmp(table[i].proto, "*") == 0 || strcmp(table[i].proto, proto) == 0) &&
		    strcmp(table[i].key, key) == 0)
			return table[i].text;
	return NULL;
}

int file_nr_parse(FILE *f, struct file_nr *ret)
{
	struct file_nr n;

	if (fscanf(f, "%" SCNu64 " %" SCNu64 " %" SCNu64, &n.allocated, &n.unused, &n.max) != 3)
		return -EINVAL;
	*ret = n;
	return 0;
}
