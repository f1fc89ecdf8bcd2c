/* -X verbose: open flags as a number with the names in a comment. */
/* TRACE: -X verbose -P x -e trace=openat */
#include "filetests.h"

int main(void)
{
	long rc = syscall(__NR_openat, -1, "x", O_WRONLY | O_CLOEXEC);
	line(sprintrc(rc), "openat(-1, \"x\", 0x80001 /* O_WRONLY|O_CLOEXEC */)");
	rc = syscall(__NR_openat, -1, "x", O_RDONLY);
	line(sprintrc(rc), "openat(-1, \"x\", 0 /* O_RDONLY */)");
	rc = syscall(__NR_openat, -1, "x", O_WRONLY | O_CREAT, 0640);
	line(sprintrc(rc), "openat(-1, \"x\", 0x41 /* O_WRONLY|O_CREAT */, 0640)");
	rc = syscall(__NR_openat, AT_FDCWD, "x", O_RDONLY);
	line(sprintrc(rc), "openat(-100 /* AT_FDCWD */, \"x\", 0 /* O_RDONLY */)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
