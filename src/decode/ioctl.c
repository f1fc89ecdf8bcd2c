/* ioctl: the request by name (or as _IOC(dir, type, nr, size)), and the argument of the
 * requests programs commonly make: terminals, FIONREAD, FIONBIO, FIOCLEX... Requests scry does
 * not know print their argument in hex, as strace does. */
#include <asm/termbits.h>
#include <linux/fs.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include "decode/desc.h"

/* asm/termbits.h and glibc's termios.h cannot both be included: the few constants used here */
#define T_CBAUD	  0010017
#define T_CIBAUD  002003600000
#define T_IBSHIFT 16
#define T_CSIZE	  0000060
#define T_NLDLY	  0000400
#define T_CRDLY	  0003000
#define T_TABDLY  0014000
#define T_BSDLY	  0020000
#define T_VTDLY	  0040000
#define T_FFDLY	  0100000

enum ioctl_ret {
	IOC_DEFAULT, /* not decoded: the argument in hex */
	IOC_DONE,    /* decoded (or nothing to print) */
	IOC_EXIT,    /* print the argument at exit */
};

/* Every name of the request, "SNDCTL_TMR_START or TCSETS"; returns false if it has none. */
static bool sb_request_names(struct strbuf *sb, unsigned code)
{
	const struct xlat *x = &xl_ioctl_names;
	bool any = false;

	for (unsigned i = 0; i < x->n; i++) {
		if (x->e[i].val != code)
			continue;
		if (any)
			sb_puts(sb, " or ");
		sb_puts(sb, x->e[i].name);
		any = true;
	}
	return any;
}

static void print_request(struct dctx *d, unsigned code)
{
	struct strbuf sb = {0};
	int style = d->o->xlat_style;

	if (style != XS_ABBREV)
		sb_printf(&sb, "%#x", code);
	if (style == XS_VERBOSE)
		sb_puts(&sb, " /* ");
	if (style != XS_RAW) {
		if (!sb_request_names(&sb, code)) {
			sb_puts(&sb, "_IOC(");
			sb_flags(&sb, &xl_ioctl_dirs, _IOC_DIR(code), XS_ABBREV,
				 style == XS_VERBOSE ? "" : NULL);
			sb_printf(&sb, ", %#x, %#x, %#x)", _IOC_TYPE(code), _IOC_NR(code),
				  _IOC_SIZE(code));
		}
	}
	if (style == XS_VERBOSE)
		sb_puts(&sb, " */");
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

/* One part of a flag word, joined with '|' as strace does for the termios fields. */
static void sb_xval(struct strbuf *sb, const struct xlat *x, uint64_t v)
{
	const char *name = xlat_name(x, v);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%#" PRIx64 " /* %s */", v, x->dflt);
}

static void print_term_flags(struct dctx *d, const struct termios2 *t)
{
	struct strbuf sb = {0};
	uint64_t v;

	pr_field(d->p, "c_iflag");
	pr_flags(d->p, &xl_term_iflags, t->c_iflag, NULL);

	pr_field(d->p, "c_oflag");
	v = t->c_oflag;
	static const struct {
		const struct xlat *x;
		unsigned mask;
	} delays[] = {
	    {&xl_term_nldly, T_NLDLY}, {&xl_term_crdly, T_CRDLY}, {&xl_term_tabdly, T_TABDLY},
	    {&xl_term_bsdly, T_BSDLY}, {&xl_term_vtdly, T_VTDLY}, {&xl_term_ffdly, T_FFDLY},
	};
	for (size_t i = 0; i < sizeof(delays) / sizeof(delays[0]); i++) {
		sb_xval(&sb, delays[i].x, v & delays[i].mask);
		sb_putc(&sb, '|');
		v &= ~(uint64_t)delays[i].mask;
	}
	sb_flags(&sb, &xl_term_oflags, v, XS_ABBREV, NULL);
	pr_raw(d->p, "%s", sb.buf);
	sb_reset(&sb);

	pr_field(d->p, "c_cflag");
	v = t->c_cflag;
	sb_xval(&sb, &xl_term_bauds, v & T_CBAUD);
	sb_putc(&sb, '|');
	if (v & T_CIBAUD) {
		sb_xval(&sb, &xl_term_bauds, (v & T_CIBAUD) >> T_IBSHIFT);
		sb_puts(&sb, "<<IBSHIFT|");
	}
	sb_xval(&sb, &xl_term_csize, v & T_CSIZE);
	sb_putc(&sb, '|');
	v &= ~(uint64_t)(T_CBAUD | T_CIBAUD | T_CSIZE);
	sb_flags(&sb, &xl_term_cflags, v, XS_ABBREV, NULL);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);

	pr_field(d->p, "c_lflag");
	pr_flags(d->p, &xl_term_lflags, t->c_lflag, NULL);
}

