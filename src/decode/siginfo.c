/* siginfo_t, as in "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---". */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "decode/dctx.h"
#include "decode/siginfo.h"

/* clock ticks with their value in seconds: 12 / * 0.12 s * / */
void print_clock_t(struct dctx *d, uint64_t val)
{
	static long tck;
	static int width;

	if (!tck) {
		tck = sysconf(_SC_CLK_TCK);
		if (tck <= 0)
			tck = -1;
		for (long v = tck; v >= 10 && width < 9; v /= 10)
			width++;
	}
	pr_uint(d->p, val);
	if (d->o->xlat_style != XS_RAW && tck > 0 && val > 0) {
		char frac[32];
		snprintf(frac, sizeof(frac), "%.*f", width,
			 (double)(val % (uint64_t)tck) / (double)tck);
		const char *dot = strchr(frac, '.');
		pr_comment(d->p, "%" PRIu64 "%s s", val / (uint64_t)tck, dot ? dot : "");
	}
}

static const struct xlat *const si_code_tables[] = {
    [SIGTRAP] = &xl_sigtrap_codes, [SIGCHLD] = &xl_sigchld_codes, [SIGIO] = &xl_sigpoll_codes,
    [SIGPROF] = &xl_sigprof_codes, [SIGILL] = &xl_sigill_codes,	  [SIGFPE] = &xl_sigfpe_codes,
    [SIGSEGV] = &xl_sigsegv_codes, [SIGBUS] = &xl_sigbus_codes,	  [SIGSYS] = &xl_sigsys_codes,
};

static void print_si_code(struct dctx *d, int signo, int code)
{
	uint64_t v = (uint64_t)(int64_t)code;
	const char *name = xlat_name(&xl_si_codes, v);

	if (!name && signo > 0 &&
	    (unsigned)signo < sizeof(si_code_tables) / sizeof(si_code_tables[0]) &&
	    si_code_tables[signo])
		name = xlat_name(si_code_tables[signo], v);
	if (name && d->o->xlat_style == XS_ABBREV)
		pr_raw(d->p, "%s", name);
	else if (name && d->o->xlat_style == XS_VERBOSE)
		pr_raw(d->p, "%#x /* %s */", code, name);
	else
		pr_raw(d->p, "%#x", code);
}

static void print_source(struct dctx *d, const siginfo_t *si)
{
	pr_field(d->p, "si_pid");
	pr_int(d->p, si->si_pid);
	pr_field(d->p, "si_uid");
	pr_uint(d->p, si->si_uid);
}

static void print_value(struct dctx *d, const siginfo_t *si)
{
	pr_field(d->p, "si_int");
	pr_int(d->p, si->si_int);
	pr_field(d->p, "si_ptr");
	pr_ptr(d->p, (uint64_t)(uintptr_t)si->si_ptr);
}

static void print_addr_field(struct dctx *d, const siginfo_t *si)
{
	pr_field(d->p, "si_addr");
	pr_ptr(d->p, (uint64_t)(uintptr_t)si->si_addr);
}

static void print_from_user(struct dctx *d, const siginfo_t *si)
{
	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		print_source(d, si);
		break;
	case SI_TIMER:
		pr_field(d->p, "si_timerid");
		pr_hex(d->p, (unsigned)si->si_timerid);
		pr_field(d->p, "si_overrun");
		pr_int(d->p, si->si_overrun);
		print_value(d, si);
		break;
	case SI_SIGIO:
		pr_field(d->p, "si_band");
		pr_int(d->p, si->si_band);
		pr_field(d->p, "si_fd");
		print_fd(d, si->si_fd);
		break;
	default:
		print_source(d, si);
		if (si->si_ptr)
			print_value(d, si);
		break;
	}
}

static void print_from_kernel(struct dctx *d, const siginfo_t *si)
{
	switch (si->si_signo) {
	case SIGCHLD:
		print_source(d, si);
		pr_field(d->p, "si_status");
		if (si->si_code == CLD_EXITED)
			pr_int(d->p, si->si_status);
		else
			print_signo(d, si->si_status);
		pr_field(d->p, "si_utime");
		print_clock_t(d, (uint64_t)si->si_utime);
		pr_field(d->p, "si_stime");
		print_clock_t(d, (uint64_t)si->si_stime);
		break;
	case SIGILL:
	case SIGFPE:
	case SIGBUS:
	case SIGTRAP:
		print_addr_field(d, si);
		if (si->si_signo == SIGBUS &&
		    (si->si_code == BUS_MCEERR_AR || si->si_code == BUS_MCEERR_AO)) {
			pr_field(d->p, "si_addr_lsb");
			pr_hex(d->p, (uint64_t)si->si_addr_lsb);
		}
		break;
	case SIGSEGV:
		print_addr_field(d, si);
		if (si->si_code == SEGV_PKUERR) {
			pr_field(d->p, "si_pkey");
			pr_uint(d->p, si->si_pkey);
		}
		break;
	case SIGIO:
		if (si->si_code >= POLL_IN && si->si_code <= POLL_HUP) {
			pr_field(d->p, "si_band");
			pr_int(d->p, si->si_band);
			pr_field(d->p, "si_fd");
			print_fd(d, si->si_fd);
		}
		break;
	case SIGSYS: {
		const struct syscall_info *sc = syscall_get(si->si_syscall);
		pr_field(d->p, "si_call_addr");
		pr_ptr(d->p, (uint64_t)(uintptr_t)si->si_call_addr);
		pr_field(d->p, "si_syscall");
		if (sc)
			pr_raw(d->p, "__NR_%s", sc->name);
		else
			pr_int(d->p, si->si_syscall);
		pr_field(d->p, "si_arch");
		if (si->si_arch == 0xc000003e)
			pr_raw(d->p, "AUDIT_ARCH_X86_64");
		else
			pr_hex(d->p, si->si_arch);
		break;
	}
	default:
		if (si->si_pid || si->si_uid)
			print_source(d, si);
		if (si->si_ptr)
			print_value(d, si);
	}
}

void print_siginfo(struct dctx *d, const siginfo_t *si)
{
	pr_struct_begin(d->p);
	if (si->si_signo) {
		pr_field(d->p, "si_signo");
		print_signo(d, si->si_signo);
		pr_field(d->p, "si_code");
		print_si_code(d, si->si_signo, si->si_code);
		if (si->si_errno) {
			pr_field(d->p, "si_errno");
			const char *e = errno_name(si->si_errno);
			if (e)
				pr_raw(d->p, "%s", e);
			else
				pr_uint(d->p, (unsigned)si->si_errno);
		}
		if (si->si_code != 32767 /* SI_NOINFO */) {
			if (si->si_code <= 0)
				print_from_user(d, si);
			else
				print_from_kernel(d, si);
		}
	}
	pr_struct_end(d->p);
}
