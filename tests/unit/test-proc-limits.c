/* /proc/PID/limits parser. */
#include <errno.h>

#include "proc/limits.h"
#include "test-proc-helpers.h"

static const char text[] =
    "Limit                     Soft Limit           Hard Limit           Units     \n"
    "Max cpu time              unlimited            unlimited            seconds   \n"
    "Max stack size            8388608              unlimited            bytes     \n"
    "Max processes             96365                96365                processes \n"
    "Max open files            1024                 524288               files     \n"
    "Max nice priority         0                    0                    \n"
    "Max realtime timeout      unlimited            unlimited            us        \n";

int main(void)
{
	struct limits l;
	FILE *f = text_file(text);

	CHECK(limits_parse(f, &l) == 0);
	fclose(f);
	CHECK(l.n == 6);
	const struct limit *n = limits_find(&l, "Max open files");

	CHECK(n && n->soft == 1024 && n->hard == 524288);
	CHECK_STR(n ? n->unit : NULL, "files");
	n = limits_find(&l, "Max cpu time");
	CHECK(n && n->soft == LIMIT_UNLIMITED && n->hard == LIMIT_UNLIMITED);
	n = limits_find(&l, "Max stack size");
	CHECK(n && n->soft == 8388608 && n->hard == LIMIT_UNLIMITED);
	n = limits_find(&l, "Max nice priority");
	CHECK(n && n->soft == 0 && n->unit[0] == '\0');
	CHECK(limits_find(&l, "Max open") == NULL);

	f = text_file(
	    "Max open files            1024                 524288               files\n");
	CHECK(limits_parse(f, &l) == -EINVAL);
	fclose(f);
	return failures != 0;
}
