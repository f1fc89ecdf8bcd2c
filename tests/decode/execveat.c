/* execveat: dirfd, path, argv (cut after -s elements), envp as a count, flags. */
/* TRACE: -s 4 -e trace=execveat */
#include "tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	char line[512];
	char *args[] = {"prog", "-l", "a b", "\"q\"", "fifth", NULL};
	char *envs[] = {"A=1", "B=2", NULL};

	long rc = syscall(__NR_execveat, AT_FDCWD, "/nonexistent/prog", args, envs,
			  AT_SYMLINK_NOFOLLOW);
	snprintf(line, sizeof(line),
		 "execveat(AT_FDCWD, \"/nonexistent/prog\", [\"prog\", \"-l\", \"a b\", \"\\\"q\\\"\", "
		 "...], %p /* 2 vars */, AT_SYMLINK_NOFOLLOW)",
		 (void *)envs);
	print_line("", line, sprintrc(rc));

	char *one[] = {"abcdefgh", NULL};
	char *env1[] = {"A=1", NULL};
	rc = syscall(__NR_execveat, -1, "", one, env1, AT_EMPTY_PATH | 0x10000000);
	snprintf(line, sizeof(line),
		 "execveat(-1, \"\", [\"abcd\"...], %p /* 1 var */, AT_EMPTY_PATH|0x10000000)",
		 (void *)env1);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_execveat, 0x7fffffff, "/nonexistent/prog", NULL, NULL, 0);
	print_line("", "execveat(2147483647, \"/nonexistent/prog\", NULL, NULL, 0)", sprintrc(rc));

	/* an unreadable envp prints its address; one that runs into the unmapped page is
	 * counted as unterminated */
	char **bad = (char **)((char *)tail_alloc(1) + 1);
	rc = syscall(__NR_execveat, AT_FDCWD, "/nonexistent/prog", bad, bad, 0);
	snprintf(line, sizeof(line), "execveat(AT_FDCWD, \"/nonexistent/prog\", %p, %p, 0)",
		 (void *)bad, (void *)bad);
	print_line("", line, sprintrc(rc));
	char **tail = tail_alloc(2 * sizeof(char *));
	tail[0] = "x";
	tail[1] = "y";
	rc = syscall(__NR_execveat, AT_FDCWD, "/nonexistent/prog", tail, tail, 0);
	snprintf(line, sizeof(line),
		 "execveat(AT_FDCWD, \"/nonexistent/prog\", [\"x\", \"y\", ... /* %p */], "
		 "%p /* 2 vars, unterminated */, 0)",
		 (void *)(tail + 2), (void *)tail);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
