#include "proc/openfiles.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "basic/cleanup.h"
#include "proc/fdtable_bpf.h"
#include "proc/locks.h"
#include "proc/maps.h"
#include "proc/mountinfo.h"
#include "proc/pidstat.h"
#include "proc/procfs.h"

struct reader {
	int dirfd;
	unsigned int flags;
	struct mount_table mounts;
	bool mounts_loaded;
	struct proc_files *pf;
	size_t cap;
	struct lock_set locks;
	bool locks_loaded;
	bool pipe_dev_known;
	unsigned int pipe_major, pipe_minor;
	struct open_file anon; /* the last anon inode stat'ed, to reuse for its twins */
	int anon_mnt_id;
};

static const struct mount_table *mounts(struct reader *r)
{
	if (!r->mounts_loaded) {
		_cleanup_fclose_ FILE *f = proc_fopenat(r->dirfd, "mountinfo");

		r->mounts_loaded = true;
		if (f)
			(void)mountinfo_parse(f, &r->mounts);
	}
	return &r->mounts;
}

/* Makes room for n more files at once (a process's fd count is known before reading). */
static int reserve(struct reader *r, size_t n)
{
	struct proc_files *pf = r->pf;

	if (pf->n + n <= r->cap)
		return 0;
	struct open_file *v = realloc(pf->v, (pf->n + n) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	pf->v = v;
	r->cap = pf->n + n;
	return 0;
}

static struct open_file *add(struct reader *r)
{
	struct proc_files *pf = r->pf;

	if (pf->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct open_file *v = realloc(pf->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		pf->v = v;
		r->cap = cap;
	}
	struct open_file *of = &pf->v[pf->n++];

	*of = (struct open_file){.mode = ' ', .fd = -1};
	return of;
}

static void strip_deleted(struct open_file *of)
{
	static const char del[] = " (deleted)";
	size_t n = strlen(of->name), d = sizeof(del) - 1;

	if (n > d && strcmp(of->name + n - d, del) == 0) {
		of->name[n - d] = '\0';
		of->deleted = true;
	}
}

enum of_kind of_kind_from_link(const char *link, uint64_t *ino)
{
	if (strncmp(link, "socket:[", 8) == 0) {
		*ino = strtoull(link + 8, NULL, 10);
		return OFK_SOCK;
	}
	if (strncmp(link, "pipe:[", 6) == 0) {
		*ino = strtoull(link + 6, NULL, 10);
		return OFK_PIPE;
	}
	if (strncmp(link, "anon_inode:", 11) == 0)
		return OFK_ANON;
	if (strncmp(link, "/memfd:", 7) == 0)
		return OFK_MEMFD;
	return OFK_UNKNOWN;
}

static enum of_kind kind_from_mode(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG:
		return OFK_REG;
	case S_IFDIR:
		return OFK_DIR;
	case S_IFCHR:
		return OFK_CHR;
	case S_IFBLK:
		return OFK_BLK;
	case S_IFIFO:
		return OFK_FIFO;
	case S_IFSOCK:
		return OFK_SOCK;
	case S_IFLNK:
		return OFK_LINK;
	default:
		return OFK_UNKNOWN;
	}
}

static void fill_stat(struct open_file *of, const struct stat *st)
{
	of->has_stat = true;
	of->dev_major = major(st->st_dev);
	of->dev_minor = minor(st->st_dev);
	of->rdev_major = major(st->st_rdev);
	of->rdev_minor = minor(st->st_rdev);
	of->size = (uint64_t)st->st_size;
	of->ino = st->st_ino;
	of->nlink = st->st_nlink;
	if (of->kind == OFK_UNKNOWN) {
		of->kind = kind_from_mode(st->st_mode);
	} else if (of->kind == OFK_PIPE && S_ISFIFO(st->st_mode)) {
		/* pipe stays a pipe */
	}
}

/* What a stat of the magic link would have said, from the iterator's record. */
static void stat_from_record(struct open_file *of, const struct fdt_record *rec)
{
	struct stat st = {.st_dev = makedev(rec->dev >> 20, rec->dev & 0xfffff),
			  .st_rdev = makedev(rec->rdev >> 20, rec->rdev & 0xfffff),
			  .st_ino = rec->ino,
			  .st_mode = rec->i_mode,
			  .st_nlink = rec->nlink,
			  .st_size = (off_t)rec->size};

	fill_stat(of, &st);
}

/* Stats dirfd/path (a magic link: no path walk) unless it lives on a network filesystem;
 * with rec, takes the iterator's copy of the same fields instead, but where the filesystem's
 * stat says something else than its inode (btrfs gives each subvolume its own device). */
static void stat_link(struct reader *r, int dirfd, const char *path, struct open_file *of,
		      const struct mount_entry *m, const struct fdt_record *rec)
{
	struct stat st;

	if (m && fstype_is_remote(m->fstype)) {
		of->remote = true;
		of->dev_major = m->major;
		of->dev_minor = m->minor;
		return;
	}
	if (r->flags & PF_NO_STAT)
		return;
	if (rec && !(m && fstype_stat_remaps(m->fstype)))
		stat_from_record(of, rec);
	else if (fstatat(dirfd, path, &st, 0) == 0)
		fill_stat(of, &st);
}

static int read_special(struct reader *r, enum of_slot slot, const char *path)
{
	char buf[4096];
	ssize_t n = proc_readlink(r->dirfd, path, buf, sizeof(buf));
	struct open_file *of = add(r);

	if (!of)
		return -ENOMEM;
	of->slot = slot;
	if (n < 0) {
		if (n == -ESRCH && slot == OF_CWD)
			return -ESRCH;
		/* kernel threads have no exe: ENOENT, which lsof shows as the bare link path */
		of->err = n == -ESRCH ? -ENOENT : (int)n;
		of->kind = OFK_UNKNOWN;
		return 0;
	}
	of->name = strdup(buf);
	if (!of->name)
		return -ENOMEM;
	strip_deleted(of);
	stat_link(r, r->dirfd, path, of, buf[0] == '/' ? mount_find_path(mounts(r), buf) : NULL,
		  NULL);
	if (of->kind == OFK_UNKNOWN)
		of->kind = slot == OF_TXT ? OFK_REG : OFK_DIR;
	return 0;
}

static int read_maps(struct reader *r)
{
	_cleanup_fclose_ FILE *f = proc_fopenat(r->dirfd, "maps");
	struct map_files m;
	int ret;
	const struct open_file *txt = NULL;

	if (!f)
		return 0;
	ret = maps_parse_files(f, &m);
	if (ret < 0)
		return ret;
	for (size_t i = 0; i < r->pf->n; i++)
		if (r->pf->v[i].slot == OF_TXT && r->pf->v[i].has_stat)
			txt = &r->pf->v[i];
	for (size_t i = 0; i < m.n; i++) {
		const struct map_file *mf = &m.v[i];

		if (txt && txt->ino == mf->ino && txt->dev_major == mf->major &&
		    txt->dev_minor == mf->minor)
			continue;
		struct open_file *of = add(r);

		if (!of) {
			ret = -ENOMEM;
			break;
		}
		of->slot = mf->deleted ? OF_DEL : OF_MEM;
		of->kind = OFK_REG;
		of->name = mf->path;
		m.v[i].path = NULL;
		of->deleted = mf->deleted;
		of->ino = mf->ino;
		of->dev_major = mf->major;
		of->dev_minor = mf->minor;

		const struct mount_entry *me = mount_find_dev(mounts(r), mf->major, mf->minor);
		char p[64];
		struct stat st;

		if (me && fstype_is_remote(me->fstype)) {
			of->remote = true;
			continue;
		}
		/* lsof shows no size for a deleted mapping: it has no path left to stat */
		if ((r->flags & PF_NO_STAT) || mf->deleted)
			continue;
		snprintf(p, sizeof(p), "map_files/%" PRIx64 "-%" PRIx64, mf->start, mf->end);
		if (fstatat(r->dirfd, p, &st, 0) == 0 ||
		    (stat(of->name, &st) == 0 && st.st_ino == mf->ino)) {
			fill_stat(of, &st);
			of->kind = OFK_REG;
		}
	}
	map_files_free(&m);
	return ret;
}

static void read_fdinfo(struct open_file *of, int infodir, const char *num)
{
	char info[4096];
	_cleanup_close_ int ifd = -1;
	ssize_t n;

	if (infodir < 0 || of->has_fdinfo)
		return;
	ifd = openat(infodir, num, O_RDONLY | O_CLOEXEC);
	if (ifd < 0)
		return;
	n = read(ifd, info, sizeof(info));
	if (n > 0 && fdinfo_parse(info, (size_t)n, &of->fi) == 0) {
		static const char modes[] = {'r', 'w', 'u', 'u'};

		of->has_fdinfo = true;
		of->mode = modes[of->fi.flags & O_ACCMODE];
	}
}

static const struct lock_set *locks(struct reader *r)
{
	if (!r->locks_loaded) {
		_cleanup_fclose_ FILE *f = proc_fopenat(AT_FDCWD, "/proc/locks");

		r->locks_loaded = true;
		if (f)
			(void)locks_parse(f, &r->locks);
	}
	return &r->locks;
}

static char mode_char(bool rd, bool wr)
{
	return rd && wr ? 'u' : rd ? 'r' : wr ? 'w' : ' ';
}

/* An eventfd's row needs its id and mode only: the iterator has both, no fdinfo needed. */
static bool eventfd_from_record(struct open_file *of, const struct fdt_record *rec)
{
	if (!rec || rec->eventfd_id < 0 || strcmp(of->name, "anon_inode:[eventfd]") != 0)
		return false;
	of->fi = (struct fdinfo){.pos = (uint64_t)rec->pos,
				 .flags = rec->f_flags,
				 .mnt_id = -1,
				 .ino = rec->ino,
				 .has_ino = true,
				 .lock = ' ',
				 .eventfd_id = rec->eventfd_id};
	of->has_fdinfo = true;
	of->mode = mode_char(rec->f_mode & 1, rec->f_mode & 2);
	return true;
}

/*
 * Per fd: readlink, and an lstat of the magic link whose mode bits are the open mode (or
 * both from rec, the BPF iterator's record). Then only what the row needs: a stat of the
 * target (not for sockets; once per process for pipes, whose device is pipefs), and fdinfo
 * for offsets of devices, anon inode details, files with a lock somewhere (per /proc/locks),
 * and files on network filesystems (for the inode).
 */
static int read_fd(struct reader *r, int fddir, int infodir, int fd, const struct fdt_record *rec,
		   const char *link)
{
	char num[16], buf[4096];
	ssize_t n;
	struct stat lst;
	struct open_file *of = add(r);

	if (!of)
		return -ENOMEM;
	of->slot = OF_FD;
	of->fd = fd;
	snprintf(num, sizeof(num), "%d", fd);
	n = rec ? 0 : proc_readlink(fddir, num, buf, sizeof(buf));
	if (n < 0) {
		if (n == -ESRCH) { /* closed since the listing */
			r->pf->n--;
			return 0;
		}
		of->err = (int)n;
		return 0;
	}
	of->name = strdup(rec ? link : buf);
	if (!of->name)
		return -ENOMEM;
	of->kind = of_kind_from_link(of->name, &of->sock_ino);
	/* the open mode: from fdinfo when the row needs it anyway, else from the link's mode */
	if ((r->flags & PF_FDINFO) || (of->kind == OFK_ANON && !eventfd_from_record(of, rec)))
		read_fdinfo(of, infodir, num);
	/* socket files are always opened read-write (sock_alloc_file) */
	if (of->kind == OFK_SOCK && !of->has_fdinfo)
		of->mode = 'u';
	else if (!of->has_fdinfo && rec)
		of->mode = mode_char(rec->f_mode & 1, rec->f_mode & 2);
	else if (!of->has_fdinfo && fstatat(fddir, num, &lst, AT_SYMLINK_NOFOLLOW) == 0)
		of->mode = mode_char(lst.st_mode & S_IRUSR, lst.st_mode & S_IWUSR);

	switch (of->kind) {
	case OFK_SOCK:
		of->ino = of->sock_ino;
		return 0;
	case OFK_PIPE:
		of->ino = of->sock_ino;
		if (r->pipe_dev_known) {
			of->has_stat = true;
			of->dev_major = r->pipe_major;
			of->dev_minor = r->pipe_minor;
			of->nlink = 1;
			return 0;
		}
		stat_link(r, fddir, num, of, NULL, rec);
		if (of->has_stat) {
			r->pipe_dev_known = true;
			r->pipe_major = of->dev_major;
			r->pipe_minor = of->dev_minor;
		}
		return 0;
	case OFK_ANON:
		/* most anon fds share one inode: reuse its stat when fdinfo names the same one */
		if (r->anon.has_stat && of->has_fdinfo && of->fi.has_ino &&
		    of->fi.ino == r->anon.ino && of->fi.mnt_id == r->anon_mnt_id) {
			of->has_stat = true;
			of->dev_major = r->anon.dev_major;
			of->dev_minor = r->anon.dev_minor;
			of->rdev_major = r->anon.rdev_major;
			of->rdev_minor = r->anon.rdev_minor;
			of->size = r->anon.size;
			of->ino = r->anon.ino;
			of->nlink = r->anon.nlink;
			return 0;
		}
		stat_link(r, fddir, num, of, NULL, rec);
		if (of->has_stat && of->has_fdinfo && of->fi.has_ino && of->fi.ino == of->ino) {
			r->anon = *of;
			r->anon.name = NULL;
			r->anon_mnt_id = of->fi.mnt_id;
		}
		return 0;
	default:
		break;
	}
	strip_deleted(of);
	const struct mount_entry *m = NULL;

	if (of->name[0] == '/' && of->kind != OFK_MEMFD)
		m = mount_find_path(mounts(r), of->name);
	stat_link(r, fddir, num, of, m, rec);
	if (of->remote) {
		read_fdinfo(of, infodir, num);
		if (of->has_fdinfo && of->fi.has_ino)
			of->ino = of->fi.ino;
		if (of->kind == OFK_UNKNOWN)
			of->kind = OFK_REG;
		return 0;
	}
	if (of->kind == OFK_CHR || of->kind == OFK_BLK ||
	    (of->has_stat && lock_set_has(locks(r), of->dev_major, of->dev_minor, of->ino)))
		read_fdinfo(of, infodir, num);
	return 0;
}

struct fd_job {
	struct reader r;      /* shares the loaded mounts and locks, read-only */
	struct proc_files pf; /* this slice's files */
	const int *fds;
	size_t n;
	int fddir, infodir;
	int ret;
};

static void *fd_worker(void *arg)
{
	struct fd_job *j = arg;

	for (size_t i = 0; j->ret == 0 && i < j->n; i++)
		j->ret = read_fd(&j->r, j->fddir, j->infodir, j->fds[i], NULL, NULL);
	return NULL;
}

/* Threads for a process with many fds: each fd costs a few /proc syscalls and nothing else,
 * so slices on several CPUs finish in a fraction of the time. */
static size_t worker_count(size_t nfds)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = nfds / 2048;

	if (cpus < 1)
		cpus = 1;
	if (n > (size_t)cpus)
		n = (size_t)cpus;
	return n > 8 ? 8 : n < 1 ? 1 : n;
}

