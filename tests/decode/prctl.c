/* prctl: the common options. */
/* TRACE: -e trace=prctl */
#include "tests.h"
#include <linux/prctl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>

int main(void)
{
	char line[512];
	char *name = tail_alloc(16);
	int *ip = tail_alloc(sizeof(int));
	long rc;

	strcpy(name, "scry-test");
	rc = syscall(__NR_prctl, PR_SET_NAME, name, 0, 0, 0);
	print_line("", "prctl(PR_SET_NAME, \"scry-test\")", sprintrc(rc));
	memset(name, 0, 16);
	rc = syscall(__NR_prctl, PR_GET_NAME, name, 0, 0, 0);
	print_line("", "prctl(PR_GET_NAME, \"scry-test\")", sprintrc(rc));
	memcpy(name, "0123456789abcdef", 16);
	rc = syscall(__NR_prctl, PR_SET_NAME, name, 0, 0, 0);
	print_line("", "prctl(PR_SET_NAME, \"0123456789abcde\"...)", sprintrc(rc));

	rc = syscall(__NR_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	print_line("", "prctl(PR_GET_DUMPABLE)", rc == 1 ? "1 (SUID_DUMP_USER)" : sprintrc(rc));
	rc = syscall(__NR_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0);
	print_line("", "prctl(PR_SET_DUMPABLE, SUID_DUMP_USER)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_SET_DUMPABLE, 7, 0, 0, 0);
	print_line("", "prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */)", sprintrc(rc));

	rc = syscall(__NR_prctl, PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
	print_line("", "prctl(PR_SET_PDEATHSIG, SIGTERM)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_GET_PDEATHSIG, ip, 0, 0, 0);
	print_line("", "prctl(PR_GET_PDEATHSIG, [SIGTERM])", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_SET_PDEATHSIG, 200, 0, 0, 0);
	print_line("", "prctl(PR_SET_PDEATHSIG, 200)", sprintrc(rc));

	rc = syscall(__NR_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	print_line("", "prctl(PR_SET_CHILD_SUBREAPER, 1)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_GET_CHILD_SUBREAPER, ip, 0, 0, 0);
	print_line("", "prctl(PR_GET_CHILD_SUBREAPER, [1])", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_GET_CHILD_SUBREAPER, ip + 1, 0, 0, 0);
	snprintf(line, sizeof(line), "prctl(PR_GET_CHILD_SUBREAPER, %p)", (void *)(ip + 1));
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_prctl, PR_CAPBSET_READ, 21 /* CAP_SYS_ADMIN */, 0, 0, 0);
	print_line("", "prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_CAPBSET_READ, 99, 0, 0, 0);
	print_line("", "prctl(PR_CAPBSET_READ, 0x63 /* CAP_??? */)", sprintrc(rc));

	rc = syscall(__NR_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	print_line("", "prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	print_line("", "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_GET_SECCOMP, 0, 0, 0, 0);
	print_line("", "prctl(PR_GET_SECCOMP)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_SET_SECCOMP, 2, NULL, 0, 0);
	print_line("", "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL)", sprintrc(rc));
	rc = syscall(__NR_prctl, PR_SET_PTRACER, -1, 0, 0, 0);
	print_line("", "prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY)", sprintrc(rc));

	rc = syscall(__NR_prctl, 0x53564d41 /* PR_SET_VMA */, 0, 0x1000, 4096, name);
	/* no NUL before the unmapped page: the string prints as its address */
	snprintf(line, sizeof(line), "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x1000, 4096, %p)", (void *)name);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_prctl, 0x7fff, 1, 2, 3, 4);
	print_line("", "prctl(0x7fff /* PR_??? */, 0x1, 0x2, 0x3, 0x4)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
