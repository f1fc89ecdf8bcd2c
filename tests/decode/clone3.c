/* clone3: struct clone_args at entry, "=> {parent_tid=[N]}" at exit. */
/* TRACE: -e trace=clone3 -e signal=none */
#include "tests.h"
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static long do_clone3(struct clone_args *a, size_t size)
{
	long rc = syscall(__NR_clone3, a, size);
	if (rc == 0)
		syscall(__NR_exit_group, 0);
	if (rc > 0)
		waitpid((pid_t)rc, NULL, __WALL);
	return rc;
}

int main(void)
{
	char line[1024];
	struct clone_args *a = tail_alloc(sizeof(*a));
	int *ptid = tail_alloc(sizeof(int));
	size_t size = sizeof(*a);

	memset(a, 0, sizeof(*a));
	a->exit_signal = SIGCHLD;
	long rc = do_clone3(a, size);
	if (rc < 0 && errno == ENOSYS)
		skip("no clone3");
	snprintf(line, sizeof(line),
		 "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, %zu)", size);
	print_line("", line, sprintrc(rc));

	memset(a, 0, sizeof(*a));
	a->flags = CLONE_PARENT_SETTID;
	a->parent_tid = (uintptr_t)ptid;
	a->exit_signal = SIGCHLD;
	rc = do_clone3(a, size);
	snprintf(line, sizeof(line),
		 "clone3({flags=CLONE_PARENT_SETTID, parent_tid=%p, exit_signal=SIGCHLD, stack=NULL, "
		 "stack_size=0} => {parent_tid=[%d]}, %zu)",
		 (void *)ptid, *ptid, size);
	print_line("", line, sprintrc(rc));

	/* failures */
	rc = syscall(__NR_clone3, NULL, size);
	snprintf(line, sizeof(line), "clone3(NULL, %zu)", size);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_clone3, a, 16);
	snprintf(line, sizeof(line), "clone3(%p, 16)", (void *)a);
	print_line("", line, sprintrc(rc));
	memset(a, 0, sizeof(*a));
	a->flags = CLONE_THREAD | CLONE_SETTLS | 0x400000000ULL;
	a->exit_signal = 0xffffffffffULL;
	a->stack = 0x1000;
	a->stack_size = 0x2000;
	a->tls = 0x3000;
	rc = syscall(__NR_clone3, a, size);
	snprintf(line, sizeof(line),
		 "clone3({flags=CLONE_THREAD|CLONE_SETTLS|0x400000000, exit_signal=1099511627775, "
		 "stack=0x1000, stack_size=0x2000, tls=0x3000}, %zu)",
		 size);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
