/* -y: pidfds from clone3 and clone (CLONE_PIDFD), and waitid(P_PIDFD). */
/* TRACE: -y -e trace=clone3,clone,waitid -e signal=none */
#include "tests.h"
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

int main(void)
{
	char line[512];
	int *pidfd = tail_alloc(sizeof(int));
	struct clone_args *a = tail_alloc(sizeof(*a));
	siginfo_t *si = tail_alloc(sizeof(*si));

	memset(a, 0, sizeof(*a));
	a->flags = CLONE_PIDFD;
	a->pidfd = (uintptr_t)pidfd;
	a->exit_signal = SIGCHLD;
	long rc = syscall(__NR_clone3, a, sizeof(*a));
	if (rc == 0)
		syscall(__NR_exit_group, 0);
	if (rc < 0)
		skip("clone3 with CLONE_PIDFD");
	snprintf(line, sizeof(line),
		 "clone3({flags=CLONE_PIDFD, pidfd=%p, exit_signal=SIGCHLD, stack=NULL, stack_size=0} "
		 "=> {pidfd=[%d<anon_inode:[pidfd]>]}, %zu)",
		 (void *)pidfd, *pidfd, sizeof(*a));
	print_line("", line, sprintrc(rc));
	pid_t pid = (pid_t)rc;
	int fd = *pidfd;
	rc = syscall(__NR_waitid, P_PIDFD, fd, si, WEXITED, NULL);
	snprintf(line, sizeof(line),
		 "waitid(P_PIDFD, %d<anon_inode:[pidfd]>, {si_signo=SIGCHLD, si_code=CLD_EXITED, "
		 "si_pid=%d, si_uid=%u, si_status=0, si_utime=0, si_stime=0}, WEXITED, NULL)",
		 fd, pid, si->si_uid);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_clone, CLONE_PIDFD | SIGCHLD, NULL, pidfd, NULL, 0);
	if (rc == 0)
		syscall(__NR_exit_group, 0);
	snprintf(line, sizeof(line),
		 "clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[%d<anon_inode:[pidfd]>])",
		 *pidfd);
	print_line("", line, sprintrc(rc));
	waitpid((pid_t)rc, NULL, 0);
	printf("+++ exited with 0 +++\n");
	return 0;
}
