/* POSIX message queues: mq_open, mq_timedsend, mq_timedreceive, mq_notify, mq_getsetattr,
 * mq_unlink. */
/* TRACE: -e trace=mq_open,mq_unlink,mq_timedsend,mq_timedreceive,mq_notify,mq_getsetattr */
#include "tests.h"
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	char call[1024], name[64];
	snprintf(name, sizeof(name), "scry-mq-%d", getpid());
	struct mq_attr *attr = tail_alloc(sizeof(*attr));
	*attr = (struct mq_attr){.mq_maxmsg = 4, .mq_msgsize = 32};
	long rc = syscall(__NR_mq_open, name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600, attr);
	snprintf(call, sizeof(call),
		 "mq_open(\"%s\", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0600, {mq_flags=0, mq_maxmsg=4, "
		 "mq_msgsize=32, mq_curmsgs=0})", name);
	print_line("", call, sprintrc(rc));
	if (rc < 0)
		skip("no POSIX message queues");
	int q = (int)rc;
	rc = syscall(__NR_mq_open, "scry-no-such-queue", O_RDONLY, 0, NULL);
	print_line("", "mq_open(\"scry-no-such-queue\", O_RDONLY)", sprintrc(rc));

	char *msg = tail_alloc(3);
	memcpy(msg, "abc", 3);
	rc = syscall(__NR_mq_timedsend, q, msg, 3, 5, NULL);
	snprintf(call, sizeof(call), "mq_timedsend(%d, \"abc\", 3, 5, NULL)", q);
	print_line("", call, sprintrc(rc));
	char *buf = tail_alloc(32);
	unsigned *prio = tail_alloc(sizeof(*prio));
	rc = syscall(__NR_mq_timedreceive, q, buf, 32, prio, NULL);
	snprintf(call, sizeof(call), "mq_timedreceive(%d, \"abc\", 32, [5], NULL)", q);
	print_line("", call, sprintrc(rc));
	struct timespec *ts = tail_alloc(sizeof(*ts));
	*ts = (struct timespec){0, 0};
	rc = syscall(__NR_mq_timedreceive, q, buf, 32, prio, ts);
	snprintf(call, sizeof(call), "mq_timedreceive(%d, %p, 32, %p, {tv_sec=0, tv_nsec=0})", q,
		 (void *)buf, (void *)prio);
	print_line("", call, sprintrc(rc));

	struct sigevent *se = tail_alloc(sizeof(*se));
	memset(se, 0, sizeof(*se));
	se->sigev_notify = SIGEV_SIGNAL;
	se->sigev_signo = SIGUSR1;
	rc = syscall(__NR_mq_notify, q, se);
	snprintf(call, sizeof(call),
		 "mq_notify(%d, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL})", q);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_mq_notify, q, NULL);
	snprintf(call, sizeof(call), "mq_notify(%d, NULL)", q);
	print_line("", call, sprintrc(rc));

	struct mq_attr *old = tail_alloc(sizeof(*old));
	*attr = (struct mq_attr){.mq_flags = O_NONBLOCK};
	rc = syscall(__NR_mq_getsetattr, q, attr, old);
	snprintf(call, sizeof(call),
		 "mq_getsetattr(%d, {mq_flags=O_NONBLOCK, mq_maxmsg=0, mq_msgsize=0, "
		 "mq_curmsgs=0}, {mq_flags=0, mq_maxmsg=4, mq_msgsize=32, mq_curmsgs=0})", q);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_mq_getsetattr, -1, NULL, old);
	snprintf(call, sizeof(call), "mq_getsetattr(-1, NULL, %p)", (void *)old);
	print_line("", call, sprintrc(rc));

	close(q);
	rc = syscall(__NR_mq_unlink, name);
	snprintf(call, sizeof(call), "mq_unlink(\"%s\")", name);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
