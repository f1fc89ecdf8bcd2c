/* uname -v: every field. */
/* TRACE: -v -e trace=uname */
#include "tests.h"
#include <sys/syscall.h>
#include <sys/utsname.h>

int main(void)
{
	char line[2048];
	struct utsname *u = tail_alloc(sizeof(*u));
	size_t n;

	long rc = syscall(__NR_uname, u);
	n = (size_t)snprintf(line, sizeof(line), "uname({sysname=%s", quote(u->sysname, strlen(u->sysname)));
	n += (size_t)snprintf(line + n, sizeof(line) - n, ", nodename=%s", quote(u->nodename, strlen(u->nodename)));
	n += (size_t)snprintf(line + n, sizeof(line) - n, ", release=%s", quote(u->release, strlen(u->release)));
	n += (size_t)snprintf(line + n, sizeof(line) - n, ", version=%s", quote(u->version, strlen(u->version)));
	n += (size_t)snprintf(line + n, sizeof(line) - n, ", machine=%s", quote(u->machine, strlen(u->machine)));
	snprintf(line + n, sizeof(line) - n, ", domainname=%s})",
		 quote(u->domainname, strlen(u->domainname)));
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
