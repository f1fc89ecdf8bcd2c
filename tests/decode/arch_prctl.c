/* arch_prctl: ARCH_GET_FS at exit, ARCH_SET_FS at entry, unknown codes. */
/* TRACE: -e trace=arch_prctl */
#include "tests.h"
#include <asm/prctl.h>
#include <stdint.h>
#include <sys/syscall.h>

int main(void)
{
	char line[256];
	uint64_t *fs = tail_alloc(8);

	long rc = syscall(__NR_arch_prctl, ARCH_GET_FS, fs);
	/* the dynamic loader set it up before main */
	snprintf(line, sizeof(line), "arch_prctl(ARCH_SET_FS, %#llx)", (unsigned long long)*fs);
	print_line("", line, "0");
	snprintf(line, sizeof(line), "arch_prctl(ARCH_GET_FS, [%#llx])", (unsigned long long)*fs);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_arch_prctl, ARCH_SET_FS, *fs);
	snprintf(line, sizeof(line), "arch_prctl(ARCH_SET_FS, %#llx)", (unsigned long long)*fs);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_arch_prctl, ARCH_GET_GS, fs + 1);
	snprintf(line, sizeof(line), "arch_prctl(ARCH_GET_GS, %p)", (void *)(fs + 1));
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_arch_prctl, 0x1fff, 0);
	print_line("", "arch_prctl(0x1fff /* ARCH_??? */, 0)", sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
