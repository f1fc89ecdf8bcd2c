/* strace's qualifiers: -e trace=, signal=, status=. */
#include <sys/syscall.h>

#include "trace/filter.h"
#include "syscalls/syscalls.h"
#include "unit.h"

int main(void)
{
	struct filter f;
	char err[256];

	filter_init(&f);
	CHECK(numset_has(&f.trace, __NR_read));
	CHECK(filter_parse_trace(&f, "read,write", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.trace, __NR_read) && numset_has(&f.trace, __NR_write));
	CHECK(!numset_has(&f.trace, __NR_close));
	CHECK(filter_parse_trace(&f, "!read", err, sizeof(err)) == 0);
	CHECK(!numset_has(&f.trace, __NR_read) && numset_has(&f.trace, __NR_close));
	CHECK(filter_parse_trace(&f, "none", err, sizeof(err)) == 0);
	CHECK(!numset_has(&f.trace, __NR_read));
	CHECK(filter_parse_trace(&f, "all", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.trace, __NR_exit_group));
	CHECK(filter_parse_trace(&f, "/^get.*pid$", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.trace, __NR_getppid) && numset_has(&f.trace, __NR_getpid));
	CHECK(!numset_has(&f.trace, __NR_read));
	CHECK(filter_parse_trace(&f, "nosuch", err, sizeof(err)) < 0);
	CHECK_STR(err, "invalid system call 'nosuch'");
	CHECK(filter_parse_trace(&f, "?nosuch,read", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.trace, __NR_read));
	CHECK(filter_parse_trace(&f, "/(", err, sizeof(err)) < 0);
	CHECK(filter_parse_trace(&f, "/a+++++++++++++++++++++++++++++++++", err, sizeof(err)) < 0);
	CHECK(filter_parse_trace(&f, "/^(get|set)p?id{1}$", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.trace, __NR_getpid) && numset_has(&f.trace, __NR_setpgid) == false);
	CHECK(filter_parse_trace(&f, "%desc", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.trace, __NR_read) && numset_has(&f.trace, __NR_close));
	CHECK(!numset_has(&f.trace, __NR_getppid));
	CHECK(filter_parse_trace(&f, "%pure", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.trace, __NR_getppid));

	CHECK(filter_parse_signals(&f, "SIGCHLD,usr1,9", err, sizeof(err)) == 0);
	CHECK(numset_has(&f.signals, 17) && numset_has(&f.signals, 10) &&
	      numset_has(&f.signals, 9));
	CHECK(!numset_has(&f.signals, 15));
	CHECK(filter_parse_signals(&f, "!SIGCHLD", err, sizeof(err)) == 0);
	CHECK(!numset_has(&f.signals, 17) && numset_has(&f.signals, 15));
	CHECK(filter_parse_signals(&f, "SIGNOPE", err, sizeof(err)) < 0);
	CHECK_STR(err, "invalid signal 'SIGNOPE'");
	CHECK(signal_by_name("RTMIN") == 32 && signal_by_name("SIGRT_3") == 35);

	CHECK(filter_parse_status(&f, "failed,unfinished", err, sizeof(err)) == 0);
	CHECK(f.status == (ST_FAILED | ST_UNFINISHED));
	CHECK(filter_parse_status(&f, "!successful", err, sizeof(err)) == 0);
	CHECK(f.status == (ST_ALL & ~ST_SUCCESSFUL));
	CHECK(filter_parse_status(&f, "bogus", err, sizeof(err)) < 0);
	UNIT_DONE();
}