static int read_fd_slices(struct reader *r, const int *fds, size_t n, int fddir, int infodir)
{
	size_t k = worker_count(n), per = (n + k - 1) / k, total = 0;
	struct fd_job jobs[8];
	pthread_t tids[8];
	bool started[8] = {false};
	int ret = 0;

	(void)mounts(r); /* loaded once, before sharing */
	(void)locks(r);
	for (size_t i = 0; i < k; i++) {
		size_t from = i * per < n ? i * per : n;

		jobs[i] = (struct fd_job){.r = *r,
					  .fds = fds + from,
					  .n = from + per < n ? per : n - from,
					  .fddir = fddir,
					  .infodir = infodir};
		jobs[i].r.pf = &jobs[i].pf;
		jobs[i].r.cap = 0;
		if (reserve(&jobs[i].r, jobs[i].n) < 0)
			jobs[i].ret = -ENOMEM;
	}
	for (size_t i = 1; i < k; i++)
		started[i] = pthread_create(&tids[i], NULL, fd_worker, &jobs[i]) == 0;
	fd_worker(&jobs[0]);
	for (size_t i = 1; i < k; i++) {
		if (started[i])
			pthread_join(tids[i], NULL);
		else
			fd_worker(&jobs[i]);
	}
	for (size_t i = 0; i < k; i++) {
		if (jobs[i].ret < 0 && ret == 0)
			ret = jobs[i].ret;
		total += jobs[i].pf.n;
	}
	struct proc_files *pf = r->pf;
	struct open_file *v = ret ? NULL : realloc(pf->v, (pf->n + total) * sizeof(*v));

	if (!ret && !v)
		ret = -ENOMEM;
	for (size_t i = 0; i < k; i++) {
		if (ret == 0) {
			memcpy(v + pf->n, jobs[i].pf.v, jobs[i].pf.n * sizeof(*v));
			pf->v = v;
			pf->n += jobs[i].pf.n;
			r->cap = pf->n;
			free(jobs[i].pf.v);
		} else {
			proc_files_free(&jobs[i].pf);
		}
	}
	return ret;
}

