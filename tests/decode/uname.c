/* uname (abbreviated), sysinfo, getrandom (bytes in hex). */
/* TRACE: -e trace=uname,sysinfo,getrandom */
/* (stdout gets a static buffer first: malloc's first call asks getrandom for its key) */
#include "tests.h"
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

int main(void)
{
	char line[1024];
	struct utsname *u = tail_alloc(sizeof(*u));
	struct sysinfo *si = tail_alloc(sizeof(*si));
	unsigned char *buf = tail_alloc(8);
	long rc;
	static char obuf[1 << 16];

	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));

	rc = syscall(__NR_uname, u);
	snprintf(line, sizeof(line), "uname({sysname=%s, ", quote(u->sysname, strlen(u->sysname)));
	snprintf(line + strlen(line), sizeof(line) - strlen(line), "nodename=%s, ...})",
		 quote(u->nodename, strlen(u->nodename)));
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_uname, (char *)u + 1);
	snprintf(line, sizeof(line), "uname(%p)", (void *)((char *)u + 1));
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_sysinfo, si);
	snprintf(line, sizeof(line),
		 "sysinfo({uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, sharedram=%lu, "
		 "bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, totalhigh=%lu, freehigh=%lu, "
		 "mem_unit=%u})",
		 si->uptime, si->loads[0], si->loads[1], si->loads[2], si->totalram, si->freeram,
		 si->sharedram, si->bufferram, si->totalswap, si->freeswap, si->procs, si->totalhigh,
		 si->freehigh, si->mem_unit);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_getrandom, buf, 8, GRND_NONBLOCK);
	snprintf(line, sizeof(line), "getrandom(\"");
	for (int i = 0; i < 8; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "\\x%02x", buf[i]);
	snprintf(line + strlen(line), sizeof(line) - strlen(line), "\", 8, GRND_NONBLOCK)");
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_getrandom, buf, 16, GRND_RANDOM | GRND_INSECURE);
	snprintf(line, sizeof(line), "getrandom(%p, 16, GRND_RANDOM|GRND_INSECURE)", (void *)buf);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_getrandom, buf, 0, 0x10);
	snprintf(line, sizeof(line), "getrandom(%p, 0, 0x10 /* GRND_??? */)", (void *)buf);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
