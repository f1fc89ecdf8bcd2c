/* -y: AT_FDCWD<cwd> and the fd returned by openat decorated with its path. */
/* TRACE: -y -P /dev/zero -P x -e trace=openat */
#include "filetests.h"
#include <limits.h>

int main(void)
{
	char cwd[PATH_MAX];
	long rc;

	if (!getcwd(cwd, sizeof(cwd)))
		fail("getcwd");
	rc = syscall(__NR_openat, AT_FDCWD, "/dev/zero", O_WRONLY | O_CLOEXEC);
	char ret[64];
	snprintf(ret, sizeof(ret), "%ld</dev/zero>", rc);
	line(ret, "openat(AT_FDCWD<%s>, \"/dev/zero\", O_WRONLY|O_CLOEXEC)", cwd);
	long rc2 = syscall(__NR_openat, (int)rc, "x", O_RDONLY);
	line(sprintrc(rc2), "openat(%ld</dev/zero>, \"x\", O_RDONLY)", rc);
	printf("+++ exited with 0 +++\n");
	return 0;
}