/* Below this many fds, loading the BPF program costs about what the /proc calls it saves
 * (measured even at ~250 fds: 18 ms either way, mostly start-up). */
#define FDT_BPF_MIN_FDS 512

/*
 * All fds from the BPF iterator's records: the link text, stat and mode come with them, so
 * only rows that need fdinfo (anon inodes but eventfds, devices, locked files) cost a system
 * call. Returns -EOPNOTSUPP, before adding anything, when the iterator cannot be used.
 */
static int read_fds_bpf(struct reader *r, int fddir, int infodir, fd_filter_fn filter, void *ud)
{
	char *buf = NULL;
	size_t len = 0;
	struct stat st;
	int ret = fdtable_bpf_read(r->pf->pid, &buf, &len);

	if (ret == -EOPNOTSUPP)
		return ret;
	/* the iterator looked the pid up again: /proc/PID still open means it was this process */
	if (ret == 0 && fstatat(r->dirfd, "fd", &st, 0) < 0)
		ret = -ESRCH;
	struct fdt_record h;
	const char *link;

	for (size_t off = 0; ret == 0 && fdt_record_next(buf, len, &off, &h, &link);)
		if (!filter || filter(h.fd, ud)) /* without a path from the kernel: ask /proc */
			ret = read_fd(r, fddir, infodir, h.fd, link ? &h : NULL, link);
	free(buf);
	return ret == -ESRCH || ret == -ENOENT ? -ESRCH : ret;
}

