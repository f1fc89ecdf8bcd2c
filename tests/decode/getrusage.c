/* getrusage (abbreviated and -v), getpriority, setpriority. */
/* TRACE: -v -e trace=getrusage,getpriority,setpriority */
#include "tests.h"
#include <sys/resource.h>
#include <sys/syscall.h>

int main(void)
{
	char line[1024];
	struct rusage *ru = tail_alloc(sizeof(*ru));

	long rc = syscall(__NR_getrusage, RUSAGE_SELF, ru);
	snprintf(line, sizeof(line),
		 "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=%ld, tv_usec=%ld}, ru_stime={tv_sec=%ld, "
		 "tv_usec=%ld}, ru_maxrss=%ld, ru_ixrss=%ld, ru_idrss=%ld, ru_isrss=%ld, ru_minflt=%ld, "
		 "ru_majflt=%ld, ru_nswap=%ld, ru_inblock=%ld, ru_oublock=%ld, ru_msgsnd=%ld, "
		 "ru_msgrcv=%ld, ru_nsignals=%ld, ru_nvcsw=%ld, ru_nivcsw=%ld})",
		 (long)ru->ru_utime.tv_sec, (long)ru->ru_utime.tv_usec, (long)ru->ru_stime.tv_sec,
		 (long)ru->ru_stime.tv_usec, ru->ru_maxrss, ru->ru_ixrss, ru->ru_idrss, ru->ru_isrss,
		 ru->ru_minflt, ru->ru_majflt, ru->ru_nswap, ru->ru_inblock, ru->ru_oublock,
		 ru->ru_msgsnd, ru->ru_msgrcv, ru->ru_nsignals, ru->ru_nvcsw, ru->ru_nivcsw);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_getrusage, RUSAGE_CHILDREN, NULL);
	print_line("", "getrusage(RUSAGE_CHILDREN, NULL)", sprintrc(rc));
	rc = syscall(__NR_getrusage, 5, ru);
	snprintf(line, sizeof(line), "getrusage(0x5 /* RUSAGE_??? */, %p)", (void *)ru);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_getpriority, PRIO_PROCESS, 0);
	print_line("", "getpriority(PRIO_PROCESS, 0)", sprintrc(rc));
	rc = syscall(__NR_setpriority, PRIO_PROCESS, 0, 20 - (int)rc);
	snprintf(line, sizeof(line), "setpriority(PRIO_PROCESS, 0, %d)", 0);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_getpriority, 9, -1);
	print_line("", "getpriority(0x9 /* PRIO_??? */, -1)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
