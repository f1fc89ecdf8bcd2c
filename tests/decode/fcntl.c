/* fcntl: every command, with the argument each one takes and, for the "get" commands, the
 * return value's meaning after it. */
/* TRACE: -e trace=fcntl */
/* FROM: fcntl(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>

static long fc(int fd, int cmd, unsigned long a)
{
	return syscall(__NR_fcntl, fd, cmd, a);
}

int main(void)
{
	char ret[128];
	long rc = fc(-1, F_GETFD, 0);
	line(sprintrc(rc), "fcntl(-1, F_GETFD)");
	int fd = open("/dev/null", O_RDWR);
	int p[2];
	if (fd < 0 || pipe(p))
		fail("setup");

	rc = fc(fd, F_GETFD, 0);
	line(sprintrc(rc), "fcntl(%d, F_GETFD)", fd);
	rc = fc(fd, F_SETFD, FD_CLOEXEC);
	line(sprintrc(rc), "fcntl(%d, F_SETFD, FD_CLOEXEC)", fd);
	rc = fc(fd, F_GETFD, 0);
	line("0x1 (flags FD_CLOEXEC)", "fcntl(%d, F_GETFD)", fd);
	rc = fc(fd, F_SETFD, 0);
	line(sprintrc(rc), "fcntl(%d, F_SETFD, 0)", fd);

	rc = fc(fd, F_GETFL, 0);
	snprintf(ret, sizeof(ret), "%#lx (flags O_RDWR|O_LARGEFILE)", rc);
	line(ret, "fcntl(%d, F_GETFL)", fd);
	rc = fc(p[1], F_SETFL, O_NONBLOCK | O_APPEND);
	line(sprintrc(rc), "fcntl(%d, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK)", p[1]);
	rc = fc(p[1], F_GETFL, 0);
	snprintf(ret, sizeof(ret), "%#lx (flags O_WRONLY|O_APPEND|O_NONBLOCK)", rc);
	line(ret, "fcntl(%d, F_GETFL)", p[1]);
	rc = fc(-1, F_GETFL, 0);
	line(sprintrc(rc), "fcntl(-1, F_GETFL)");

	rc = fc(fd, F_DUPFD, 30);
	line(sprintrc(rc), "fcntl(%d, F_DUPFD, 30)", fd);
	rc = fc(fd, F_DUPFD_CLOEXEC, 0);
	line(sprintrc(rc), "fcntl(%d, F_DUPFD_CLOEXEC, 0)", fd);

	int tmp = open("/tmp", O_TMPFILE | O_RDWR, 0600);
	if (tmp < 0)
		fail("O_TMPFILE");
	struct flock *fl = tail_alloc(sizeof(*fl));
	*fl = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 10};
	rc = fc(tmp, F_SETLK, (unsigned long)fl);
	line(sprintrc(rc), "fcntl(%d, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=2, "
			   "l_len=10})", tmp);
	rc = fc(tmp, F_GETLK, (unsigned long)fl);
	line(sprintrc(rc), "fcntl(%d, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=2, "
			   "l_len=10, l_pid=0})", tmp);
	/* open file description locks, away from the process's lock above */
	*fl = (struct flock){.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 100, .l_len = 5};
	rc = fc(tmp, F_OFD_SETLKW, (unsigned long)fl);
	line(sprintrc(rc), "fcntl(%d, F_OFD_SETLKW, {l_type=F_RDLCK, l_whence=SEEK_SET, "
			   "l_start=100, l_len=5})", tmp);
	rc = fc(tmp, F_OFD_GETLK, (unsigned long)fl);
	line(sprintrc(rc), "fcntl(%d, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, "
			   "l_start=100, l_len=5, l_pid=0})", tmp);
	rc = fc(tmp, F_SETLKW, (unsigned long)(fl + 1));
	line(sprintrc(rc), "fcntl(%d, F_SETLKW, %p)", tmp, (void *)(fl + 1));
	rc = fc(tmp, F_GETLK, (unsigned long)(fl + 1));
	line(sprintrc(rc), "fcntl(%d, F_GETLK, %p)", tmp, (void *)(fl + 1));
	rc = fc(tmp, F_SETLK, 0);
	line(sprintrc(rc), "fcntl(%d, F_SETLK, NULL)", tmp);

	rc = fc(fd, F_SETOWN, 0);
	line(sprintrc(rc), "fcntl(%d, F_SETOWN, 0)", fd);
	rc = fc(fd, F_GETOWN, 0);
	line(sprintrc(rc), "fcntl(%d, F_GETOWN)", fd);
	struct f_owner_ex *own = tail_alloc(sizeof(*own));
	*own = (struct f_owner_ex){F_OWNER_PGRP, 0};
	rc = fc(fd, F_SETOWN_EX, (unsigned long)own);
	line(sprintrc(rc), "fcntl(%d, F_SETOWN_EX, {type=F_OWNER_PGRP, pid=0})", fd);
	rc = fc(fd, F_GETOWN_EX, (unsigned long)own);
	line(sprintrc(rc), "fcntl(%d, F_GETOWN_EX, {type=F_OWNER_PGRP, pid=0})", fd);
	rc = fc(fd, F_GETOWN_EX, (unsigned long)(own + 1));
	line(sprintrc(rc), "fcntl(%d, F_GETOWN_EX, %p)", fd, (void *)(own + 1));

	rc = fc(fd, F_SETSIG, SIGUSR2);
	line(sprintrc(rc), "fcntl(%d, F_SETSIG, SIGUSR2)", fd);
	rc = fc(fd, F_GETSIG, 0);
	snprintf(ret, sizeof(ret), "%ld (SIGUSR2)", rc);
	line(ret, "fcntl(%d, F_GETSIG)", fd);
	rc = fc(fd, F_SETSIG, 0);
	line(sprintrc(rc), "fcntl(%d, F_SETSIG, 0)", fd);
	rc = fc(fd, F_GETSIG, 0);
	line(sprintrc(rc), "fcntl(%d, F_GETSIG)", fd);

	rc = fc(tmp, F_GETLEASE, 0);
	snprintf(ret, sizeof(ret), "%#lx (F_UNLCK)", rc);
	line(ret, "fcntl(%d, F_GETLEASE)", tmp);
	rc = fc(tmp, F_SETLEASE, F_UNLCK);
	line(sprintrc(rc), "fcntl(%d, F_SETLEASE, F_UNLCK)", tmp);
	rc = fc(tmp, F_NOTIFY, DN_CREATE | DN_MULTISHOT);
	line(sprintrc(rc), "fcntl(%d, F_NOTIFY, DN_CREATE|DN_MULTISHOT)", tmp);

	rc = fc(p[0], F_GETPIPE_SZ, 0);
	line(sprintrc(rc), "fcntl(%d, F_GETPIPE_SZ)", p[0]);
	rc = fc(p[0], F_SETPIPE_SZ, 8192);
	line(sprintrc(rc), "fcntl(%d, F_SETPIPE_SZ, 8192)", p[0]);

	int mfd = (int)syscall(__NR_memfd_create, "seals", 2 /* MFD_ALLOW_SEALING */);
	if (mfd < 0)
		fail("memfd_create");
	rc = fc(mfd, F_GET_SEALS, 0);
	line(sprintrc(rc), "fcntl(%d, F_GET_SEALS)", mfd);
	rc = fc(mfd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK);
	line(sprintrc(rc), "fcntl(%d, F_ADD_SEALS, F_SEAL_SHRINK|F_SEAL_GROW)", mfd);
	rc = fc(mfd, F_GET_SEALS, 0);
	line("0x6 (seals F_SEAL_SHRINK|F_SEAL_GROW)", "fcntl(%d, F_GET_SEALS)", mfd);

	/* F_GETLK64 is 12 in the kernel; on x86_64 it reaches the default: argument in hex */
	rc = fc(fd, 12, 0x20);
	line(sprintrc(rc), "fcntl(%d, F_GETLK64, 0x20)", fd);
	rc = fc(fd, 0x999, 5);
	line(sprintrc(rc), "fcntl(%d, 0x999 /* F_??? */, 0x5)", fd);
	printf("+++ exited with 0 +++\n");
	return 0;
}
