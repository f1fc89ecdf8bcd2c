/* The text and JSON printers: strace's string escaping, flags, separators. */
#include "output/printer.h"
#include "unit.h"

static const struct print_opts dflt = {.strsize = 32};

static const char *quoted(const char *s, size_t len, int xflag, bool nul)
{
	static struct strbuf sb;

	sb_reset(&sb);
	sb_quoted(&sb, s, len, xflag, nul);
	return sb.buf;
}

static const char *flags(uint64_t v, int style, const char *dflt_name)
{
	static struct strbuf sb;

	sb_reset(&sb);
	sb_flags(&sb, &xl_open_flags, v, style, dflt_name);
	return sb.buf;
}

int main(void)
{
	/* escapes, minimal octal, three digits before an octal digit */
	CHECK_STR(quoted("a\"b\\c", 5, 0, false), "\"a\\\"b\\\\c\"");
	CHECK_STR(quoted("\t\n\v\f\r", 5, 0, false), "\"\\t\\n\\v\\f\\r\"");
	CHECK_STR(quoted("\001x", 2, 0, false), "\"\\1x\"");
	CHECK_STR(quoted("\0011", 2, 0, false), "\"\\0011\"");
	CHECK_STR(quoted("\377", 1, 0, false), "\"\\377\"");
	CHECK_STR(quoted("\0", 1, 0, false), "\"\\0\"");
	CHECK_STR(quoted("ab\0cd", 5, 0, true), "\"ab\"");
	/* -x: any non-printable, non-space byte hex-quotes the whole string */
	CHECK_STR(quoted("ab\n", 3, 1, false), "\"ab\\n\"");
	CHECK_STR(quoted("a\001", 2, 1, false), "\"\\x61\\x01\"");
	CHECK_STR(quoted("ab", 2, 2, false), "\"\\x61\\x62\"");

	/* flags: names in table order, unknown rest in hex, nothing known: hex and default */
	CHECK_STR(flags(0x80000 | 0x40, XS_ABBREV, NULL), "O_CREAT|O_CLOEXEC");
	CHECK_STR(flags(0x40 | 0x40000000, XS_ABBREV, NULL), "O_CREAT|0x40000000");
	CHECK_STR(flags(0x40000000, XS_ABBREV, "O_???"), "0x40000000 /* O_??? */");
	CHECK_STR(flags(0, XS_ABBREV, NULL), "0");
	CHECK_STR(flags(0x40, XS_RAW, NULL), "0x40");
	CHECK_STR(flags(0x40, XS_VERBOSE, NULL), "0x40 /* O_CREAT */");

	/* separators: arguments, struct fields, arrays */
	struct printer p = {.o = &dflt};
	pr_int(&p, 3);
	pr_struct_begin(&p);
	pr_field(&p, "a");
	pr_uint(&p, 1);
	pr_field(&p, "b");
	pr_array_begin(&p);
	pr_raw(&p, "X");
	pr_raw(&p, "Y");
	pr_array_end(&p);
	pr_more(&p);
	pr_struct_end(&p);
	pr_ptr(&p, 0);
	CHECK_STR(p.out.buf, "3, {a=1, b=[X, Y], ...}, NULL");

	/* the same calls as JSON */
	struct printer j = {.o = &dflt, .json = true};
	pr_int(&j, 3);
	pr_struct_begin(&j);
	pr_field(&j, "a");
	pr_uint(&j, 1);
	pr_field(&j, "b");
	pr_array_begin(&j);
	pr_raw(&j, "X");
	pr_flags(&j, &xl_open_flags, 0x80040, NULL);
	pr_array_end(&j);
	pr_more(&j);
	pr_struct_end(&j);
	pr_ptr(&j, 0);
	pr_quoted(&j, "ab\"\001", 4, true, false);
	CHECK_STR(j.out.buf,
		  "3,{\"a\":1,\"b\":[\"X\",[\"O_CREAT\",\"O_CLOEXEC\"]],\"...\":true},null,"
		  "{\"str\":\"ab\\\"\\u0001\",\"truncated\":true}");
	sb_free(&p.out);
	sb_free(&j.out);
	UNIT_DONE();
}
