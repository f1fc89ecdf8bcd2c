/* execve -v: argv and envp in full, strings cut by -s. (Without -v envp prints as an address
 * the test cannot know for the first exec; execveat.c covers that form.) */
/* TRACE: -v -s 6 -e trace=execve */
#include "tests.h"
#include <sys/syscall.h>

extern char **environ;

#define S 6

static size_t cut(char *out, size_t size, const char *s)
{
	size_t len = strlen(s);
	return (size_t)snprintf(out, size, "%s%s", quote(s, len < S ? len : S), len > S ? "..." : "");
}

int main(int argc, char **argv)
{
	static char line[65536];
	size_t n;
	(void)argc;

	/* the exec that started this program */
	n = (size_t)snprintf(line, sizeof(line), "execve(%s, [", quote(argv[0], strlen(argv[0])));
	n += cut(line + n, sizeof(line) - n, argv[0]);
	n += (size_t)snprintf(line + n, sizeof(line) - n, "], [");
	for (char **e = environ; *e; e++) {
		if (e != environ)
			n += (size_t)snprintf(line + n, sizeof(line) - n, ", ");
		n += cut(line + n, sizeof(line) - n, *e);
	}
	snprintf(line + n, sizeof(line) - n, "])");
	print_line("", line, "0");

	char *args[] = {"prog", "-l", "a b", "\"q\"", "fifth", "sixth", "seventh", NULL};
	char *envs[] = {"A=1", "B=2", NULL};
	long rc = syscall(__NR_execve, "/nonexistent/prog", args, envs);
	print_line("",
		   "execve(\"/nonexistent/prog\", [\"prog\", \"-l\", \"a b\", \"\\\"q\\\"\", \"fifth\", "
		   "\"sixth\", \"sevent\"...], [\"A=1\", \"B=2\"])",
		   sprintrc(rc));

	/* NULL and unreadable arrays, an unreadable path */
	rc = syscall(__NR_execve, "/nonexistent/prog", NULL, NULL);
	print_line("", "execve(\"/nonexistent/prog\", NULL, NULL)", sprintrc(rc));
	char **bad = (char **)((char *)tail_alloc(1) + 1); /* the unmapped page */
	rc = syscall(__NR_execve, bad, bad, bad);
	snprintf(line, sizeof(line), "execve(%p, %p, %p)", (void *)bad, (void *)bad, (void *)bad);
	print_line("", line, sprintrc(rc));

	/* an array that runs into the unmapped page */
	char **tail = tail_alloc(2 * sizeof(char *));
	tail[0] = "x";
	tail[1] = "y";
	rc = syscall(__NR_execve, "/nonexistent/prog", tail, tail);
	snprintf(line, sizeof(line),
		 "execve(\"/nonexistent/prog\", [\"x\", \"y\", ... /* %p */], [\"x\", \"y\", ... /* %p */])",
		 (void *)(tail + 2), (void *)(tail + 2));
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
