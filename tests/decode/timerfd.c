/* timerfd_create, timerfd_settime (old value at exit), timerfd_gettime. */
/* TRACE: -e trace=timerfd_create,timerfd_settime,timerfd_gettime */
/* FROM: timerfd_create(0x7b */
#include "desc-tests.h"
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>

int main(void)
{
	long rc = syscall(__NR_timerfd_create, 123, 0);
	line(sprintrc(rc), "timerfd_create(0x7b /* CLOCK_??? */, 0)");
	int fd = (int)syscall(__NR_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	line(sprintrc(fd), "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK)");
	struct itimerspec *its = tail_alloc(sizeof(*its)), *old = tail_alloc(sizeof(*old));
	*its = (struct itimerspec){{1, 2}, {1000, 0}};
	rc = syscall(__NR_timerfd_settime, fd, 0, its, old);
	line(sprintrc(rc), "timerfd_settime(%d, 0, {it_interval={tv_sec=1, tv_nsec=2}, "
			   "it_value={tv_sec=1000, tv_nsec=0}}, {it_interval={tv_sec=0, tv_nsec=0}, "
			   "it_value={tv_sec=0, tv_nsec=0}})", fd);
	*its = (struct itimerspec){{0, 0}, {0, 0}};
	rc = syscall(__NR_timerfd_settime, fd, TFD_TIMER_ABSTIME, its, NULL);
	line(sprintrc(rc), "timerfd_settime(%d, TFD_TIMER_ABSTIME, {it_interval={tv_sec=0, "
			   "tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, NULL)", fd);
	rc = syscall(__NR_timerfd_settime, fd, 0, its + 1, old);
	line(sprintrc(rc), "timerfd_settime(%d, 0, %p, %p)", fd, (void *)(its + 1), (void *)old);
	rc = syscall(__NR_timerfd_gettime, fd, old);
	line(sprintrc(rc), "timerfd_gettime(%d, {it_interval={tv_sec=0, tv_nsec=0}, "
			   "it_value={tv_sec=0, tv_nsec=0}})", fd);
	rc = syscall(__NR_timerfd_gettime, -1, old);
	line(sprintrc(rc), "timerfd_gettime(-1, %p)", (void *)old);
	printf("+++ exited with 0 +++\n");
	return 0;
}
