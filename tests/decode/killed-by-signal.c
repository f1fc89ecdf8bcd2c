/* Death by a signal: the signal line, then "+++ killed by SIGTERM +++". */
/* TRACE: -e trace=none */
#include "tests.h"
#include <signal.h>

int main(void)
{
	printf("--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=%d, si_uid=%u} ---\n",
	       getpid(), getuid());
	printf("+++ killed by SIGTERM +++\n");
	fflush(stdout);
	kill(getpid(), SIGTERM);
	pause();
	return 1;
}
