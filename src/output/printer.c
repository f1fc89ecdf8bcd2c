/* Text formatter: strace's look. */
#include "output/printer.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void printer_reset(struct printer *p)
{
	sb_reset(&p->out);
	p->depth = 0;
	memset(p->need_sep, 0, sizeof(p->need_sep));
	p->after_name = false;
}

void pr_value_begin(struct printer *p)
{
	if (p->after_name)
		p->after_name = false;
	else if (p->need_sep[p->depth])
		sb_puts(&p->out, p->json ? "," : ", ");
	p->need_sep[p->depth] = true;
}

void sb_json_string(struct strbuf *sb, const char *s, size_t len)
{
	sb_putc(sb, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			sb_putc(sb, '\\');
			sb_putc(sb, (char)c);
		} else if (c == '\n') {
			sb_puts(sb, "\\n");
		} else if (c >= ' ' && c < 0x7f) {
			sb_putc(sb, (char)c);
		} else {
			sb_printf(sb, "\\u%04x", c);
		}
	}
	sb_putc(sb, '"');
}

/* JSON: a value given as text becomes a string, NULL becomes null. */
static void json_token(struct printer *p, const char *text)
{
	if (strcmp(text, "NULL") == 0)
		sb_puts(&p->out, "null");
	else
		sb_json_string(&p->out, text, strlen(text));
}

void pr_puts(struct printer *p, const char *s)
{
	sb_puts(&p->out, s);
}

void pr_text(struct printer *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(&p->out, fmt, ap);
	va_end(ap);
}

void pr_raw(struct printer *p, const char *fmt, ...)
{
	va_list ap;

	pr_value_begin(p);
	va_start(ap, fmt);
	if (p->json) {
		struct strbuf tmp = {0};
		sb_vprintf(&tmp, fmt, ap);
		json_token(p, tmp.buf ? tmp.buf : "");
		sb_free(&tmp);
	} else {
		sb_vprintf(&p->out, fmt, ap);
	}
	va_end(ap);
}

void pr_int(struct printer *p, int64_t v)
{
	pr_value_begin(p);
	sb_printf(&p->out, "%" PRId64, v);
}

void pr_uint(struct printer *p, uint64_t v)
{
	pr_value_begin(p);
	sb_printf(&p->out, "%" PRIu64, v);
}

void pr_hex(struct printer *p, uint64_t v)
{
	pr_raw(p, "%#" PRIx64, v);
}

void pr_ptr(struct printer *p, uint64_t v)
{
	if (v)
		pr_raw(p, "%#" PRIx64, v);
	else
		pr_raw(p, "NULL");
}

void pr_octal(struct printer *p, uint64_t v)
{
	pr_raw(p, "%#" PRIo64, v);
}

void pr_more(struct printer *p)
{
	if (p->json && p->in_object[p->depth]) {
		pr_value_begin(p);
		sb_puts(&p->out, "\"...\":true"); /* the struct was abbreviated */
		return;
	}
	pr_raw(p, "...");
}

void pr_comment(struct printer *p, const char *fmt, ...)
{
	va_list ap;

	if (p->json)
		return;
	sb_puts(&p->out, " /* ");
	va_start(ap, fmt);
	sb_vprintf(&p->out, fmt, ap);
	va_end(ap);
	sb_puts(&p->out, " */");
}

/* Names of the bits of v joined by |, unknown rest in hex. Returns how many names matched. */
static unsigned flag_names(struct strbuf *sb, const struct xlat *x, uint64_t v)
{
	unsigned n = 0;
	uint64_t rest = v;

	for (unsigned i = 0; i < x->n; i++) {
		uint64_t e = x->e[i].val;
		if ((e && (rest & e) == e) || (!e && !v && !n)) {
			if (n++)
				sb_putc(sb, '|');
			sb_puts(sb, x->e[i].name);
			rest &= ~e;
		}
	}
	if (n && rest)
		sb_printf(sb, "|%#" PRIx64, rest);
	return n;
}

void sb_flags(struct strbuf *sb, const struct xlat *x, uint64_t v, int style, const char *dflt)
{
	if (!dflt)
		dflt = x->dflt;
	if (style == XS_RAW) {
		sb_printf(sb, "%#" PRIx64, v);
		return;
	}
	if (style == XS_VERBOSE) {
		sb_printf(sb, "%#" PRIx64, v);
		size_t at = sb->len;
		sb_puts(sb, " /* ");
		if (flag_names(sb, x, v)) {
			sb_puts(sb, " */");
		} else {
			sb->len = at, sb->buf[at] = '\0';
			if (v && dflt) /* as in abbreviated style: 0x10 /\* ?_OK *\/ */
				sb_printf(sb, " /* %s */", dflt);
		}
		return;
	}
	if (flag_names(sb, x, v))
		return;
	sb_printf(sb, "%#" PRIx64, v);
	if (v && dflt)
		sb_printf(sb, " /* %s */", dflt);
}

void pr_flags(struct printer *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	pr_value_begin(p);
	if (!p->json) {
		sb_flags(&p->out, x, v, p->o->xlat_style, dflt);
		return;
	}
	/* a list of names, an unknown rest as a hex string */
	struct strbuf names = {0};
	flag_names(&names, x, v);
	sb_putc(&p->out, '[');
	const char *s = names.buf ? names.buf : "";
	bool first = true;
	while (*s) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		if (!first)
			sb_putc(&p->out, ',');
		sb_json_string(&p->out, s, n);
		first = false;
		s += n + (bar ? 1 : 0);
	}
	if (!names.len && v)
		sb_printf(&p->out, "\"%#" PRIx64 "\"", v);
	sb_putc(&p->out, ']');
	sb_free(&names);
}

