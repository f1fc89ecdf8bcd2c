/* --summary's folding of names into patterns. */
#include "basic/namefold.h"
#include "test-proc-helpers.h"

static void fold(const char *in, const char *want)
{
	char out[256];

	name_fold(in, out, sizeof(out));
	CHECK_STR(out, want);
}

int main(void)
{
	fold("/tmp/upload-1234", "/tmp/upload-*");
	fold("/tmp/upload-a8f3k2x9", "/tmp/upload-*");
	fold("/var/log/app.log", "/var/log/app.log");
	fold("/proc/42/fd/7", "/proc/*/fd/*");
	fold("/tmp/tmpab12cd.json", "/tmp/*.json");
	fold("pipe", "pipe");
	fold("[eventfd:17]", "[eventfd:*]");
	fold("TCP 127.0.0.1:5432->127.0.0.1:40112 (ESTABLISHED)", "TCP *:*->*:* (ESTABLISHED)");
	fold("/tmp/bash_tool_e5fab2c7-dc0a-46fa-82d5-f721378d342a/out", "/tmp/bash_tool_*/out");
	fold("/tmp/bashtool-stderr-47cc044d8b20422d", "/tmp/bashtool-stderr-*");
	fold("/var/cache/cafe/face", "/var/cache/cafe/face");
	fold("/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x*-linux-gnu/libc.so.*");
	fold("a-1-b", "a-*-b");
	fold("/tmp/mkfds.AIAzlS/file", "/tmp/mkfds.*/file");
	fold("/home/Alice/Documents/README", "/home/Alice/Documents/README");
	fold("", "");
	char small[4];

	name_fold("/tmp/abcdef", small, sizeof(small));
	CHECK_STR(small, "/tm");
	return failures != 0;
}