/*
 * Page faults are slow on these VMs (~25 us each, measured: 2,340 faults were 60 ms of a
 * 120 ms run), populating pages in one madvise is ~1.5 us a page. Before reading a big fd
 * table (PF_PREFAULT): populate the heap once, so that the arrays, names and rows land in
 * memory already mapped (the caller keeps big blocks on the heap: see PF_PREFAULT).
 */
static void heap_prefault(const struct reader *r, size_t bytes)
{
	static size_t done;
	uintptr_t p, a, end;

	if (!(r->flags & PF_PREFAULT) || bytes <= done)
		return;
	p = (uintptr_t)malloc(bytes);
	if (!p)
		return;
	a = (p + 4095) & ~(uintptr_t)4095;
	end = (p + bytes) & ~(uintptr_t)4095;
	if (end > a)
		(void)madvise((void *)a, end - a, MADV_POPULATE_WRITE);
	free((void *)p);
	done = bytes;
}

/* What one fd costs in memory, all told: open_file (192 bytes), its row (208), the names,
 * the iterator's record. */
#define BYTES_PER_FD 640

static int read_fds(struct reader *r, fd_filter_fn filter, void *ud)
{
	int *fds = NULL;
	ssize_t n;
	_cleanup_close_ int fddir = -1, infodir = -1;
	size_t kept = 0;
	struct stat st;
	int ret = 0;

	fddir = openat(r->dirfd, "fd", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fddir < 0)
		return errno == ENOENT ? -ESRCH : -errno;
	infodir = openat(r->dirfd, "fdinfo", O_PATH | O_DIRECTORY | O_CLOEXEC);
	/* the size of /proc/PID/fd is its fd count (Linux 6.2): a big table goes to the BPF
	 * iterator without listing the directory, which costs as much as the iterator */
	if (fstat(fddir, &st) == 0 && st.st_size >= FDT_BPF_MIN_FDS) {
		heap_prefault(r, (size_t)st.st_size * BYTES_PER_FD);
		ret = read_fds_bpf(r, fddir, infodir, filter, ud);
		if (ret != -EOPNOTSUPP)
			return ret;
		ret = 0;
	}
	n = proc_list_numeric(r->dirfd, "fd", &fds);
	if (n < 0)
		return (int)n;
	for (ssize_t i = 0; i < n; i++)
		if (!filter || filter(fds[i], ud))
			fds[kept++] = fds[i];
	if (kept >= FDT_BPF_MIN_FDS)
		heap_prefault(r, kept * BYTES_PER_FD);
	ret = reserve(r, kept);
	if (ret == 0 && worker_count(kept) > 1)
		ret = read_fd_slices(r, fds, kept, fddir, infodir);
	else
		for (size_t i = 0; ret == 0 && i < kept; i++)
			ret = read_fd(r, fddir, infodir, fds[i], NULL, NULL);
	free(fds);
	return ret;
}