static void xval(struct printer *p, const struct xlat *x, uint64_t v, const char *dflt, bool dec)
{
	const char *name = xlat_name(x, v);

	if (!dflt)
		dflt = x->dflt;
	pr_value_begin(p);
	if (p->json) {
		if (name)
			sb_json_string(&p->out, name, strlen(name));
		else
			sb_printf(&p->out, "%" PRId64, (int64_t)v);
		return;
	}
	if (p->o->xlat_style == XS_RAW || !name) {
		if (dec)
			sb_printf(&p->out, "%" PRId64, (int64_t)v);
		else
			sb_printf(&p->out, "%#" PRIx64, v);
		if (!name && dflt && p->o->xlat_style != XS_RAW)
			sb_printf(&p->out, " /* %s */", dflt);
		return;
	}
	if (p->o->xlat_style == XS_VERBOSE) {
		if (dec)
			sb_printf(&p->out, "%" PRId64 " /* %s */", (int64_t)v, name);
		else
			sb_printf(&p->out, "%#" PRIx64 " /* %s */", v, name);
		return;
	}
	sb_puts(&p->out, name);
}

void pr_xval(struct printer *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	xval(p, x, v, dflt, false);
}

void pr_xval_d(struct printer *p, const struct xlat *x, int64_t v, const char *dflt)
{
	xval(p, x, (uint64_t)v, dflt, true);
}

void sb_escaped(struct strbuf *sb, const char *data, size_t len, int xflag, bool nul_terminated,
		const char *also)
{
	const unsigned char *s = (const unsigned char *)data;
	bool hex = xflag > 1;

	if (nul_terminated) {
		const void *z = memchr(s, '\0', len);
		if (z)
			len = (const unsigned char *)z - s;
	}
	if (xflag == 1) {
		/* one byte that is neither printable nor whitespace hex-quotes the whole string */
		for (size_t i = 0; i < len && !hex; i++)
			if (s[i] > 0x7e || (s[i] < ' ' && (unsigned)(s[i] - 9) >= 5))
				hex = true;
	}
	sb_grow(sb, len * 4 + 2);
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (hex) {
			sb_printf(sb, "\\x%02x", c);
			continue;
		}
		switch (c) {
		case '"':
		case '\\':
			sb_putc(sb, '\\');
			sb_putc(sb, (char)c);
			continue;
		case '\f':
			sb_puts(sb, "\\f");
			continue;
		case '\n':
			sb_puts(sb, "\\n");
			continue;
		case '\r':
			sb_puts(sb, "\\r");
			continue;
		case '\t':
			sb_puts(sb, "\\t");
			continue;
		case '\v':
			sb_puts(sb, "\\v");
			continue;
		}
		if (c >= ' ' && c <= 0x7e && !(also && strchr(also, (int)c))) {
			sb_putc(sb, (char)c);
			continue;
		}
		sb_putc(sb, '\\');
		bool next_octal = i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7';
		if (next_octal || c >= 0100)
			sb_putc(sb, (char)('0' + (c >> 6)));
		if (next_octal || c >= 010)
			sb_putc(sb, (char)('0' + ((c >> 3) & 7)));
		sb_putc(sb, (char)('0' + (c & 7)));
	}
}

void sb_quoted(struct strbuf *sb, const char *data, size_t len, int xflag, bool nul_terminated)
{
	sb_putc(sb, '"');
	sb_escaped(sb, data, len, xflag, nul_terminated, NULL);
	sb_putc(sb, '"');
}

void pr_quoted(struct printer *p, const char *data, size_t len, bool cut, bool nul_terminated)
{
	pr_value_begin(p);
	if (p->json) {
		if (nul_terminated) {
			const char *z = memchr(data, '\0', len);
			if (z)
				len = (size_t)(z - data);
		}
		if (cut)
			sb_puts(&p->out, "{\"str\":");
		sb_json_string(&p->out, data, len);
		if (cut)
			sb_puts(&p->out, ",\"truncated\":true}");
		return;
	}
	sb_quoted(&p->out, data, len, p->o->xflag, nul_terminated);
	if (cut)
		sb_puts(&p->out, "...");
}

void pr_field(struct printer *p, const char *name)
{
	pr_value_begin(p);
	if (p->json) {
		sb_json_string(&p->out, name, strlen(name));
		sb_putc(&p->out, ':');
	} else {
		sb_puts(&p->out, name);
		sb_putc(&p->out, '=');
	}
	p->after_name = true;
}

static void open_level(struct printer *p, char c)
{
	pr_value_begin(p);
	sb_putc(&p->out, c);
	if (p->depth + 1 < PRINTER_MAX_DEPTH)
		p->depth++;
	p->need_sep[p->depth] = false;
	p->in_object[p->depth] = c == '{';
}

static void close_level(struct printer *p, char c)
{
	sb_putc(&p->out, c);
	if (p->depth > 0)
		p->depth--;
	p->after_name = false;
}

void pr_struct_begin(struct printer *p)
{
	open_level(p, '{');
}

void pr_struct_end(struct printer *p)
{
	close_level(p, '}');
}

void pr_array_begin(struct printer *p)
{
	open_level(p, '[');
}

void pr_array_end(struct printer *p)
{
	close_level(p, ']');
}
