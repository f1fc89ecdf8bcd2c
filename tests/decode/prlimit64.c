/* getrlimit, setrlimit, prlimit64: RLIMIT_* names, limits as N*1024 or RLIM64_INFINITY. */
/* TRACE: -e trace=getrlimit,setrlimit,prlimit64 */
#include "tests.h"
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>

static const char *lim(uint64_t v)
{
	static char buf[4][32];
	static int i;
	i = (i + 1) % 4;
	if (v == UINT64_MAX)
		snprintf(buf[i], sizeof(buf[i]), "RLIM64_INFINITY");
	else if (v > 1024 && v % 1024 == 0)
		snprintf(buf[i], sizeof(buf[i]), "%llu*1024", (unsigned long long)(v / 1024));
	else
		snprintf(buf[i], sizeof(buf[i]), "%llu", (unsigned long long)v);
	return buf[i];
}

int main(void)
{
	char line[512];
	uint64_t *r = tail_alloc(16), *old = tail_alloc(16);

	/* the dynamic loader asks for the stack limit before main: read it from /proc */
	FILE *f = fopen("/proc/self/limits", "r");
	char l[256];
	unsigned long long cur = 0, max = 0;
	while (f && fgets(l, sizeof(l), f)) {
		char c[32], m[32];
		if (sscanf(l, "Max stack size %31s %31s", c, m) == 2) {
			cur = c[0] == 'u' ? UINT64_MAX : strtoull(c, NULL, 10);
			max = m[0] == 'u' ? UINT64_MAX : strtoull(m, NULL, 10);
		}
	}
	if (f)
		fclose(f);
	snprintf(line, sizeof(line), "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=%s, rlim_max=%s})",
		 lim(cur), lim(max));
	print_line("", line, "0");

	long rc = syscall(__NR_getrlimit, RLIMIT_NOFILE, r);
	snprintf(line, sizeof(line), "getrlimit(RLIMIT_NOFILE, {rlim_cur=%s, rlim_max=%s})", lim(r[0]),
		 lim(r[1]));
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_setrlimit, RLIMIT_NOFILE, r);
	snprintf(line, sizeof(line), "setrlimit(RLIMIT_NOFILE, {rlim_cur=%s, rlim_max=%s})", lim(r[0]),
		 lim(r[1]));
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_prlimit64, 0, RLIMIT_STACK, NULL, old);
	snprintf(line, sizeof(line), "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=%s, rlim_max=%s})",
		 lim(old[0]), lim(old[1]));
	print_line("", line, sprintrc(rc));
	r[0] = 0;
	r[1] = UINT64_MAX;
	rc = syscall(__NR_prlimit64, 0, RLIMIT_CORE, r, old);
	snprintf(line, sizeof(line),
		 "prlimit64(0, RLIMIT_CORE, {rlim_cur=0, rlim_max=RLIM64_INFINITY}, {rlim_cur=%s, rlim_max=%s})",
		 lim(old[0]), lim(old[1]));
	print_line("", line, sprintrc(rc));

	/* failures */
	rc = syscall(__NR_getrlimit, 16, r);
	snprintf(line, sizeof(line), "getrlimit(0x10 /* RLIMIT_??? */, %p)", (void *)r);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_prlimit64, 0x7fffffff, RLIMIT_AS, NULL, old);
	snprintf(line, sizeof(line), "prlimit64(2147483647, RLIMIT_AS, NULL, %p)", (void *)old);
	print_line("", line, sprintrc(rc));
	void *bad = (char *)r + 16;
	rc = syscall(__NR_setrlimit, RLIMIT_CPU, bad);
	snprintf(line, sizeof(line), "setrlimit(RLIMIT_CPU, %p)", bad);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
