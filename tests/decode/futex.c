/* futex: the arguments each operation uses. */
/* TRACE: -e trace=futex */
#include "tests.h"
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	char line[512];
	uint32_t *f = tail_alloc(8);
	struct timespec *ts = tail_alloc(sizeof(*ts));
	long rc;

	f[0] = 1;
	f[1] = 0;
	rc = syscall(__NR_futex, f, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	snprintf(line, sizeof(line), "futex(%p, FUTEX_WAKE_PRIVATE, 1)", (void *)f);
	print_line("", line, sprintrc(rc));
	ts->tv_sec = 0;
	ts->tv_nsec = 1000;
	rc = syscall(__NR_futex, f, FUTEX_WAIT, 0, ts, NULL, 0);
	snprintf(line, sizeof(line), "futex(%p, FUTEX_WAIT, 0, {tv_sec=0, tv_nsec=1000})", (void *)f);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_futex, f, FUTEX_WAIT_PRIVATE, 1, ts, NULL, 0);
	snprintf(line, sizeof(line), "futex(%p, FUTEX_WAIT_PRIVATE, 1, {tv_sec=0, tv_nsec=1000})", (void *)f);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_futex, f, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, NULL, NULL,
		     FUTEX_BITSET_MATCH_ANY);
	snprintf(line, sizeof(line),
		 "futex(%p, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY)",
		 (void *)f);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_futex, f, FUTEX_WAKE_BITSET, 1, NULL, NULL, 3);
	snprintf(line, sizeof(line), "futex(%p, FUTEX_WAKE_BITSET, 1, 0x3)", (void *)f);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_futex, f, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, f + 1, 5);
	snprintf(line, sizeof(line), "futex(%p, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, %p, 5)", (void *)f,
		 (void *)(f + 1));
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_futex, f, FUTEX_WAKE_OP_PRIVATE, 1, 1, f + 1,
		     FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1));
	snprintf(line, sizeof(line),
		 "futex(%p, FUTEX_WAKE_OP_PRIVATE, 1, 1, %p, FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1)",
		 (void *)f, (void *)(f + 1));
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_futex, f, FUTEX_TRYLOCK_PI, 0, NULL, NULL, 0);
	snprintf(line, sizeof(line), "futex(%p, FUTEX_TRYLOCK_PI)", (void *)f);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_futex, NULL, 0x7f, 1, 0x10, 0x20, 0x30);
	print_line("", "futex(NULL, 0x7f /* FUTEX_??? */, 1, 0x10, 0x20, 0x30)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
