/* Names of signals and errnos, and the messages strace prints for errnos. */
#include <string.h>

#include "decode/dctx.h"

const char *signal_name(int sig)
{
	return xlat_name(&xl_signals, (uint64_t)sig);
}

const char *errno_name(int err)
{
	return xlat_name(&xl_errnos, (uint64_t)err);
}

const char *errno_message(int err)
{
	switch (err) {
	case 512: /* ERESTARTSYS */
		return "To be restarted if SA_RESTART is set";
	case 513: /* ERESTARTNOINTR */
		return "To be restarted";
	case 514: /* ERESTARTNOHAND */
		return "To be restarted if no handler";
	case 516: /* ERESTART_RESTARTBLOCK */
		return "Interrupted by signal";
	}
	return strerror(err);
}
