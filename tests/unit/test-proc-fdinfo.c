/* fdinfo parser on captured /proc/PID/fdinfo/N text (kernel 6.18). */
#include <errno.h>

#include "proc/fdinfo.h"
#include "test-proc-helpers.h"

static struct fdinfo parse(const char *s, int *r)
{
	struct fdinfo fi = {0};

	*r = fdinfo_parse(s, strlen(s), &fi);
	return fi;
}

int main(void)
{
	struct fdinfo fi;
	int r;

	fi = parse("pos:\t0\nflags:\t0100002\nmnt_id:\t26\nino:\t10953170\n"
		   "lock:\t1: FLOCK  ADVISORY  WRITE 19205 fe:00:10953170 0 EOF\n",
		   &r);
	CHECK(r == 0);
	CHECK(fi.flags == 0100002);
	CHECK(fi.mnt_id == 26);
	CHECK(fi.has_ino && fi.ino == 10953170);
	CHECK(fi.lock == 'W');

	fi = parse("pos:\t12345\nflags:\t0100000\nmnt_id:\t26\nino:\t10953185\n", &r);
	CHECK(r == 0 && fi.lock == ' ' && fi.pos == 12345 && fi.eventfd_id == -1);

	/* OFD read lock on bytes 0-4: part of the file */
	fi = parse("pos:\t0\nflags:\t0100002\nmnt_id:\t26\nino:\t1\n"
		   "lock:\t1: OFDLCK ADVISORY  READ -1 fe:00:10953185 0 4\n",
		   &r);
	CHECK(r == 0 && fi.lock == 'r');

	/* a read and a write lock through one fd; a waiter line does not count */
	fi = parse("pos:\t0\nflags:\t02\nmnt_id:\t26\n"
		   "lock:\t1: POSIX  ADVISORY  READ 5 fe:00:7 0 9\n"
		   "lock:\t2: POSIX  ADVISORY  WRITE 5 fe:00:7 10 EOF\n"
		   "lock:\t3: -> POSIX  ADVISORY  WRITE 6 fe:00:7 0 EOF\n",
		   &r);
	CHECK(r == 0 && fi.lock == 'u');
	CHECK(fdinfo_lock_char(" 3: -> POSIX  ADVISORY  WRITE 6 fe:00:7 0 EOF", 45) == 0);
	CHECK(fdinfo_lock_char("1: FLOCK", 8) == 0);

	fi = parse("pos:\t0\nflags:\t02\nmnt_id:\t17\nino:\t1039\neventfd-count:                3\n"
		   "eventfd-id: 7\neventfd-semaphore: 0\n",
		   &r);
	CHECK(r == 0 && fi.eventfd_id == 7);

	fi = parse("pos:\t0\nflags:\t02\nmnt_id:\t17\nino:\t1039\n"
		   "tfd:       34 events:       19 data:                0  pos:0 ino:40f sdev:10\n"
		   "tfd:        5 events:       19 data:                0  pos:0 ino:40f sdev:10\n",
		   &r);
	CHECK(r == 0);
	CHECK_STR(fi.tfds, "34,5");

	fi = parse(
	    "pos:\t0\nflags:\t02000002\nmnt_id:\t4\nino:\t19206\nPid:\t19205\nNSpid:\t19205\n", &r);
	CHECK(r == 0 && fi.pidfd_pid == 19205 && fi.flags == 02000002);

	/* truncated: no flags line */
	parse("pos:\t0\n", &r);
	CHECK(r == -EINVAL);
	parse("", &r);
	CHECK(r == -EINVAL);

	/* not NUL-terminated input must not be over-read */
	char buf[] = {'p', 'o', 's', ':', '1', '\n', 'f', 'l', 'a', 'g', 's', ':', '7'};

	CHECK(fdinfo_parse(buf, sizeof(buf), &fi) == 0 && fi.pos == 1 && fi.flags == 7);

	FILE *f = text_file("pos:\t3\nflags:\t01\n");

	CHECK(fdinfo_parse_file(f, &fi) == 0 && fi.pos == 3 && fi.flags == 1);
	fclose(f);
	return failures != 0;
}
