/* The print helpers decoders call. A decoder describes values (an fd, a path, flags, a struct
 * with fields); the printer decides how they look. Today the text of strace; the same calls
 * can produce JSON. Separators between arguments, fields and array elements are the
 * printer's business, never the decoder's. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "basic/strbuf.h"
#include "xlat/xlat.h"

enum xlat_style {
	XS_ABBREV,  /* O_RDONLY|O_CLOEXEC */
	XS_RAW,	    /* 0x80000 */
	XS_VERBOSE, /* 0x80000 /\* O_RDONLY|O_CLOEXEC *\/ */
};

struct print_opts {
	unsigned strsize; /* -s */
	int xflag;	  /* -x: 1, -xx: 2 */
	int xlat_style;	  /* -X */
	bool verbose;	  /* -v */
	int decode_fds;	  /* -y: 1, -yy: 2 */
};

#define PRINTER_MAX_DEPTH 16

struct printer {
	struct strbuf out;
	const struct print_opts *o;
	bool json; /* JSON values instead of strace's text */
	int depth;
	bool need_sep[PRINTER_MAX_DEPTH];
	bool in_object[PRINTER_MAX_DEPTH]; /* json: this level is {} (else [] or the args) */
	bool after_name; /* a field name was just written: no separator before its value */
};

void printer_reset(struct printer *p);

/* Low level, used by the helpers below and by decoders that print something unusual. */
void pr_value_begin(struct printer *p);
void pr_text(struct printer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pr_puts(struct printer *p, const char *s);

/* Values. Each is one element of the enclosing argument list, struct or array. */
void pr_raw(struct printer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pr_int(struct printer *p, int64_t v);
void pr_uint(struct printer *p, uint64_t v);
void pr_hex(struct printer *p, uint64_t v); /* 0 or 0x... */
void pr_ptr(struct printer *p, uint64_t v); /* NULL or 0x... */
void pr_octal(struct printer *p, uint64_t v);
void pr_flags(struct printer *p, const struct xlat *x, uint64_t v, const char *dflt);
void pr_xval(struct printer *p, const struct xlat *x, uint64_t v, const char *dflt);
/* As pr_xval, but an unknown value prints in decimal. */
void pr_xval_d(struct printer *p, const struct xlat *x, int64_t v, const char *dflt);
void pr_more(struct printer *p); /* "..." */
/* strace 6.1 writes the ", " after the arguments it knows at entry before the syscall blocks
 * ("read(3, <unfinished ...>"): a decoder returning DEC_MORE calls this to write the separator
 * now rather than before the next value. Nothing in JSON. */
static inline void pr_sep_now(struct printer *p)
{
	if (p->json || !p->need_sep[p->depth] || p->after_name)
		return;
	pr_value_begin(p);
	p->after_name = true;
}
void pr_comment(struct printer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Quoted bytes. len bytes of data are shown; `cut` adds "..." after the closing quote.
 * nul_terminated stops at the first NUL. */
void pr_quoted(struct printer *p, const char *data, size_t len, bool cut, bool nul_terminated);

/* Structure. */
void pr_field(struct printer *p, const char *name);
void pr_struct_begin(struct printer *p);
void pr_struct_end(struct printer *p);
void pr_array_begin(struct printer *p);
void pr_array_end(struct printer *p);

/* s as a JSON string literal (bytes that are not printable ASCII as \u00XX) */
void sb_json_string(struct strbuf *sb, const char *s, size_t len);

/* flags text without separators (for composing, e.g. in siginfo or return aux strings) */
void sb_flags(struct strbuf *sb, const struct xlat *x, uint64_t v, int style, const char *dflt);
/* escaped as strace escapes strings, without the quotes; bytes in `also` are escaped too */
void sb_escaped(struct strbuf *sb, const char *data, size_t len, int xflag, bool nul_terminated,
		const char *also);
/* escaped, quoted string as strace writes it */
void sb_quoted(struct strbuf *sb, const char *data, size_t len, int xflag, bool nul_terminated);
