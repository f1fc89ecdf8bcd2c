/* mkdir, mkdirat, rmdir, chdir, fchdir, getcwd, umask: numeric modes, the cwd at exit. */
/* TRACE: -e trace=mkdir,mkdirat,rmdir,chdir,fchdir,getcwd,umask */
#include "filetests.h"
#include <limits.h>

int main(void)
{
	char *cwd = tail_alloc(PATH_MAX);
	char ret[64];
	long rc;

	rc = syscall(__NR_umask, 027);
	snprintf(ret, sizeof(ret), "%#lo", rc);
	line(ret, "umask(027)");
	rc = syscall(__NR_umask, 0x10022);
	snprintf(ret, sizeof(ret), "%#lo", rc);
	line(ret, "umask(%#o)", 0x10022 & 0xffff);
	rc = syscall(__NR_mkdir, "dir", 0755);
	line(sprintrc(rc), "mkdir(\"dir\", 0755)");
	rc = syscall(__NR_mkdir, "dir", 0);
	line(sprintrc(rc), "mkdir(\"dir\", 000)");
	rc = syscall(__NR_mkdirat, AT_FDCWD, "dir/sub", 01777);
	line(sprintrc(rc), "mkdirat(AT_FDCWD, \"dir/sub\", 01777)");
	rc = syscall(__NR_mkdirat, -1, "x", 0700);
	line(sprintrc(rc), "mkdirat(-1, \"x\", 0700)");
	rc = syscall(__NR_getcwd, cwd, PATH_MAX);
	line(sprintrc(rc), "getcwd(%s, %d)", quote(cwd, strlen(cwd)), PATH_MAX);
	rc = syscall(__NR_getcwd, cwd, 1);
	line(sprintrc(rc), "getcwd(%p, 1)", cwd);
	rc = syscall(__NR_chdir, "dir");
	line(sprintrc(rc), "chdir(\"dir\")");
	rc = syscall(__NR_chdir, NULL);
	line(sprintrc(rc), "chdir(NULL)");
	int fd = open("..", O_RDONLY | O_DIRECTORY);
	rc = syscall(__NR_fchdir, fd);
	line(sprintrc(rc), "fchdir(%d)", fd);
	rc = syscall(__NR_fchdir, -1);
	line(sprintrc(rc), "fchdir(-1)");
	rc = syscall(__NR_rmdir, "dir/sub");
	line(sprintrc(rc), "rmdir(\"dir/sub\")");
	rc = syscall(__NR_rmdir, "dir");
	line(sprintrc(rc), "rmdir(\"dir\")");
	rc = syscall(__NR_rmdir, "dir");
	line(sprintrc(rc), "rmdir(\"dir\")");
	printf("+++ exited with 0 +++\n");
	return 0;
}
