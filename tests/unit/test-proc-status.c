/* /proc/PID/status parser on a captured file and on a kernel thread's (no Vm lines). */
#include <errno.h>

#include "proc/status.h"
#include "test-proc-helpers.h"

static const char text[] =
    "Name:\tmkfds\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t19205\nNgid:\t0\n"
    "Pid:\t19205\nPPid:\t1\nTracerPid:\t0\nUid:\t0\t1000\t0\t0\nGid:\t0\t0\t0\t0\n"
    "FDSize:\t64\nGroups:\t0 \nVmPeak:\t    2468 kB\nVmSize:\t    2468 kB\nVmLck:\t       0 kB\n"
    "VmRSS:\t    1536 kB\nRssAnon:\t     104 kB\nRssFile:\t    1432 kB\nRssShmem:\t       "
    "0 kB\nVmSwap:\t       0 kB\nThreads:\t1\nSigQ:\t0/96365\n";

int main(void)
{
	struct pid_status s;
	FILE *f = text_file(text);

	CHECK(pid_status_parse(f, &s) == 0);
	fclose(f);
	CHECK_STR(s.name, "mkfds");
	CHECK_STR(s.state, "S (sleeping)");
	CHECK(s.tgid == 19205 && s.ppid == 1 && s.threads == 1 && s.fdsize == 64);
	CHECK(s.uid[0] == 0 && s.uid[1] == 1000 && s.uid[2] == 0);
	CHECK(s.vm_size == 2468 && s.vm_rss == 1536 && s.vm_swap == 0);
	CHECK(s.rss_anon == 104 && s.rss_file == 1432 && s.rss_shmem == 0);

	f = text_file("Name:\tkthreadd\nState:\tS (sleeping)\nPPid:\t0\nThreads:\t1\n");
	CHECK(pid_status_parse(f, &s) == 0);
	fclose(f);
	CHECK(s.vm_rss == -1 && s.vm_size == -1 && s.rss_anon == -1);

	f = text_file("State:\tS\n");
	CHECK(pid_status_parse(f, &s) == -EINVAL);
	fclose(f);
	return failures != 0;
}
