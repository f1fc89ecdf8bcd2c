/* setxattrat, getxattrat, listxattrat, removexattrat (Linux 6.13), printed as current
 * strace does: struct xattr_args with the value, the value at exit for getxattrat. */
/* TRACE: -e trace=setxattrat,getxattrat,listxattrat,removexattrat */
#include "filetests.h"

#ifndef __NR_setxattrat
#define __NR_setxattrat	   463
#define __NR_getxattrat	   464
#define __NR_listxattrat   465
#define __NR_removexattrat 466
#endif

struct xargs {
	unsigned long long value;
	unsigned size, flags;
};

int main(void)
{
	struct xargs *a = tail_alloc(sizeof(*a));
	char *buf = tail_alloc(64);
	long rc;

	close(open("f", O_CREAT | O_WRONLY, 0600));
	a->value = (unsigned long)"val";
	a->size = 3;
	a->flags = 1;
	rc = syscall(__NR_setxattrat, AT_FDCWD, "f", 0, "user.a", a, sizeof(*a));
	if (rc < 0 && errno == ENOSYS)
		skip("no setxattrat");
	if (rc < 0 && errno == EOPNOTSUPP)
		skip("no user xattrs here");
	line(sprintrc(rc), "setxattrat(AT_FDCWD, \"f\", 0, \"user.a\", {value=\"val\", size=3, "
			   "flags=XATTR_CREATE}, 16)");
	a->value = (unsigned long)buf;
	a->size = 64;
	a->flags = 0;
	rc = syscall(__NR_getxattrat, AT_FDCWD, "f", AT_SYMLINK_NOFOLLOW, "user.a", a, sizeof(*a));
	line(sprintrc(rc),
	     "getxattrat(AT_FDCWD, \"f\", AT_SYMLINK_NOFOLLOW, \"user.a\", {value=\"val\", "
	     "size=64, flags=0}, 16)");
	a->size = 0;
	rc = syscall(__NR_getxattrat, AT_FDCWD, "f", 0, "user.a", a, sizeof(*a));
	line(sprintrc(rc),
	     "getxattrat(AT_FDCWD, \"f\", 0, \"user.a\", {value=%p, size=0, flags=0}, 16)", buf);
	rc = syscall(__NR_getxattrat, AT_FDCWD, "f", 0, "user.a", a, 8);
	line(sprintrc(rc), "getxattrat(AT_FDCWD, \"f\", 0, \"user.a\", %p, 8)", (void *)a);
	rc = syscall(__NR_listxattrat, AT_FDCWD, "f", 0, buf, 64);
	line(sprintrc(rc), "listxattrat(AT_FDCWD, \"f\", 0, %s, 64)", quote(buf, (size_t)rc));
	rc = syscall(__NR_removexattrat, AT_FDCWD, "f", 0x4, "user.a");
	line(sprintrc(rc), "removexattrat(AT_FDCWD, \"f\", 0x4 /* AT_??? */, \"user.a\")");
	rc = syscall(__NR_removexattrat, AT_FDCWD, "f", 0, "user.a");
	line(sprintrc(rc), "removexattrat(AT_FDCWD, \"f\", 0, \"user.a\")");
	unlink("f");
	printf("+++ exited with 0 +++\n");
	return 0;
}
