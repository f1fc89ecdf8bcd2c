/* -v: every field of struct stat, times with their date in a comment; devices by makedev. */
/* TRACE: -v -P /dev/zero -P stat-v-file -e trace=newfstatat,fstat */
#include "filetests.h"

int main(void)
{
	struct stat *st = tail_alloc(sizeof(*st));
	long rc;

	rc = syscall(__NR_newfstatat, AT_FDCWD, "/dev/zero", st, 0);
	line(sprintrc(rc), "newfstatat(AT_FDCWD, \"/dev/zero\", %s, 0)", sstat(st, 1));
	int fd = open("stat-v-file", O_RDWR | O_CREAT, 0600);
	struct timespec ts[2] = {{1, 2}, {1700000000, 123456789}};
	futimens(fd, ts);
	rc = syscall(__NR_newfstatat, AT_FDCWD, "stat-v-file", st, 0);
	line(sprintrc(rc), "newfstatat(AT_FDCWD, \"stat-v-file\", %s, 0)", sstat(st, 1));
	ts[0].tv_sec = 0;
	ts[0].tv_nsec = 0;
	futimens(fd, ts);
	rc = syscall(__NR_newfstatat, AT_FDCWD, "stat-v-file", st, 0);
	line(sprintrc(rc), "newfstatat(AT_FDCWD, \"stat-v-file\", %s, 0)", sstat(st, 1));
	unlink("stat-v-file");
	printf("+++ exited with 0 +++\n");
	return 0;
}
