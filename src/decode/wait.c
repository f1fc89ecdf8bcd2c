/* wait4, waitid and struct rusage. */
#include <sys/resource.h>
#include <sys/wait.h>

#include "decode/proc.h"

void print_rusage(struct dctx *d, uint64_t addr)
{
	struct rusage ru;

	if (!addr) {
		pr_raw(d->p, "NULL");
		return;
	}
	if (mem_read_obj(d, addr, ru) < 0) {
		pr_hex(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "ru_utime");
	pr_struct_begin(d->p);
	pr_field(d->p, "tv_sec");
	pr_int(d->p, ru.ru_utime.tv_sec);
	pr_field(d->p, "tv_usec");
	pr_uint(d->p, (uint64_t)ru.ru_utime.tv_usec);
	pr_struct_end(d->p);
	pr_field(d->p, "ru_stime");
	pr_struct_begin(d->p);
	pr_field(d->p, "tv_sec");
	pr_int(d->p, ru.ru_stime.tv_sec);
	pr_field(d->p, "tv_usec");
	pr_uint(d->p, (uint64_t)ru.ru_stime.tv_usec);
	pr_struct_end(d->p);
	if (!d->o->verbose) {
		pr_more(d->p);
	} else {
		const struct {
			const char *name;
			long v;
		} f[] = {
		    {"ru_maxrss", ru.ru_maxrss},   {"ru_ixrss", ru.ru_ixrss},
		    {"ru_idrss", ru.ru_idrss},	   {"ru_isrss", ru.ru_isrss},
		    {"ru_minflt", ru.ru_minflt},   {"ru_majflt", ru.ru_majflt},
		    {"ru_nswap", ru.ru_nswap},	   {"ru_inblock", ru.ru_inblock},
		    {"ru_oublock", ru.ru_oublock}, {"ru_msgsnd", ru.ru_msgsnd},
		    {"ru_msgrcv", ru.ru_msgrcv},   {"ru_nsignals", ru.ru_nsignals},
		    {"ru_nvcsw", ru.ru_nvcsw},	   {"ru_nivcsw", ru.ru_nivcsw},
		};
		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
			pr_field(d->p, f[i].name);
			pr_uint(d->p, (uint64_t)f[i].v);
		}
	}
	pr_struct_end(d->p);
}

static void signame_text(struct strbuf *sb, int sig)
{
	const char *name = signal_name(sig);

	if (name)
		sb_puts(sb, name);
	else if (sig == 32)
		sb_puts(sb, "SIGRTMIN");
	else if (sig > 32 && sig <= 64)
		sb_printf(sb, "SIGRT_%d", sig - 32);
	else
		sb_printf(sb, "%d", sig);
}

/* [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] */
static void print_status(struct dctx *d, int status)
{
	struct strbuf sb = {0};
	unsigned rest = (unsigned)status;

	if (WIFSTOPPED(status)) {
		int sig = WSTOPSIG(status);
		sb_puts(&sb, "{WIFSTOPPED(s) && WSTOPSIG(s) == ");
		signame_text(&sb, sig & 0x7f);
		sb_printf(&sb, "%s}", sig & 0x80 ? " | 0x80" : "");
		rest &= ~(unsigned)((sig << 8) | 0x7f);
	} else if (WIFSIGNALED(status)) {
		sb_puts(&sb, "{WIFSIGNALED(s) && WTERMSIG(s) == ");
		signame_text(&sb, WTERMSIG(status));
		sb_printf(&sb, "%s}", WCOREDUMP(status) ? " && WCOREDUMP(s)" : "");
		rest &= ~(unsigned)(WTERMSIG(status) | 0x80);
	} else if (WIFEXITED(status)) {
		sb_printf(&sb, "{WIFEXITED(s) && WEXITSTATUS(s) == %d}", WEXITSTATUS(status));
		rest &= ~(unsigned)(WEXITSTATUS(status) << 8);
	} else if (WIFCONTINUED(status)) {
		sb_puts(&sb, "{WIFCONTINUED(s)}");
		rest &= ~(unsigned)0xffff;
	} else {
		sb_printf(&sb, "%#x", (unsigned)status);
		rest = 0;
	}
	if (rest) {
		unsigned event = rest >> 16;
		if (event) {
			const char *name = xlat_name(&xl_ptrace_events, event);
			sb_putc(&sb, '|');
			if (name)
				sb_puts(&sb, name);
			else
				sb_printf(&sb, "%#x /* PTRACE_EVENT_??? */", event);
			sb_puts(&sb, "<<16");
			rest &= 0xffff;
		}
		if (rest)
			sb_printf(&sb, "|%#x", rest);
	}
	pr_array_begin(d->p);
	pr_raw(d->p, "%s", sb.buf);
	pr_array_end(d->p);
	sb_free(&sb);
}

int dec_wait4(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return entry_more(d);
	}
	int status;
	if (d->ev->ret == 0 || syserror(d) || !arg(d, 1))
		pr_ptr(d->p, arg(d, 1));
	else if (mem_read_obj(d, arg(d, 1), status) < 0)
		pr_hex(d->p, arg(d, 1));
	else
		print_status(d, status);
	print_flags(d, &xl_wait4_options, arg(d, 2), "W???");
	if (d->ev->ret > 0)
		print_rusage(d, arg(d, 3));
	else
		pr_ptr(d->p, arg(d, 3));
	return DEC_DONE;
}

int dec_waitid(struct dctx *d)
{
	unsigned idtype = (unsigned)arg(d, 0);
	int id = (int)arg(d, 1);

	if (!d->exiting) {
		print_xval(d, &xl_waitid_types, idtype, "P_???");
		if (idtype == 3 /* P_PIDFD */)
			print_fd(d, id);
		else
			pr_int(d->p, id);
		return entry_more(d);
	}
	if (!out_failed(d, arg(d, 2)))
		print_siginfo_at(d, arg(d, 2));
	print_flags(d, &xl_wait4_options, arg(d, 3), "W???");
	if (!out_failed(d, arg(d, 4)))
		print_rusage(d, arg(d, 4));
	return DEC_DONE;
}
