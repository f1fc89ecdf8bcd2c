/* /proc/PID/stat parser, including commands with spaces and parentheses. */
#include <errno.h>

#include "proc/pidstat.h"
#include "test-proc-helpers.h"

int main(void)
{
	struct pid_stat s;

	CHECK(pid_stat_parse("19205 (mkfds) S 1 19172 2963 0 -1 4194304 120 0 0 0 3 5 0 0 20 0 1 "
			     "0 170040 2527232 377 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 "
			     "17 1 0 0 0 0 0\n",
			     &s) == 0);
	CHECK_STR(s.comm, "mkfds");
	CHECK(s.state == 'S' && s.ppid == 1 && s.pgrp == 19172 && s.session == 2963);
	CHECK(s.utime == 3 && s.stime == 5 && s.num_threads == 1 && s.starttime == 170040);
	CHECK(s.vsize == 2527232 && s.rss == 377);

	CHECK(pid_stat_parse("7 (a) b (c)) R 2 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 4 0 99 0 0\n", &s) ==
	      0);
	CHECK_STR(s.comm, "a) b (c)");
	CHECK(s.state == 'R' && s.ppid == 2 && s.num_threads == 4 && s.starttime == 99);

	CHECK(pid_stat_parse("7 (x) S 1\n", &s) == -EINVAL);
	CHECK(pid_stat_parse("7 x S 1\n", &s) == -EINVAL);
	CHECK(pid_stat_parse("", &s) == -EINVAL);
	return failures != 0;
}