int proc_files_remote_timeout_ms;

/* The magic-link path of a file: "cwd", "root", "exe", "fd/N"; NULL for mem rows. */
static const char *link_path(const struct open_file *of, char *buf, size_t len)
{
	static const char *const special[] = {
	    [OF_CWD] = "cwd", [OF_RTD] = "root", [OF_TXT] = "exe"};

	if (of->slot == OF_FD) {
		snprintf(buf, len, "fd/%d", of->fd);
		return buf;
	}
	return of->slot <= OF_TXT ? special[of->slot] : NULL;
}

/*
 * Files on network filesystems are stat'ed in a child process, which is killed when it has
 * not answered within the timeout: a thread stuck on a dead server could not be abandoned,
 * a child can. Files without an answer stay without size.
 */
static void stat_remote(struct reader *r)
{
	struct proc_files *pf = r->pf;
	size_t n = 0;
	int p[2];
	pid_t child;

	for (size_t i = 0; i < pf->n; i++)
		n += pf->v[i].remote && !pf->v[i].has_stat && pf->v[i].slot != OF_MEM;
	if (n == 0 || pipe2(p, O_CLOEXEC) < 0)
		return;
	child = fork();
	if (child < 0) {
		close(p[0]);
		close(p[1]);
		return;
	}
	if (child == 0) {
		close(p[0]);
		for (size_t i = 0; i < pf->n; i++) {
			const struct open_file *of = &pf->v[i];
			char buf[32];
			const char *path = link_path(of, buf, sizeof(buf));
			struct {
				size_t index;
				struct stat st;
			} rec = {.index = i};

			if (!of->remote || of->has_stat || !path ||
			    fstatat(r->dirfd, path, &rec.st, 0))
				continue;
			if (write(p[1], &rec, sizeof(rec)) != (ssize_t)sizeof(rec))
				_exit(1);
		}
		_exit(0);
	}
	close(p[1]);
	for (;;) {
		struct pollfd pfd = {.fd = p[0], .events = POLLIN};
		struct {
			size_t index;
			struct stat st;
		} rec;

		if (poll(&pfd, 1, proc_files_remote_timeout_ms) <= 0)
			break; /* timed out: the rest stays unknown */
		if (read(p[0], &rec, sizeof(rec)) != (ssize_t)sizeof(rec))
			break; /* done */
		if (rec.index < pf->n) {
			struct open_file *of = &pf->v[rec.index];

			if (of->slot == OF_FD)
				of->kind = OFK_UNKNOWN; /* guessed REG; the mode tells */
			fill_stat(of, &rec.st);
			of->remote = true;
		}
	}
	close(p[0]);
	kill(child, SIGKILL);
	/* reaped now if it finished; one stuck in the kernel is left to init */
	(void)waitpid(child, NULL, WNOHANG);
}

