#include "proc/pidstat.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int pid_stat_parse(const char *buf, struct pid_stat *ret)
{
	struct pid_stat s = {0};
	const char *open = strchr(buf, '(');
	const char *close = strrchr(buf, ')');
	size_t n;

	if (!open || !close || close < open)
		return -EINVAL;
	n = (size_t)(close - open - 1);
	if (n >= sizeof(s.comm))
		n = sizeof(s.comm) - 1;
	memcpy(s.comm, open + 1, n);
	s.comm[n] = '\0';
	/* fields 3..: state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
	 * utime stime cutime cstime priority nice num_threads itrealvalue starttime vsize rss */
	if (sscanf(close + 1,
		   " %c %d %d %d %d %*d %*u %*u %*u %*u %*u %" SCNu64 " %" SCNu64
		   " %*d %*d %*d %*d %ld %*d %" SCNu64 " %" SCNu64 " %" SCNd64,
		   &s.state, &s.ppid, &s.pgrp, &s.session, &s.tty_nr, &s.utime, &s.stime,
		   &s.num_threads, &s.starttime, &s.vsize, &s.rss) != 11)
		return -EINVAL;
	*ret = s;
	return 0;
}
