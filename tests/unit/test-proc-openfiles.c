/* proc_files_read on this very process: what it opened must come back, row by row. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc/openfiles.h"
#include "proc/procfs.h"
#include "test-proc-helpers.h"

static const struct open_file *find_fd(const struct proc_files *p, int fd)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].slot == OF_FD && p->v[i].fd == fd)
			return &p->v[i];
	return NULL;
}

static bool only_odd(int fd, void *ud)
{
	return fd % 2 == 1 || fd == *(int *)ud;
}

int main(void)
{
	uint64_t ino = 0;
	char tmpl[] = "/tmp/test-openfiles.XXXXXX";
	int file = mkstemp(tmpl), pfd[2], sv[2];
	int efd = eventfd(0, 0);
	struct proc_files pf;
	struct stat st;

	CHECK(of_kind_from_link("socket:[123]", &ino) == OFK_SOCK && ino == 123);
	CHECK(of_kind_from_link("pipe:[9]", &ino) == OFK_PIPE && ino == 9);
	CHECK(of_kind_from_link("anon_inode:[eventfd]", &ino) == OFK_ANON);
	CHECK(of_kind_from_link("/memfd:x (deleted)", &ino) == OFK_MEMFD);
	CHECK(of_kind_from_link("/etc/passwd", &ino) == OFK_UNKNOWN);

	CHECK(file >= 0 && pipe(pfd) == 0 && socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(write(file, "hello", 5) == 5 && flock(file, LOCK_EX) == 0);
	unlink(tmpl);
	fstat(file, &st);

	int dirfd = proc_open(getpid());

	CHECK(dirfd >= 0);
	CHECK(proc_files_read(dirfd, getpid(), 0, NULL, NULL, &pf) == 0);
	CHECK(pf.pid == getpid() && pf.uid == getuid());
	CHECK(pf.n > 0 && pf.v[0].slot == OF_CWD);

	const struct open_file *of = find_fd(&pf, file);

	CHECK(of && of->kind == OFK_REG && of->mode == 'u' && of->deleted);
	CHECK(of && of->has_stat && of->size == 5 && of->ino == st.st_ino);
	CHECK(of && of->has_fdinfo && of->fi.lock == 'W');
	CHECK_STR(of ? of->name : NULL, tmpl);
	of = find_fd(&pf, pfd[0]);
	CHECK(of && of->kind == OFK_PIPE && of->mode == 'r' && of->has_stat);
	of = find_fd(&pf, pfd[1]);
	CHECK(of && of->kind == OFK_PIPE && of->mode == 'w');
	of = find_fd(&pf, sv[0]);
	CHECK(of && of->kind == OFK_SOCK && of->sock_ino != 0 && of->mode == 'u');
	of = find_fd(&pf, efd);
	CHECK(of && of->kind == OFK_ANON && of->has_fdinfo && of->fi.eventfd_id >= 0);
	bool txt = false, mem = false;

	for (size_t i = 0; i < pf.n; i++) {
		txt |= pf.v[i].slot == OF_TXT;
		mem |= pf.v[i].slot == OF_MEM;
	}
	CHECK(txt && mem);
	proc_files_free(&pf);

	/* the filter: only odd fds (and file), no cwd/txt/mem with PF_FDS_ONLY */
	CHECK(proc_files_read(dirfd, getpid(), PF_FDS_ONLY, only_odd, &file, &pf) == 0);
	for (size_t i = 0; i < pf.n; i++)
		CHECK(pf.v[i].slot == OF_FD && (pf.v[i].fd % 2 == 1 || pf.v[i].fd == file));
	CHECK(find_fd(&pf, file) != NULL);
	proc_files_free(&pf);
	close(dirfd);

	CHECK(proc_open(0x7ffffff0) == -ESRCH);
	return failures != 0;
}
