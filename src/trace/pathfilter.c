/* -P PATH and --trace-fds: is this syscall about one of the paths or fds the user named? */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trace/session.h"

static bool path_selected(const struct filter *f, const char *p)
{
	for (unsigned i = 0; i < f->npaths; i++)
		if (strcmp(f->paths[i], p) == 0)
			return true;
	return false;
}

static bool fd_selected(struct session *s, struct tracee *t, int fd)
{
	const struct filter *f = &s->o->filter;

	if (fd < 0)
		return false;
	if (f->fds_given && numset_has(&f->fds, (unsigned)fd))
		return true;
	if (!f->npaths)
		return false;
	char link[64], target[PATH_MAX];
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tgid, fd);
	ssize_t n = s->fd_path ? s->fd_path(s, t, fd, target, sizeof(target) - 1)
			       : readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return false;
	target[n] = '\0';
	return path_selected(f, target);
}

bool path_filter_match(struct session *s, struct tracee *t)
{
	const struct filter *f = &s->o->filter;
	const struct syscall_info *si = syscall_get(t->ev.nr);

	if (!f->npaths && !f->fds_given)
		return true;
	if (!si)
		return false;
	for (unsigned i = 0; i < si->nargs; i++) {
		uint64_t v = t->ev.args[i];
		switch (si->args[i].kind) {
		case AK_PATH: {
			char buf[PATH_MAX + 1];
			if (!f->npaths || !v)
				break;
			int n = s->mem.read_str(s->mem.ctx, &t->ev, v, buf, sizeof(buf));
			if (n >= 0 && n < (int)sizeof(buf)) {
				buf[n] = '\0';
				if (path_selected(f, buf))
					return true;
			}
			break;
		}
		case AK_FD:
			if (fd_selected(s, t, (int)v))
				return true;
			break;
		case AK_DIRFD:
			if ((int)v != AT_FDCWD && fd_selected(s, t, (int)v))
				return true;
			break;
		}
	}
	return false;
}
