/* -f with threads: each thread's calls carry its own tid. */
/* TRACE: -f -qq -e trace=getppid -e signal=none */
#include "tests.h"
#include <pthread.h>
#include <sys/syscall.h>

static void *thread(void *arg)
{
	char ret[32];

	(void)arg;
	snprintf(ret, sizeof(ret), "%ld", syscall(__NR_getppid));
	print_line(pidpfx((int)syscall(__NR_gettid)), "getppid()", ret);
	return NULL;
}

int main(void)
{
	for (long i = 1; i <= 3; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, thread, (void *)i))
			fail("pthread_create");
		pthread_join(t, NULL);
	}
	char ret[32];
	snprintf(ret, sizeof(ret), "%ld", syscall(__NR_getppid));
	print_line(pidpfx(getpid()), "getppid()", ret);
	return 0;
}
