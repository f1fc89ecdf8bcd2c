/* A program with a known call chain for the unwinder's tests: main -> outer -> middle ->
 * inner -> getppid (through syscall(2)). Built twice: with and without frame pointers.
 * Each call site carries a marker comment; tests read this file (named by the debug info)
 * to find the line they expect. usage: unwind-target [N]: the chain N times (default 1). */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile long sink;

__attribute__((noinline)) long inner(long x)
{
	long r = syscall(SYS_getppid); /* CALL:syscall */
	sink = r;
	return r + x;
}

__attribute__((noinline)) long middle(long x)
{
	long r = inner(x + 1); /* CALL:inner */
	return r * 3;
}

__attribute__((noinline)) long outer(long x)
{
	long r = middle(x * 2); /* CALL:middle */
	return r - 5;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;

	for (int i = 0; i < n; i++)
		sink += outer(i); /* CALL:outer */
	return 0;
}