static void print_cc(struct dctx *d, const unsigned char *cc, unsigned n)
{
	/* [[VINTR]=0x3, ...]; JSON has no indexed arrays: an object */
	pr_field(d->p, "c_cc");
	if (d->p->json)
		pr_struct_begin(d->p);
	else
		pr_array_begin(d->p);
	for (unsigned i = 0; i < n; i++) {
		const char *name = xlat_name(&xl_term_cc, i);
		char idx[32];
		if (name)
			snprintf(idx, sizeof(idx), "[%s]", name);
		else
			snprintf(idx, sizeof(idx), "[%u]", i);
		pr_field(d->p, idx);
		pr_hex(d->p, cc[i]);
	}
	if (d->p->json)
		pr_struct_end(d->p);
	else
		pr_array_end(d->p);
}

/* struct termios (TCGETS...), termios2 (TCGETS2...) or termio (TCGETA...) */
enum { T_TERMIOS, T_TERMIOS2, T_TERMIO };

static void print_termios(struct dctx *d, uint64_t addr, int kind)
{
	struct termios2 t;
	struct termio tio;
	size_t ncc;

	if (kind == T_TERMIO) {
		if (mem_read_obj(d, addr, tio) < 0) {
			pr_hex(d->p, addr);
			return;
		}
		t.c_iflag = tio.c_iflag;
		t.c_oflag = tio.c_oflag;
		t.c_cflag = tio.c_cflag;
		t.c_lflag = tio.c_lflag;
		t.c_line = tio.c_line;
		memcpy(t.c_cc, tio.c_cc, NCC);
		ncc = NCC;
	} else {
		size_t size = kind == T_TERMIOS ? sizeof(struct termios) : sizeof(t);
		if (mem_read(d, addr, &t, size) < 0) {
			pr_hex(d->p, addr);
			return;
		}
		ncc = NCCS;
	}
	pr_struct_begin(d->p);
	print_term_flags(d, &t);
	if (!d->o->verbose) {
		pr_more(d->p);
	} else {
		pr_field(d->p, "c_line");
		pr_xval(d->p, &xl_term_line_discs, t.c_line, NULL);
		print_cc(d, t.c_cc, (unsigned)ncc);
		if (kind == T_TERMIOS2) {
			pr_field(d->p, "c_ispeed");
			pr_uint(d->p, t.c_ispeed);
			pr_field(d->p, "c_ospeed");
			pr_uint(d->p, t.c_ospeed);
		}
	}
	pr_struct_end(d->p);
}

static void print_winsize(struct dctx *d, uint64_t addr)
{
	struct winsize ws;

	if (mem_read_obj(d, addr, ws) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "ws_row");
	pr_uint(d->p, ws.ws_row);
	pr_field(d->p, "ws_col");
	pr_uint(d->p, ws.ws_col);
	pr_field(d->p, "ws_xpixel");
	pr_uint(d->p, ws.ws_xpixel);
	pr_field(d->p, "ws_ypixel");
	pr_uint(d->p, ws.ws_ypixel);
	pr_struct_end(d->p);
}

/* [42] for an int in memory */
static void print_int_ptr(struct dctx *d, uint64_t addr)
{
	int v;

	if (!addr) {
		pr_raw(d->p, "NULL");
	} else if (mem_read_obj(d, addr, v) < 0) {
		pr_hex(d->p, addr);
	} else {
		pr_array_begin(d->p);
		pr_int(d->p, v);
		pr_array_end(d->p);
	}
}

