/* openat2: struct open_how (mode only with O_CREAT/O_TMPFILE or when set), RESOLVE_ flags,
 * the address for a size below the first version, extra non-zero bytes in hex. */
/* TRACE: -P f -P /nonexistent -e trace=openat2 */
#include "filetests.h"
#include <linux/openat2.h>

int main(void)
{
	struct open_how *how = tail_alloc(sizeof(*how));
	char *big = tail_alloc(sizeof(*how) + 8);
	long rc;

	how->flags = O_RDWR | O_CREAT | O_CLOEXEC;
	how->mode = 0600;
	how->resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
	rc = syscall(__NR_openat2, AT_FDCWD, "f", how, sizeof(*how));
	if (rc < 0 && errno == ENOSYS)
		skip("no openat2");
	line(sprintrc(rc), "openat2(AT_FDCWD, \"f\", {flags=O_RDWR|O_CREAT|O_CLOEXEC, mode=0600, "
			   "resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24)");
	if (rc >= 0)
		close((int)rc);
	how->flags = O_RDONLY;
	how->mode = 0;
	how->resolve = 0;
	rc = syscall(__NR_openat2, AT_FDCWD, "/nonexistent", how, sizeof(*how));
	line(sprintrc(rc), "openat2(AT_FDCWD, \"/nonexistent\", {flags=O_RDONLY, resolve=0}, 24)");
	how->mode = 0644;
	how->resolve = 0x80;
	rc = syscall(__NR_openat2, AT_FDCWD, "f", how, sizeof(*how));
	line(sprintrc(rc), "openat2(AT_FDCWD, \"f\", {flags=O_RDONLY, mode=0644, resolve=0x80 /* "
			   "RESOLVE_??? */}, 24)");
	rc = syscall(__NR_openat2, AT_FDCWD, "f", how, 16);
	line(sprintrc(rc), "openat2(AT_FDCWD, \"f\", %p, 16)", (void *)how);
	memset(big, 0, sizeof(*how) + 8);
	((struct open_how *)big)->flags = O_WRONLY;
	big[sizeof(*how) + 2] = 1;
	rc = syscall(__NR_openat2, AT_FDCWD, "f", big, sizeof(*how) + 8);
	line(sprintrc(rc),
	     "openat2(AT_FDCWD, \"f\", {flags=O_WRONLY, resolve=0, /* bytes 24..31 */ "
	     "\"\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\"}, 32)");
	rc = syscall(__NR_openat2, AT_FDCWD, "f", (char *)how + 8, sizeof(*how));
	line(sprintrc(rc), "openat2(AT_FDCWD, \"f\", %p, 24)", (char *)how + 8);
	unlink("f");
	printf("+++ exited with 0 +++\n");
	return 0;
}
