/* /proc/net/sockstat and /proc/sys/fs/file-nr parsers. */
#include <errno.h>

#include "proc/sockstat.h"
#include "test-proc-helpers.h"

static const char text[] = "sockets: used 55\n"
			   "TCP: inuse 7 orphan 0 tw 2 alloc 13 mem 253\n"
			   "UDP: inuse 4 mem 0\n"
			   "UDPLITE: inuse 0\n"
			   "RAW: inuse 0\n"
			   "FRAG: inuse 0 memory 0\n";

int main(void)
{
	struct sockstat s;
	struct file_nr n;
	FILE *f = text_file(text);

	CHECK(sockstat_parse(f, &s) == 0);
	fclose(f);
	CHECK(s.n == 12);
	CHECK_STR(s.v[0].proto, "sockets");
	CHECK_STR(s.v[0].key, "used");
	CHECK(s.v[0].value == 55);
	CHECK_STR(s.v[3].key, "tw");
	CHECK(s.v[3].value == 2);
	CHECK(s.v[5].value == 253);
	for (size_t i = 0; i < s.n; i++)
		CHECK(sockstat_explain(s.v[i].proto, s.v[i].key) != NULL);
	CHECK(sockstat_explain("TCP", "nosuch") == NULL);

	f = text_file("\n");
	CHECK(sockstat_parse(f, &s) == -EINVAL);
	fclose(f);

	f = text_file("12238\t0\t9223372036854775807\n");
	CHECK(file_nr_parse(f, &n) == 0);
	fclose(f);
	CHECK(n.allocated == 12238 && n.unused == 0 && n.max == 9223372036854775807ULL);
	f = text_file("x\n");
	CHECK(file_nr_parse(f, &n) == -EINVAL);
	fclose(f);
	return failures != 0;
}