int proc_files_read(int dirfd, pid_t pid, unsigned int flags, fd_filter_fn filter, void *ud,
		    struct proc_files *ret)
{
	struct proc_files pf = {.pid = pid};
	struct reader r = {.dirfd = dirfd, .flags = flags, .pf = &pf};
	char buf[1024];
	struct pid_stat ps;
	struct stat st;
	ssize_t n;
	int err = 0;

	n = proc_read_file(dirfd, "stat", buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	if (pid_stat_parse(buf, &ps) < 0)
		return -EINVAL;
	memcpy(pf.comm, ps.comm, sizeof(pf.comm));
	pf.ppid = ps.ppid;
	pf.pgrp = ps.pgrp;
	if (fstat(dirfd, &st) < 0)
		return -errno;
	pf.uid = st.st_uid;
	if (proc_readlink(dirfd, "ns/net", pf.netns, sizeof(pf.netns)) < 0)
		pf.netns[0] = '\0';

	if (!(flags & PF_FDS_ONLY)) {
		static const struct {
			enum of_slot slot;
			const char *path;
		} special[] = {{OF_CWD, "cwd"}, {OF_RTD, "root"}, {OF_TXT, "exe"}};

		for (size_t i = 0; !err && i < sizeof(special) / sizeof(special[0]); i++)
			err = read_special(&r, special[i].slot, special[i].path);
		if (!err && !(flags & PF_NO_MAPS))
			err = read_maps(&r);
	}
	if (!err) {
		err = read_fds(&r, filter, ud);
		if (!err && proc_files_remote_timeout_ms > 0)
			stat_remote(&r);
		/* no permission to list fds: one row saying so, as lsof does */
		if (err == -EACCES || err == -EPERM) {
			struct open_file *of = add(&r);

			if (of) {
				of->slot = OF_FD;
				of->err = err;
				of->fd = -1;
			}
			err = 0;
		}
	}
	mount_table_free(&r.mounts);
	lock_set_free(&r.locks);
	if (err) {
		proc_files_free(&pf);
		return err;
	}
	*ret = pf;
	return 0;
}

void proc_files_free(struct proc_files *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].name);
	free(p->v);
	*p = (struct proc_files){0};
}
