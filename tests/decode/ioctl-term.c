/* Terminal ioctls on a pseudo-terminal: termios (abbreviated), window size, process group,
 * controlling terminal. */
/* TRACE: -e trace=ioctl */
/* FROM: ioctl(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <asm/termbits.h>

int main(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || grantpt(m) || unlockpt(m))
		skip("no pseudo-terminals");
	int s = open(ptsname(m), O_RDWR | O_NOCTTY);
	if (s < 0)
		fail("open %s", ptsname(m));
	long rc = syscall(__NR_ioctl, -1, TCGETS, 0);
	line(sprintrc(rc), "ioctl(-1, TCGETS, NULL)");

	struct termios *t = tail_alloc(sizeof(*t));
	rc = syscall(__NR_ioctl, s, TCGETS, t);
	if (rc)
		fail("TCGETS");
	/* a pty starts with the kernel's default termios */
	line(sprintrc(rc), "ioctl(%d, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|"
			   "OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|"
			   "ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...})", s);
	t->c_lflag &= ~(unsigned)(ICANON | ECHO);
	t->c_oflag &= ~(unsigned)OPOST;
	t->c_cflag = (t->c_cflag & ~(unsigned)CSIZE) | CS7 | PARENB;
	rc = syscall(__NR_ioctl, s, TCSETSW, t);
	line(sprintrc(rc), "ioctl(%d, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|"
			   "ONLCR, c_cflag=B38400|CS7|CREAD|PARENB, c_lflag=ISIG|ECHOE|ECHOK|IEXTEN|"
			   "ECHOCTL|ECHOKE, ...})", s);
	rc = syscall(__NR_ioctl, s, TCSETS, t + 1);
	line(sprintrc(rc), "ioctl(%d, SNDCTL_TMR_START or TCSETS, %p)", s, (void *)(t + 1));
	rc = syscall(__NR_ioctl, m + 100, TCGETS, t);
	line(sprintrc(rc), "ioctl(%d, TCGETS, %p)", m + 100, (void *)t);

	struct winsize *ws = tail_alloc(sizeof(*ws));
	*ws = (struct winsize){24, 80, 640, 480};
	rc = syscall(__NR_ioctl, m, TIOCSWINSZ, ws);
	line(sprintrc(rc), "ioctl(%d, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=640, "
			   "ws_ypixel=480})", m);
	memset(ws, 0, sizeof(*ws));
	rc = syscall(__NR_ioctl, s, TIOCGWINSZ, ws);
	line(sprintrc(rc), "ioctl(%d, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=640, "
			   "ws_ypixel=480})", s);
	rc = syscall(__NR_ioctl, 0 + 1000, TIOCGWINSZ, ws);
	line(sprintrc(rc), "ioctl(1000, TIOCGWINSZ, %p)", (void *)ws);

	int *pg = tail_alloc(sizeof(*pg));
	rc = syscall(__NR_ioctl, s, TIOCGPGRP, pg);
	line(sprintrc(rc), "ioctl(%d, TIOCGPGRP, %p)", s, (void *)pg);
	*pg = getpgrp();
	rc = syscall(__NR_ioctl, s, TIOCSPGRP, pg);
	line(sprintrc(rc), "ioctl(%d, TIOCSPGRP, [%d])", s, *pg);
	rc = syscall(__NR_ioctl, s, TIOCSCTTY, 0);
	line(sprintrc(rc), "ioctl(%d, TIOCSCTTY, 0)", s);
	rc = syscall(__NR_ioctl, s, TIOCNOTTY, 0);
	line(sprintrc(rc), "ioctl(%d, TIOCNOTTY)", s);
	rc = syscall(__NR_ioctl, s, TCFLSH, TCIOFLUSH);
	line(sprintrc(rc), "ioctl(%d, TCFLSH, TCIOFLUSH)", s);
	rc = syscall(__NR_ioctl, s, TCXONC, 9);
	line(sprintrc(rc), "ioctl(%d, TCXONC, 0x9 /* TC??? */)", s);
	rc = syscall(__NR_ioctl, s, TCSBRK, 1);
	line(sprintrc(rc), "ioctl(%d, TCSBRK, 1)", s);
	int *q = tail_alloc(sizeof(*q));
	rc = syscall(__NR_ioctl, m, TIOCGPTN, q);
	line(sprintrc(rc), "ioctl(%d, TIOCGPTN, [%d])", m, *q);
	printf("+++ exited with 0 +++\n");
	return 0;
}
