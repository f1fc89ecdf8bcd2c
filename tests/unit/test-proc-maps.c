/* maps parser: file-backed mappings once per (dev, inode), deleted ones marked. */
#include "proc/maps.h"
#include "test-proc-helpers.h"

static const char text[] =
    "55d0c0a00000-55d0c0a02000 r--p 00000000 fe:00 10953139                   /tmp/mkfds\n"
    "55d0c0a02000-55d0c0a03000 r-xp 00002000 fe:00 10953139                   /tmp/mkfds\n"
    "55d0c1e5e000-55d0c1e7f000 rw-p 00000000 00:00 0                          [heap]\n"
    "7f1e2a000000-7f1e2a022000 r--p 00000000 fe:00 332835                     "
    "/usr/lib/x86_64-linux-gnu/libc.so.6\n"
    "7f1e2b000000-7f1e2b001000 rw-s 00000000 00:01 24                         "
    "/memfd:scry-test (deleted)\n"
    "7f1e2c000000-7f1e2c001000 r--p 00000000 fe:00 777                        "
    "/tmp/a file with spaces (deleted)\n"
    "7ffd5a1c4000-7ffd5a1e5000 rw-p 00000000 00:00 0                          [stack]\n"
    "not a maps line\n";

int main(void)
{
	struct map_files m;
	FILE *f = text_file(text);

	CHECK(maps_parse_files(f, &m) == 0);
	fclose(f);
	CHECK(m.n == 4);
	if (m.n == 4) {
		CHECK_STR(m.v[0].path, "/tmp/mkfds");
		CHECK(m.v[0].start == 0x55d0c0a00000ULL && m.v[0].end == 0x55d0c0a02000ULL);
		CHECK(m.v[0].major == 0xfe && m.v[0].minor == 0 && m.v[0].ino == 10953139);
		CHECK_STR(m.v[1].path, "/usr/lib/x86_64-linux-gnu/libc.so.6");
		CHECK(!m.v[1].deleted);
		CHECK_STR(m.v[2].path, "/memfd:scry-test");
		CHECK(m.v[2].deleted);
		CHECK_STR(m.v[3].path, "/tmp/a file with spaces");
		CHECK(m.v[3].deleted && m.v[3].ino == 777);
	}
	map_files_free(&m);
	return failures != 0;
}
