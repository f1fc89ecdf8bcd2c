#include "proc/status.h"

#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum field_kind { F_STR, F_PID, F_IDS, F_LONG, F_KB };

static const struct {
	const char *key;
	enum field_kind kind;
	size_t off, size;
} fields[] = {
#define S(k, kind, m)                                                                              \
	{                                                                                          \
		k ":", kind, offsetof(struct pid_status, m), sizeof(((struct pid_status *)0)->m)   \
	}
    S("Name", F_STR, name),	   S("State", F_STR, state),	 S("Tgid", F_PID, tgid),
    S("PPid", F_PID, ppid),	   S("Uid", F_IDS, uid),	 S("Gid", F_IDS, gid),
    S("Threads", F_LONG, threads), S("FDSize", F_LONG, fdsize),	 S("VmPeak", F_KB, vm_peak),
    S("VmSize", F_KB, vm_size),	   S("VmRSS", F_KB, vm_rss),	 S("VmSwap", F_KB, vm_swap),
    S("RssAnon", F_KB, rss_anon),  S("RssFile", F_KB, rss_file), S("RssShmem", F_KB, rss_shmem),
#undef S
};

int pid_status_parse(FILE *f, struct pid_status *ret)
{
	struct pid_status s = {.vm_peak = -1,
			       .vm_size = -1,
			       .vm_rss = -1,
			       .vm_swap = -1,
			       .rss_anon = -1,
			       .rss_file = -1,
			       .rss_shmem = -1};
	char line[512];
	int have_name = 0;

	while (fgets(line, sizeof(line), f)) {
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
			size_t kl = strlen(fields[i].key);

			if (strncmp(line, fields[i].key, kl) != 0)
				continue;
			char *v = line + kl, *p = (char *)&s + fields[i].off;

			v += strspn(v, " \t");
			v[strcspn(v, "\n")] = '\0';
			switch (fields[i].kind) {
			case F_STR:
				snprintf(p, fields[i].size, "%s", v);
				if (p == s.name)
					have_name = 1;
				break;
			case F_PID:
				*(pid_t *)p = (pid_t)strtol(v, NULL, 10);
				break;
			case F_IDS: {
				uint32_t *ids = (uint32_t *)p;
				char *end = v;

				for (int k = 0; k < 4; k++)
					ids[k] = (uint32_t)strtoul(end, &end, 10);
				break;
			}
			case F_LONG:
				*(long *)p = strtol(v, NULL, 10);
				break;
			case F_KB:
				*(int64_t *)p = strtoll(v, NULL, 10);
				break;
			}
			break;
		}
	}
	if (!have_name)
		return -EINVAL;
	*ret = s;
	return 0;
}
