/* A library that unwind-target dlopens ("dlopen PATH"): its frames are in a module the
 * unwinder did not know when it first read the process's maps. */
#include <sys/syscall.h>
#include <unistd.h>

static volatile long sink;

__attribute__((noinline)) long plugin_inner(long x)
{
	long r = syscall(SYS_getppid); /* CALL:plugin_syscall */
	sink = r;
	return r + x;
}

long plugin_entry(long x)
{
	long r = plugin_inner(x + 1); /* CALL:plugin_inner */
	return r * 2;
}
