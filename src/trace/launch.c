/* What both backends do to launch a command: find it as strace does, apply -E. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trace/session.h"

char *find_in_path(const char *cmd)
{
	if (strchr(cmd, '/'))
		return strdup(cmd);
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	char *copy = strdup(path), *save = NULL;
	for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		char *full;
		struct stat st;
		if (asprintf(&full, "%s/%s", *dir ? dir : ".", cmd) < 0)
			break;
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0) {
			free(copy);
			return full;
		}
		free(full);
	}
	free(copy);
	return NULL;
}

void apply_env(const struct trace_opts *o)
{
	for (unsigned i = 0; i < o->nenv; i++) {
		char *eq = strchr(o->env_set[i], '=');
		if (eq) {
			*eq = '\0';
			setenv(o->env_set[i], eq + 1, 1);
			*eq = '=';
		} else {
			unsetenv(o->env_set[i]);
		}
	}
}
