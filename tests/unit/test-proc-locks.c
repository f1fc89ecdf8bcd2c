/* /proc/locks parser: the set of locked (device, inode) pairs. */
#include "proc/locks.h"
#include "test-proc-helpers.h"

static const char text[] = "1: POSIX  ADVISORY  WRITE 19205 fe:00:10953201 0 EOF\n"
			   "1: -> POSIX  ADVISORY  WRITE 19300 fe:00:10953201 0 EOF\n"
			   "2: OFDLCK ADVISORY  READ -1 fe:00:10953185 0 4\n"
			   "3: FLOCK  ADVISORY  WRITE 19205 00:2c:77 0 EOF\n"
			   "4: LEASE  ACTIVE    READ 12 08:01:5 0 EOF\n";

int main(void)
{
	struct lock_set s;
	FILE *f = text_file(text);

	CHECK(locks_parse(f, &s) == 0);
	fclose(f);
	CHECK(s.n == 4);
	CHECK(lock_set_has(&s, 0xfe, 0, 10953201));
	CHECK(lock_set_has(&s, 0xfe, 0, 10953185));
	CHECK(lock_set_has(&s, 0, 0x2c, 77));
	CHECK(lock_set_has(&s, 8, 1, 5));
	CHECK(!lock_set_has(&s, 0xfe, 1, 10953201));
	CHECK(!lock_set_has(&s, 0xfe, 0, 1));
	lock_set_free(&s);
	return failures != 0;
}
