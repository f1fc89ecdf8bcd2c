/* process ids: getpid, getppid, gettid, getpgid, setpgid, getpgrp, getsid, setsid. */
/* TRACE: -e trace=getpid,getppid,gettid,getpgid,setpgid,getpgrp,getsid,setsid */
#include "tests.h"
#include <sys/syscall.h>

int main(void)
{
	char line[256], ret[32];
	long rc;

#define ID0(name)                              \
	rc = syscall(__NR_##name);             \
	snprintf(ret, sizeof(ret), "%ld", rc); \
	print_line("", #name "()", ret)
	ID0(getpid);
	ID0(getppid);
	ID0(gettid);
	ID0(getpgrp);
	rc = syscall(__NR_getpgid, 0);
	print_line("", "getpgid(0)", sprintrc(rc));
	rc = syscall(__NR_getpgid, -1);
	print_line("", "getpgid(-1)", sprintrc(rc));
	rc = syscall(__NR_getsid, 0);
	print_line("", "getsid(0)", sprintrc(rc));
	long pgrp = syscall(__NR_getpgrp);
	snprintf(ret, sizeof(ret), "%ld", pgrp);
	print_line("", "getpgrp()", ret);
	rc = syscall(__NR_setpgid, 0, pgrp);
	snprintf(line, sizeof(line), "setpgid(0, %ld)", pgrp);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_setpgid, -1, 0);
	print_line("", "setpgid(-1, 0)", sprintrc(rc));
	rc = syscall(__NR_setsid);
	print_line("", "setsid()", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
