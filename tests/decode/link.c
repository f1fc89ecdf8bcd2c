/* link, linkat, symlink, symlinkat, readlink, readlinkat, unlink, unlinkat, rename,
 * renameat, renameat2: paths, AT_ and RENAME_ flags, the link target at exit (-s cut). */
/* TRACE: -s 8 -e trace=link,linkat,symlink,symlinkat,readlink,readlinkat,unlink,unlinkat,rename,renameat,renameat2 */
#include "filetests.h"

int main(void)
{
	char *buf = tail_alloc(64);
	long rc;

	close(open("f", O_CREAT | O_WRONLY, 0600));
	rc = syscall(__NR_link, "f", "g");
	line(sprintrc(rc), "link(\"f\", \"g\")");
	rc = syscall(__NR_linkat, AT_FDCWD, "f", AT_FDCWD, "h", AT_SYMLINK_FOLLOW);
	line(sprintrc(rc), "linkat(AT_FDCWD, \"f\", AT_FDCWD, \"h\", AT_SYMLINK_FOLLOW)");
	rc = syscall(__NR_linkat, -1, "f", AT_FDCWD, "h", 0x10000000);
	line(sprintrc(rc), "linkat(-1, \"f\", AT_FDCWD, \"h\", 0x10000000 /* AT_??? */)");
	rc = syscall(__NR_symlink, "a-long-symlink-target", "s");
	line(sprintrc(rc), "symlink(\"a-long-symlink-target\", \"s\")");
	rc = syscall(__NR_symlinkat, "tgt", AT_FDCWD, "s2");
	line(sprintrc(rc), "symlinkat(\"tgt\", AT_FDCWD, \"s2\")");
	rc = syscall(__NR_readlink, "s", buf, 64);
	line(sprintrc(rc), "readlink(\"s\", \"a-long-s\"..., 64)");
	rc = syscall(__NR_readlinkat, AT_FDCWD, "s2", buf, 64);
	line(sprintrc(rc), "readlinkat(AT_FDCWD, \"s2\", \"tgt\", 64)");
	rc = syscall(__NR_readlink, "f", buf, 64);
	line(sprintrc(rc), "readlink(\"f\", %p, 64)", buf);
	rc = syscall(__NR_rename, "g", "g2");
	line(sprintrc(rc), "rename(\"g\", \"g2\")");
	rc = syscall(__NR_renameat, AT_FDCWD, "g2", AT_FDCWD, "g3");
	line(sprintrc(rc), "renameat(AT_FDCWD, \"g2\", AT_FDCWD, \"g3\")");
	rc = syscall(__NR_renameat2, AT_FDCWD, "g3", AT_FDCWD, "h", RENAME_NOREPLACE);
	line(sprintrc(rc), "renameat2(AT_FDCWD, \"g3\", AT_FDCWD, \"h\", RENAME_NOREPLACE)");
	rc = syscall(__NR_renameat2, AT_FDCWD, "g3", AT_FDCWD, "h", RENAME_EXCHANGE | RENAME_WHITEOUT | 8);
	line(sprintrc(rc), "renameat2(AT_FDCWD, \"g3\", AT_FDCWD, \"h\", RENAME_EXCHANGE|RENAME_WHITEOUT|0x8)");
	rc = syscall(__NR_renameat2, AT_FDCWD, "g3", AT_FDCWD, "h", 0x100);
	line(sprintrc(rc), "renameat2(AT_FDCWD, \"g3\", AT_FDCWD, \"h\", 0x100 /* RENAME_?? */)");
	rc = syscall(__NR_unlink, "s");
	line(sprintrc(rc), "unlink(\"s\")");
	rc = syscall(__NR_unlinkat, AT_FDCWD, "s2", 0);
	line(sprintrc(rc), "unlinkat(AT_FDCWD, \"s2\", 0)");
	rc = syscall(__NR_unlinkat, AT_FDCWD, "f", AT_REMOVEDIR);
	line(sprintrc(rc), "unlinkat(AT_FDCWD, \"f\", AT_REMOVEDIR)");
	rc = syscall(__NR_unlink, "f");
	line(sprintrc(rc), "unlink(\"f\")");
	rc = syscall(__NR_unlink, "h");
	line(sprintrc(rc), "unlink(\"h\")");
	rc = syscall(__NR_unlink, "g3");
	line(sprintrc(rc), "unlink(\"g3\")");
	printf("+++ exited with 0 +++\n");
	return 0;
}
