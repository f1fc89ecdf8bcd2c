/* The xattr family: names and values as strings (-s cut, trailing NUL dropped), the value
 * and list at exit for get/list, the address when the call failed. */
/* TRACE: -s 12 -e trace=setxattr,lsetxattr,fsetxattr,getxattr,lgetxattr,fgetxattr,listxattr,llistxattr,flistxattr,removexattr,lremovexattr,fremovexattr */
#include "filetests.h"
#include <sys/xattr.h>

int main(void)
{
	char *buf = tail_alloc(64);
	long rc;
	int fd = open("f", O_CREAT | O_RDWR, 0600);

	rc = syscall(__NR_setxattr, "f", "user.test", "value\0", 6, XATTR_CREATE);
	if (rc < 0 && errno == EOPNOTSUPP)
		skip("no user xattrs on this filesystem");
	line(sprintrc(rc), "setxattr(\"f\", \"user.test\", \"value\", 6, XATTR_CREATE)");
	rc = syscall(__NR_lsetxattr, "f", "user.long", "a long value here", 17, XATTR_REPLACE);
	line(sprintrc(rc), "lsetxattr(\"f\", \"user.long\", \"a long value\"..., 17, XATTR_REPLACE)");
	rc = syscall(__NR_fsetxattr, fd, "user.long", "a long value here", 17, 0);
	line(sprintrc(rc), "fsetxattr(%d, \"user.long\", \"a long value\"..., 17, 0)", fd);
	rc = syscall(__NR_fsetxattr, fd, "user.x", buf, 70000, 4);
	line(sprintrc(rc), "fsetxattr(%d, \"user.x\", %p, 70000, 0x4 /* XATTR_??? */)", fd, buf);
	rc = syscall(__NR_getxattr, "f", "user.test", buf, 64);
	line(sprintrc(rc), "getxattr(\"f\", \"user.test\", \"value\", 64)");
	rc = syscall(__NR_lgetxattr, "f", "user.none", buf, 64);
	line(sprintrc(rc), "lgetxattr(\"f\", \"user.none\", %p, 64)", buf);
	rc = syscall(__NR_fgetxattr, fd, "user.test", NULL, 0);
	line(sprintrc(rc), "fgetxattr(%d, \"user.test\", NULL, 0)", fd);
	rc = syscall(__NR_listxattr, "f", buf, 64);
	char list[128];
	snprintf(list, sizeof(list), "%s%s", quote(buf, rc > 12 ? 12 : (size_t)rc), rc > 12 ? "..." : "");
	line(sprintrc(rc), "listxattr(\"f\", %s, 64)", list);
	rc = syscall(__NR_llistxattr, "f", NULL, 0);
	line(sprintrc(rc), "llistxattr(\"f\", NULL, 0)");
	rc = syscall(__NR_flistxattr, -1, buf, 64);
	line(sprintrc(rc), "flistxattr(-1, %p, 64)", buf);
	rc = syscall(__NR_removexattr, "f", "user.test");
	line(sprintrc(rc), "removexattr(\"f\", \"user.test\")");
	rc = syscall(__NR_lremovexattr, "f", "user.none");
	line(sprintrc(rc), "lremovexattr(\"f\", \"user.none\")");
	rc = syscall(__NR_fremovexattr, fd, NULL);
	line(sprintrc(rc), "fremovexattr(%d, NULL)", fd);
	unlink("f");
	printf("+++ exited with 0 +++\n");
	return 0;
}
