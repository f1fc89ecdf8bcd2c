/* the get/set id calls: uids as unsigned or -1, [uid] outputs, group lists. */
/* TRACE: -e trace=getuid,geteuid,getgid,getegid,setuid,setgid,setreuid,setregid,setresuid,setresgid,getresuid,getresgid,setfsuid,setfsgid,getgroups,setgroups */
#include "tests.h"
#include <sys/syscall.h>

int main(void)
{
	char line[512], ret[32];
	unsigned *r = tail_alloc(4), *e = tail_alloc(4), *s = tail_alloc(4);
	unsigned uid, gid;
	long rc;

#define ID0(name)                                        \
	rc = syscall(__NR_##name);                       \
	snprintf(ret, sizeof(ret), "%ld", rc);           \
	print_line("", #name "()", ret)
	ID0(getuid);
	uid = (unsigned)rc;
	ID0(geteuid);
	ID0(getgid);
	gid = (unsigned)rc;
	ID0(getegid);

	rc = syscall(__NR_getresuid, r, e, s);
	snprintf(line, sizeof(line), "getresuid([%u], [%u], [%u])", *r, *e, *s);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_getresgid, r, e, s);
	snprintf(line, sizeof(line), "getresgid([%u], [%u], [%u])", *r, *e, *s);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_getresuid, NULL, e + 1, s);
	snprintf(line, sizeof(line), "getresuid(NULL, %p, %p)", (void *)(e + 1), (void *)s);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_setuid, uid);
	snprintf(line, sizeof(line), "setuid(%u)", uid);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_setgid, gid);
	snprintf(line, sizeof(line), "setgid(%u)", gid);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_setreuid, -1, -1);
	print_line("", "setreuid(-1, -1)", sprintrc(rc));
	rc = syscall(__NR_setregid, -1, -1);
	print_line("", "setregid(-1, -1)", sprintrc(rc));
	rc = syscall(__NR_setresuid, -1, -1, -1);
	print_line("", "setresuid(-1, -1, -1)", sprintrc(rc));
	rc = syscall(__NR_setresgid, -1, gid, -1);
	snprintf(line, sizeof(line), "setresgid(-1, %u, -1)", gid);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_setfsuid, -1);
	print_line("", "setfsuid(-1)", sprintrc(rc));
	rc = syscall(__NR_setfsgid, -1);
	print_line("", "setfsgid(-1)", sprintrc(rc));

	rc = syscall(__NR_getgroups, 0, NULL);
	print_line("", "getgroups(0, NULL)", sprintrc(rc));
	int n = (int)rc;
	unsigned *list = tail_alloc((size_t)(n ? n : 1) * sizeof(unsigned));
	rc = syscall(__NR_getgroups, n, list);
	size_t len = (size_t)snprintf(line, sizeof(line), "getgroups(%d, [", n);
	for (int i = 0; i < n && i < 32; i++)
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%u", i ? ", " : "", list[i]);
	snprintf(line + len, sizeof(line) - len, "%s])", n > 32 ? ", ..." : "");
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_getgroups, -1, list);
	snprintf(line, sizeof(line), "getgroups(-1, %p)", (void *)list);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_setgroups, n, list);
	len = (size_t)snprintf(line, sizeof(line), "setgroups(%d, [", n);
	for (int i = 0; i < n && i < 32; i++)
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%u", i ? ", " : "", list[i]);
	snprintf(line + len, sizeof(line) - len, "%s])", n > 32 ? ", ..." : "");
	print_line("", line, sprintrc(rc));
	unsigned *one = tail_alloc(sizeof(unsigned));
	*one = gid;
	rc = syscall(__NR_setgroups, 2, one);
	snprintf(line, sizeof(line), "setgroups(2, [%u, ... /* %p */])", gid, (void *)(one + 1));
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
