/* set_tid_address, set_robust_list, get_robust_list, rseq (undecoded in strace 6.1). */
/* TRACE: -e trace=set_tid_address,set_robust_list,get_robust_list,rseq */
#include "tests.h"
#include <stdint.h>
#include <sys/rseq.h>
#include <sys/syscall.h>

int main(void)
{
	char line[256], ret[32];
	uint64_t *head = tail_alloc(8), *len = tail_alloc(8);
	long rc;
	int *tidp = tail_alloc(sizeof(int));

	rc = syscall(__NR_get_robust_list, 0, head, len);
	/* what libc did before main: the tid field sits right before the robust list head in
	 * its thread descriptor; the rseq area is at __rseq_offset from the thread pointer */
	snprintf(line, sizeof(line), "set_tid_address(%#llx)", (unsigned long long)*head - 16);
	snprintf(ret, sizeof(ret), "%d", getpid());
	print_line("", line, ret);
	snprintf(line, sizeof(line), "set_robust_list(%#llx, %llu)", (unsigned long long)*head,
		 (unsigned long long)*len);
	print_line("", line, "0");
	if (__rseq_size) {
		/* glibc registers its 32-byte area; __rseq_size is the part the kernel fills */
		snprintf(line, sizeof(line), "rseq(%p, 0x20, 0, 0x53053053)",
			 (void *)((char *)__builtin_thread_pointer() + __rseq_offset));
		print_line("", line, "0");
	}
	snprintf(line, sizeof(line), "get_robust_list(0, [%#llx], [%llu])", (unsigned long long)*head,
		 (unsigned long long)*len);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_set_robust_list, (void *)(uintptr_t)*head, (size_t)*len);
	snprintf(line, sizeof(line), "set_robust_list(%#llx, %llu)", (unsigned long long)*head,
		 (unsigned long long)*len);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_set_robust_list, NULL, 1);
	print_line("", "set_robust_list(NULL, 1)", sprintrc(rc));
	rc = syscall(__NR_get_robust_list, 0x7fffffff, head, len);
	snprintf(line, sizeof(line), "get_robust_list(2147483647, %p, %p)", (void *)head, (void *)len);
	print_line("", line, sprintrc(rc));

	rc = syscall(__NR_set_tid_address, tidp);
	snprintf(line, sizeof(line), "set_tid_address(%p)", (void *)tidp);
	snprintf(ret, sizeof(ret), "%ld", rc);
	print_line("", line, ret);

	rc = syscall(__NR_rseq, NULL, 0, 1, 0x53053053);
	print_line("", "rseq(0, 0, 0x1, 0x53053053)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
