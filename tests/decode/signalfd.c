/* signalfd and signalfd4: the mask, its size, SFD_* flags. */
/* TRACE: -e trace=signalfd,signalfd4 */
/* FROM: signalfd4(-1, NULL */
#include "desc-tests.h"
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_signalfd4, -1, NULL, 8, 0);
	line(sprintrc(rc), "signalfd4(-1, NULL, 8, 0)");
	sigset_t *mask = tail_alloc(8);
	memset(mask, 0, 8);
	sigaddset(mask, SIGUSR1);
	sigaddset(mask, SIGCHLD);
	rc = syscall(__NR_signalfd4, -1, mask, 8, SFD_CLOEXEC | SFD_NONBLOCK);
	line(sprintrc(rc), "signalfd4(-1, [USR1 CHLD], 8, SFD_CLOEXEC|SFD_NONBLOCK)");
	rc = syscall(__NR_signalfd4, -1, mask, 4, 1);
	line(sprintrc(rc), "signalfd4(-1, %p, 4, 0x1 /* SFD_??? */)", (void *)mask);
	rc = syscall(__NR_signalfd, -1, mask, 8);
	line(sprintrc(rc), "signalfd(-1, [USR1 CHLD], 8)");
	printf("+++ exited with 0 +++\n");
	return 0;
}
