/* pipe and pipe2: the two fds at exit; pipe2's flags. */
/* TRACE: -e trace=pipe,pipe2 */
/* FROM: pipe(NULL) */
#include "desc-tests.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	long rc = syscall(__NR_pipe, NULL);
	line(sprintrc(rc), "pipe(NULL)");
	int *fds = tail_alloc(2 * sizeof(int));
	rc = syscall(__NR_pipe, fds);
	line(sprintrc(rc), "pipe([%d, %d])", fds[0], fds[1]);
	rc = syscall(__NR_pipe2, fds, O_CLOEXEC | O_NONBLOCK);
	line(sprintrc(rc), "pipe2([%d, %d], O_NONBLOCK|O_CLOEXEC)", fds[0], fds[1]);
	rc = syscall(__NR_pipe2, fds, O_DIRECT);
	line(sprintrc(rc), "pipe2([%d, %d], O_DIRECT)", fds[0], fds[1]);
	rc = syscall(__NR_pipe2, fds + 1, 0);
	line(sprintrc(rc), "pipe2(%p, 0)", (void *)(fds + 1));
	rc = syscall(__NR_pipe2, fds, O_RDWR);
	line(sprintrc(rc), "pipe2(%p, 0x2 /* O_??? */)", (void *)fds);
	printf("+++ exited with 0 +++\n");
	return 0;
}
