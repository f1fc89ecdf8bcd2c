/* uname, sysinfo, getrandom. */
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "decode/proc.h"

static void print_cstring_field(struct dctx *d, const char *name, const char *s, size_t size)
{
	pr_field(d->p, name);
	pr_quoted(d->p, s, strnlen(s, size), false, false);
}

int dec_uname(struct dctx *d)
{
	struct utsname u;

	if (!d->exiting)
		return entry_more(d);
	uint64_t addr = arg(d, 0);
	if (out_failed(d, addr))
		return DEC_DONE;
	if (!addr) {
		pr_raw(d->p, "NULL");
		return DEC_DONE;
	}
	if (mem_read_obj(d, addr, u) < 0) {
		pr_hex(d->p, addr);
		return DEC_DONE;
	}
	pr_struct_begin(d->p);
	print_cstring_field(d, "sysname", u.sysname, sizeof(u.sysname));
	print_cstring_field(d, "nodename", u.nodename, sizeof(u.nodename));
	if (!d->o->verbose) {
		pr_more(d->p);
	} else {
		print_cstring_field(d, "release", u.release, sizeof(u.release));
		print_cstring_field(d, "version", u.version, sizeof(u.version));
		print_cstring_field(d, "machine", u.machine, sizeof(u.machine));
		print_cstring_field(d, "domainname", u.domainname, sizeof(u.domainname));
	}
	pr_struct_end(d->p);
	return DEC_DONE;
}

int dec_sysinfo(struct dctx *d)
{
	struct sysinfo si;

	if (!d->exiting)
		return entry_more(d);
	uint64_t addr = arg(d, 0);
	if (out_failed(d, addr))
		return DEC_DONE;
	if (!addr) {
		pr_raw(d->p, "NULL");
		return DEC_DONE;
	}
	if (mem_read_obj(d, addr, si) < 0) {
		pr_hex(d->p, addr);
		return DEC_DONE;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "uptime");
	pr_uint(d->p, (uint64_t)si.uptime);
	pr_field(d->p, "loads");
	pr_array_begin(d->p);
	for (int i = 0; i < 3; i++)
		pr_uint(d->p, si.loads[i]);
	pr_array_end(d->p);
	const struct {
		const char *name;
		uint64_t v;
	} f[] = {
	    {"totalram", si.totalram},	 {"freeram", si.freeram},     {"sharedram", si.sharedram},
	    {"bufferram", si.bufferram}, {"totalswap", si.totalswap}, {"freeswap", si.freeswap},
	    {"procs", si.procs},	 {"totalhigh", si.totalhigh}, {"freehigh", si.freehigh},
	    {"mem_unit", si.mem_unit},
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		pr_field(d->p, f[i].name);
		pr_uint(d->p, f[i].v);
	}
	pr_struct_end(d->p);
	return DEC_DONE;
}

/* the random bytes print in hex at exit */
int dec_getrandom(struct dctx *d)
{
	if (!d->exiting)
		return entry_more(d);
	if (!out_failed(d, arg(d, 0)))
		print_buf_hex(d, arg(d, 0), (uint64_t)d->ev->ret);
	pr_uint(d->p, arg(d, 1));
	print_flags(d, &xl_getrandom_flags, arg(d, 2), "GRND_???");
	return DEC_DONE;
}
