/* open flag corners: __O_TMPFILE and __O_SYNC alone, every bit set (unknown rest in hex),
 * modes cut to 16 bits. */
/* TRACE: -e trace=open,creat,umask */
#include "filetests.h"

int main(void)
{
	long rc;
	char ret[32];
	/* the bits strace names, the kernel's values (O_LARGEFILE is 0 in glibc on x86_64) */
	unsigned known = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK |
			 O_SYNC | O_DIRECT | 0100000 | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH |
			 O_TMPFILE | FASYNC;

	rc = syscall(__NR_open, "/nonexistent/x", 020000000 | O_RDWR, 0644);
	line(sprintrc(rc), "open(\"/nonexistent/x\", O_RDWR|__O_TMPFILE, 0644)");
	rc = syscall(__NR_open, "/nonexistent/x", 04000000 | FASYNC | O_WRONLY);
	line(sprintrc(rc), "open(\"/nonexistent/x\", O_WRONLY|__O_SYNC|FASYNC)");
	rc = syscall(__NR_open, "/nonexistent/x", 0xffffffff, 0xffffffff);
	line(sprintrc(rc),
	     "open(\"/nonexistent/x\", O_ACCMODE|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|"
	     "O_NONBLOCK|O_SYNC|O_DIRECT|O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|"
	     "O_TMPFILE|FASYNC|%#x, 0177777)",
	     ~known);
	rc = syscall(__NR_creat, "/nonexistent/x", 0xffffffff);
	line(sprintrc(rc), "creat(\"/nonexistent/x\", 0177777)");
	rc = syscall(__NR_umask, 0xffffffff);
	snprintf(ret, sizeof(ret), "%#lo", rc);
	line(ret, "umask(0177777)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
