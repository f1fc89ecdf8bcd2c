/* open with a NULL and an unreadable path: the address instead of the string. */
/* TRACE: -e trace=open */
#include "filetests.h"

int main(void)
{
	char *unmapped = (char *)tail_alloc(1) + 1;
	long rc;

	rc = syscall(__NR_open, NULL, O_RDONLY);
	line(sprintrc(rc), "open(NULL, O_RDONLY)");
	rc = syscall(__NR_open, unmapped, O_WRONLY | O_DIRECTORY);
	line(sprintrc(rc), "open(%p, O_WRONLY|O_DIRECTORY)", unmapped);
	rc = syscall(__NR_open, unmapped, O_RDWR | O_CREAT | 0x40000000, 01777);
	line(sprintrc(rc), "open(%p, O_RDWR|O_CREAT|0x40000000, 01777)", unmapped);
	printf("+++ exited with 0 +++\n");
	return 0;
}
