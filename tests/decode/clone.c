/* clone: child_stack=, flags= with the exit signal, and the flag-dependent arguments at exit. */
/* TRACE: -e trace=clone -e signal=none */
#include "tests.h"
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static long do_clone(unsigned long flags, void *stack, int *ptid, int *ctid, unsigned long tls)
{
	long rc = syscall(__NR_clone, flags, stack, ptid, ctid, tls);
	if (rc == 0)
		syscall(__NR_exit_group, 0);
	if (rc > 0)
		waitpid((pid_t)rc, NULL, 0);
	return rc;
}

int main(void)
{
	char line[512];
	int *ptid = tail_alloc(sizeof(int));
	int *ctid = tail_alloc(sizeof(int));

	long rc = do_clone(SIGCHLD, NULL, NULL, NULL, 0);
	print_line("", "clone(child_stack=NULL, flags=SIGCHLD)", sprintrc(rc));

	rc = do_clone(CLONE_PARENT_SETTID | SIGCHLD, NULL, ptid, NULL, 0);
	snprintf(line, sizeof(line), "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[%d])",
		 *ptid);
	print_line("", line, sprintrc(rc));

	rc = do_clone(CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, NULL, NULL, ctid, 0);
	snprintf(line, sizeof(line),
		 "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
		 "child_tidptr=%p)",
		 (void *)ctid);
	print_line("", line, sprintrc(rc));

	/* failures: the exit arguments still print */
	rc = syscall(__NR_clone, CLONE_THREAD | CLONE_PARENT_SETTID, (void *)0x1000, ptid, ctid, 0);
	snprintf(line, sizeof(line),
		 "clone(child_stack=0x1000, flags=CLONE_THREAD|CLONE_PARENT_SETTID, parent_tid=%p)",
		 (void *)ptid);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_clone, CLONE_THREAD, NULL, NULL, NULL, 0);
	print_line("", "clone(child_stack=NULL, flags=CLONE_THREAD)", sprintrc(rc));
	rc = syscall(__NR_clone, CLONE_SETTLS | CLONE_THREAD | SIGRTMIN, NULL, NULL, NULL, 0x1234);
	snprintf(line, sizeof(line),
		 "clone(child_stack=NULL, flags=CLONE_THREAD|CLONE_SETTLS|SIGRT_%d, tls=0x1234)",
		 SIGRTMIN - 32);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
