/* utimensat, utimes, futimesat, utime: time pairs with their dates in comments,
 * UTIME_NOW and UTIME_OMIT by name. */
/* TRACE: -e trace=utimensat,utimes,futimesat,utime */
#include "filetests.h"
#include <sys/time.h>
#include <utime.h>

int main(void)
{
	struct timespec *ts = tail_alloc(2 * sizeof(*ts));
	struct timeval *tv = tail_alloc(2 * sizeof(*tv));
	struct utimbuf *ub = tail_alloc(sizeof(*ub));
	long rc;

	close(open("f", O_CREAT | O_WRONLY, 0600));
	ts[0].tv_sec = 1700000000;
	ts[0].tv_nsec = 123456789;
	ts[1].tv_sec = 0;
	ts[1].tv_nsec = 0;
	rc = syscall(__NR_utimensat, AT_FDCWD, "f", ts, 0);
	line(sprintrc(rc),
	     "utimensat(AT_FDCWD, \"f\", [{tv_sec=1700000000, tv_nsec=123456789}%s, "
	     "{tv_sec=0, tv_nsec=0}], 0)",
	     tcomment(1700000000, 123456789, 9));
	ts[0].tv_nsec = UTIME_NOW;
	ts[1].tv_nsec = UTIME_OMIT;
	rc = syscall(__NR_utimensat, AT_FDCWD, "f", ts, AT_SYMLINK_NOFOLLOW);
	line(sprintrc(rc),
	     "utimensat(AT_FDCWD, \"f\", [UTIME_NOW, UTIME_OMIT], AT_SYMLINK_NOFOLLOW)");
	rc = syscall(__NR_utimensat, AT_FDCWD, "f", NULL, 0);
	line(sprintrc(rc), "utimensat(AT_FDCWD, \"f\", NULL, 0)");
	rc = syscall(__NR_utimensat, -1, "f", (char *)ts + 8, 0x4000);
	line(sprintrc(rc), "utimensat(-1, \"f\", %p, 0x4000 /* AT_??? */)", (char *)ts + 8);
	tv[0].tv_sec = 1;
	tv[0].tv_usec = 2;
	tv[1].tv_sec = 1600000000;
	tv[1].tv_usec = 0;
	rc = syscall(__NR_utimes, "f", tv);
	line(sprintrc(rc),
	     "utimes(\"f\", [{tv_sec=1, tv_usec=2}%s, {tv_sec=1600000000, tv_usec=0}%s])",
	     tcomment(1, 2, 6), tcomment(1600000000, 0, 6));
	rc = syscall(__NR_futimesat, AT_FDCWD, "/nonexistent", NULL);
	line(sprintrc(rc), "futimesat(AT_FDCWD, \"/nonexistent\", NULL)");
	ub->actime = 1500000000;
	ub->modtime = 0;
	rc = syscall(__NR_utime, "f", ub);
	line(sprintrc(rc), "utime(\"f\", {actime=1500000000%s, modtime=0})",
	     tcomment(1500000000, 0, 0));
	unlink("f");
	printf("+++ exited with 0 +++\n");
	return 0;
}
