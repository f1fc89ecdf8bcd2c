/* -v: termios in full (c_line and c_cc); -X verbose and raw print the request number. */
/* TRACE: -e trace=ioctl -v */
/* FROM: ioctl(-1, */
#include "desc-tests.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <asm/termbits.h>

static const char *const cc_names[] = {
	"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART", "VSTOP",
	"VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
};

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
	char cc[1024];
	size_t len = 0;
	for (unsigned i = 0; i < NCCS; i++) {
		if (i < sizeof(cc_names) / sizeof(cc_names[0]))
			len += (size_t)snprintf(cc + len, sizeof(cc) - len, "%s[%s]=%#x", i ? ", " : "",
						cc_names[i], t->c_cc[i]);
		else
			len += (size_t)snprintf(cc + len, sizeof(cc) - len, ", [%u]=%#x", i, t->c_cc[i]);
	}
	line(sprintrc(rc), "ioctl(%d, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|"
			   "OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|"
			   "ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY, c_cc=[%s]})", s, cc);
	printf("+++ exited with 0 +++\n");
	return 0;
}