static void print_modem(struct dctx *d, uint64_t addr)
{
	unsigned v;

	if (mem_read_obj(d, addr, v) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_array_begin(d->p);
	pr_flags(d->p, &xl_modem_flags, v, NULL);
	pr_array_end(d->p);
}

/* The argument of a terminal ioctl; at entry for "set" requests, at exit for "get" ones. */
static enum ioctl_ret term_ioctl(struct dctx *d, unsigned code, uint64_t a)
{
	bool out = false;

	/* a failed "get" leaves nothing to show: strace prints the address */
	if (d->exiting && syserror(d) && a) {
		pr_hex(d->p, a);
		return IOC_DONE;
	}
	switch (code) {
	case TCGETS:
	case TIOCGLCKTRMIOS:
	case TCGETS2:
	case TCGETA:
	case TIOCGWINSZ:
	case TIOCMGET:
	case TIOCGPGRP:
	case TIOCGSID:
	case TIOCGETD:
	case TIOCGSOFTCAR:
	case TIOCGPTN:
	case FIONREAD:
	case TIOCOUTQ:
	case TIOCGEXCL:
	case TIOCGDEV:
		out = true;
		break;
	}
	if (out && !d->exiting)
		return IOC_EXIT;

	switch (code) {
	case TCGETS:
	case TIOCGLCKTRMIOS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TIOCSLCKTRMIOS:
		a ? print_termios(d, a, T_TERMIOS) : pr_raw(d->p, "NULL");
		break;
	case TCGETS2:
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		a ? print_termios(d, a, T_TERMIOS2) : pr_raw(d->p, "NULL");
		break;
	case TCGETA:
	case TCSETA:
	case TCSETAW:
	case TCSETAF:
		a ? print_termios(d, a, T_TERMIO) : pr_raw(d->p, "NULL");
		break;
	case TIOCGWINSZ:
	case TIOCSWINSZ:
		a ? print_winsize(d, a) : pr_raw(d->p, "NULL");
		break;
	case TCXONC:
		pr_xval(d->p, &xl_tcxonc_options, a, NULL);
		break;
	case TCFLSH:
		pr_xval(d->p, &xl_tcflsh_options, a, NULL);
		break;
	case TCSBRK:
	case TCSBRKP:
	case TIOCSCTTY:
		pr_int(d->p, (int)a);
		break;
	case TIOCMGET:
	case TIOCMBIS:
	case TIOCMBIC:
	case TIOCMSET:
		a ? print_modem(d, a) : pr_raw(d->p, "NULL");
		break;
	case TIOCGPGRP:
	case TIOCGSID:
	case TIOCGETD:
	case TIOCGSOFTCAR:
	case TIOCGPTN:
	case FIONREAD:
	case TIOCOUTQ:
	case TIOCGEXCL:
	case TIOCGDEV:
	case TIOCSPGRP:
	case TIOCSETD:
	case FIONBIO:
	case FIOASYNC:
	case TIOCPKT:
	case TIOCSSOFTCAR:
	case TIOCSPTLCK:
		print_int_ptr(d, a);
		break;
	case TIOCSTI:
		print_buf(d, a, 1);
		break;
	case TIOCSBRK:
	case TIOCCBRK:
	case TIOCCONS:
	case TIOCNOTTY:
	case TIOCEXCL:
	case TIOCNXCL:
	case FIOCLEX:
	case FIONCLEX:
	case TIOCVHANGUP:
	case TIOCSSERIAL:
		return IOC_DONE; /* no argument printed */
	default:
		return IOC_DEFAULT;
	}
	return IOC_DONE;
}

/* Socket requests (0x89) whose argument is an int in memory; the ifreq ones print in hex. */
static enum ioctl_ret sock_ioctl(struct dctx *d, unsigned code, uint64_t a)
{
	switch (code) {
	case FIOGETOWN:
	case SIOCATMARK:
	case SIOCGIFENCAP:
	case SIOCGPGRP:
	case SIOCOUTQNSD:
		if (!d->exiting)
			return IOC_EXIT;
		if (syserror(d) && a)
			pr_hex(d->p, a);
		else
			print_int_ptr(d, a);
		return IOC_DONE;
	case FIOSETOWN:
	case SIOCSIFENCAP:
	case SIOCSPGRP:
		print_int_ptr(d, a);
		return IOC_DONE;
	}
	return IOC_DEFAULT;
}

/* 'f' requests and FICLONE-style 0x94 ones that print a simple argument */
static enum ioctl_ret fs_ioctl(struct dctx *d, unsigned code, uint64_t a)
{
	switch (code) {
	case FICLONE:
		/* strace 6.1 prints the source fd as a plain int, without -y's path */
		pr_int(d->p, (int)a);
		return IOC_DONE;
	case FIFREEZE:
	case FITHAW:
		return IOC_DONE;
	}
	return IOC_DEFAULT;
}

int dec_ioctl(struct dctx *d)
{
	unsigned code = (unsigned)arg(d, 1);
	uint64_t a = arg(d, 2);
	enum ioctl_ret r = IOC_DEFAULT;

	if (!d->exiting) {
		print_fd(d, (int)arg(d, 0));
		print_request(d, code);
	}
	switch (_IOC_TYPE(code)) {
	case 'T':
		r = term_ioctl(d, code, a);
		break;
	case 0x94:
		r = fs_ioctl(d, code, a);
		break;
	case 0x89:
		r = sock_ioctl(d, code, a);
		break;
	}
	switch (r) {
	case IOC_EXIT:
		return DEC_MORE;
	case IOC_DEFAULT:
		pr_hex(d->p, a);
		break;
	case IOC_DONE:
		break;
	}
	return DEC_DONE;
}
