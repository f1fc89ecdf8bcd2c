/* A program with a known call chain for the unwinder's tests: main -> outer -> middle ->
 * inner -> getppid (through syscall(2)). Built twice: with and without frame pointers.
 * Each call site carries a marker comment; tests read this file (named by the debug info)
 * to find the line they expect.
 * usage: unwind-target [N [more]]: the chain N times (default 1); "more" then also runs it in
 * a signal handler, in a thread and in a forked child (which exits with status 3); "orphan"
 * runs it in a thread after the main thread has exited (pthread_exit); "dlopen LIB" then
 * calls LIB's plugin_entry() (tests/helpers/unwind-plugin.c), which calls getppid;
 * "mangled" calls the chain through a function with a C++ name (demo::Outer::call(long)). */
#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
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

/* A C++ method as its mangled symbol: demangled in stacks as strace prints it. */
__attribute__((noinline)) long outer_method(long x) __asm__("_ZN4demo5Outer4callEl");
__attribute__((noinline)) long outer_method(long x)
{
	long r = outer(x + 1);
	return r + 2;
}

static void on_signal(int sig)
{
	sink += outer(sig);
}

static void *thread_main(void *arg)
{
	if (arg) /* orphan: let the main thread go first */
		usleep(100000);
	sink += outer(7);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;

	for (int i = 0; i < n; i++)
		sink += outer(i); /* CALL:outer */
	if (argc > 2 && strcmp(argv[2], "more") == 0) {
		signal(SIGUSR1, on_signal);
		raise(SIGUSR1);
		pthread_t t;
		if (pthread_create(&t, NULL, thread_main, NULL) == 0)
			pthread_join(t, NULL);
		pid_t pid = fork();
		if (pid == 0) {
			sink += outer(9);
			_exit(3);
		}
		waitpid(pid, NULL, 0);
	}
	if (argc > 2 && strcmp(argv[2], "mangled") == 0)
		sink += outer_method(4);
	if (argc > 3 && strcmp(argv[2], "dlopen") == 0) {
		void *lib = dlopen(argv[3], RTLD_NOW);
		long (*entry)(long) = lib ? (long (*)(long))dlsym(lib, "plugin_entry") : NULL;
		if (!entry)
			return 2;
		sink += entry(5); /* CALL:plugin_entry */
	}
	if (argc > 2 && strcmp(argv[2], "orphan") == 0) {
		pthread_t t;
		if (pthread_create(&t, NULL, thread_main, argv) == 0)
			pthread_exit(NULL);
	}
	return 0;
}
