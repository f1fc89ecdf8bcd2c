/* Writing the report: text for people, one JSON object for programs. Same content. */
#include <inttypes.h>
#include <string.h>

#include "leaks/leaks.h"
#include "syscalls/syscalls.h"

#define MAX_SHOWN_FRAMES  12
#define MAX_SHOWN_SAMPLES 12

static const char *const end_names[LEAK_NENDS] = {
    [LEAK_END_EXEC] = "exec (O_CLOEXEC)",
    [LEAK_END_EXIT] = "exit",
    [LEAK_END_VANISHED] = "closed unseen",
};

static const char *sc_name(long nr)
{
	const struct syscall_info *si = syscall_get(nr);

	return si && si->name ? si->name : "?";
}

/* "1.5 s", "12 min", "3.2 h" */
static void human_duration(char *buf, size_t len, double s)
{
	if (s < 120)
		snprintf(buf, len, "%.1f s", s);
	else if (s < 7200)
		snprintf(buf, len, "%.1f min", s / 60);
	else if (s < 172800)
		snprintf(buf, len, "%.1f h", s / 3600);
	else
		snprintf(buf, len, "%.1f days", s / 86400);
}

static double age(const struct leak_report *r, uint64_t t)
{
	return t < r->now ? (double)(r->now - t) / 1e9 : 0;
}

struct frames {
	struct unw_frame v[MAX_SHOWN_FRAMES];
	int n;
	int where; /* the frame that names the leak: the first outside libc, preferably with a
		    * source line; -1 when no frame has a name */
};

static bool in_libc(const struct unw_frame *f)
{
	const char *m = f->module ? strrchr(f->module, '/') : NULL;

	m = m ? m + 1 : f->module;
	return m && (strncmp(m, "libc.so", 7) == 0 || strncmp(m, "libc-", 5) == 0 ||
		     strncmp(m, "ld-linux", 8) == 0 || strncmp(m, "libpthread", 10) == 0);
}

static void symbolize(const struct leak_report *r, unsigned site, leak_symbolize_fn sym, void *ctx,
		      struct frames *fr)
{
	const struct leak_site *s = &r->tr->sites[site];

	fr->n = 0;
	fr->where = -1;
	for (int i = 0; i < s->npcs && fr->n < MAX_SHOWN_FRAMES; i++) {
		struct unw_frame *f = &fr->v[fr->n++];
		memset(f, 0, sizeof(*f));
		f->pc = s->pcs[i];
		if (s->frames) /* symbolized before its process exec'd */
			*f = s->frames[i];
		else if (!sym || sym(ctx, s->tgid, s->pcs[i], i > 0, f) < 0)
			f->pc = s->pcs[i];
		if (f->symbol && strcmp(f->symbol, "main") == 0)
			break;
	}
	/* the syscall wrappers are libc's (with debug info or not): the leak is their caller's */
	for (int i = 0; i < fr->n && fr->where < 0; i++)
		if (fr->v[i].file && fr->v[i].line && !in_libc(&fr->v[i]))
			fr->where = i;
	for (int i = 0; i < fr->n && fr->where < 0; i++)
		if (fr->v[i].symbol && fr->v[i].symbol[0] && !in_libc(&fr->v[i]))
			fr->where = i;
	for (int i = 0; i < fr->n && fr->where < 0; i++)
		if (fr->v[i].symbol && fr->v[i].symbol[0])
			fr->where = i;
}

static const char *base_name(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;

	return s ? s + 1 : path;
}

/* "store_upload (upload-server.c:57)" or "store_upload+0x1c (/usr/bin/x)" */
static void frame_where(const struct unw_frame *f, char *buf, size_t len)
{
	if (f->symbol && f->file && f->line)
		snprintf(buf, len, "%s (%s:%d)", f->symbol, base_name(f->file), f->line);
	else if (f->symbol)
		snprintf(buf, len, "%s+0x%" PRIx64 " (%s)", f->symbol, f->symbol_offset,
			 f->module ? base_name(f->module) : "?");
	else
		snprintf(buf, len, "0x%" PRIx64, f->pc);
}

static void site_where(const struct leak_report *r, const struct leak_group *g,
		       leak_symbolize_fn sym, void *ctx, char *buf, size_t len)
{
	struct frames fr;

	symbolize(r, g->site, sym, ctx, &fr);
	if (fr.where >= 0)
		frame_where(&fr.v[fr.where], buf, len);
	if (fr.where < 0)
		snprintf(buf, len, "%s (no call stack)", sc_name(r->tr->sites[g->site].nr));
	else if (r->tr->sites[g->site].npcs) {
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, " calling %s", sc_name(r->tr->sites[g->site].nr));
	}
}

static const struct leak_proc_summary *worst_proc(const struct leak_report *r)
{
	const struct leak_proc_summary *w = r->nprocs ? &r->procs[0] : NULL;

	for (unsigned i = 1; i < r->nprocs; i++)
		if (r->procs[i].per_minute > w->per_minute)
			w = &r->procs[i];
	return w;
}

/* The verdict paragraph (one line; the terminal wraps it). */
static void verdict(const struct leak_report *r, leak_symbolize_fn sym, void *ctx, char *buf,
		    size_t len)
{
	char win[32], where[512], left[32];
	const struct leak_proc_summary *w = worst_proc(r);

	human_duration(win, sizeof(win), r->seconds);
	if (!w) {
		snprintf(buf, len, "No process was traced: nothing to say.");
		return;
	}
	if (r->nleaked == 0) {
		snprintf(buf, len,
			 "No leak: every fd created during the %s window%s was closed; %u fds "
			 "that were open before are not blamed.",
			 win, r->nyoung ? " (and older than --min-age)" : "", w->nbaseline);
		return;
	}
	const struct leak_group *top = &r->groups[0];
	site_where(r, top, sym, ctx, where, sizeof(where));
	if (!r->leak) {
		snprintf(buf, len,
			 "No growth: %u fds created during the %s window are still open (most: %u "
			 "x %s from %s), but the fd count did not grow; long-lived fds, not a "
			 "leak so far.",
			 r->nleaked, win, top->count, top->pattern, where);
		return;
	}
	int o = snprintf(buf, len,
			 "Leak: %u fds created during the %s window were never closed, at %u "
			 "site%s; the largest group is %u x %s from %s.",
			 r->nleaked, win, r->ntracked_groups, r->ntracked_groups == 1 ? "" : "s",
			 top->count, top->pattern, where);
	if (o < 0 || (size_t)o >= len)
		return;
	if (w->exited) {
		snprintf(buf + o, len - (size_t)o,
			 " pid %d exited holding %u fds it had opened and not closed.", w->tgid,
			 w->nfds_now - w->nbaseline);
	} else if (w->minutes_left >= 0) {
		human_duration(left, sizeof(left), w->minutes_left * 60);
		snprintf(buf + o, len - (size_t)o,
			 " pid %d grows by %.0f fds per minute and reaches its limit of %" PRIu64
			 " open files in %s.",
			 w->tgid, w->per_minute, w->limit, left);
	} else {
		snprintf(buf + o, len - (size_t)o, " pid %d grows by %.0f fds per minute.", w->tgid,
			 w->per_minute);
	}
}

/* ---- text ---- */

static void text_samples(const struct leak_proc *p, FILE *f)
{
	unsigned n = p->nsamples,
		 step = n > MAX_SHOWN_SAMPLES ? (n + MAX_SHOWN_SAMPLES - 1) / MAX_SHOWN_SAMPLES : 1;
	uint64_t t0 = n ? p->samples[0].t : 0;

	fprintf(f, "    samples (s: fds):");
	for (unsigned i = 0; i < n; i += step)
		fprintf(f, " %.1f:%u", (double)(p->samples[i].t - t0) / 1e9, p->samples[i].nfds);
	if (n && (n - 1) % step)
		fprintf(f, " %.1f:%u", (double)(p->samples[n - 1].t - t0) / 1e9,
			p->samples[n - 1].nfds);
	fputc('\n', f);
}

static void text_frames(const struct frames *fr, FILE *f)
{
	for (int i = 0; i < fr->n; i++) {
		const struct unw_frame *x = &fr->v[i];
		fprintf(f, "        %s ", i == fr->where ? "=>" : "at");
		if (x->symbol)
			fprintf(f, "%s+0x%" PRIx64, x->symbol, x->symbol_offset);
		else
			fprintf(f, "0x%" PRIx64, x->pc);
		if (x->file && x->line)
			fprintf(f, " (%s:%d)", x->file, x->line);
		if (x->module)
			fprintf(f, " [%s]", base_name(x->module));
		fputc('\n', f);
	}
}

void leak_report_text(const struct leak_report *r, FILE *f, leak_symbolize_fn sym, void *ctx)
{
	const struct tracker *tr = r->tr;
	char buf[2048], d1[32];

	human_duration(d1, sizeof(d1), r->seconds);
	fprintf(f, "== scry leaks: %s of tracking\n\n", d1);

	fprintf(f, "1. fd count\n");
	for (unsigned i = 0; i < r->nprocs; i++) {
		const struct leak_proc_summary *ps = &r->procs[i];
		fprintf(f, "  pid %d (%s)%s: %u -> %u fds in %.1f s, %+.1f per minute", ps->tgid,
			ps->comm, ps->exited ? ", exited" : "", ps->nfds_start, ps->nfds_now,
			ps->seconds, ps->per_minute);
		if (ps->limit)
			fprintf(f, "; limit %" PRIu64, ps->limit);
		if (ps->minutes_left >= 0) {
			human_duration(d1, sizeof(d1), ps->minutes_left * 60);
			fprintf(f, ", reached in %s", d1);
		}
		fputc('\n', f);
		text_samples(ps->p, f);
	}
	if (r->have_file_nr)
		fprintf(f, "  system: %" PRIu64 " files allocated of fs.file-max %" PRIu64 "\n",
			r->file_nr_allocated, r->file_max);

	fprintf(f, "\n2. opens and closes during the window\n");
	fprintf(f, "  %-18s %9s %9s %9s %9s\n", "syscall", "calls", "errors", "opened", "closed");
	uint64_t to = 0, tc = 0;
	for (long nr = 0; nr < (long)(sizeof(tr->counts) / sizeof(tr->counts[0])); nr++) {
		const struct leak_count *c = &tr->counts[nr];
		if (!c->calls || !leaks_counted(nr))
			continue;
		fprintf(f, "  %-18s %9" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64 "\n",
			sc_name(nr), c->calls, c->errors, c->opened, c->closed);
		to += c->opened;
		tc += c->closed;
	}
	for (int e = 0; e < LEAK_NENDS; e++)
		if (tr->ends[e]) {
			fprintf(f, "  %-18s %9s %9s %9s %9" PRIu64 "\n", end_names[e], "", "", "",
				tr->ends[e]);
			tc += tr->ends[e];
		}
	fprintf(f, "  %-18s %9s %9s %9" PRIu64 " %9" PRIu64 "\n", "total", "", "", to, tc);

	fprintf(f, "\n3. still open: %u fds created during the window", r->nleaked);
	if (r->min_age > 0)
		fprintf(f, " (older than %.1f s; %u younger ones not shown)", r->min_age,
			r->nyoung);
	fprintf(f, "\n");
	for (unsigned i = 0; i < r->ntracked_groups; i++) {
		const struct leak_group *g = &r->groups[i];
		struct frames fr;
		fprintf(f, "  %5u x %s  (%s; oldest %.1f s, newest %.1f s; pid %d", g->count,
			g->pattern, sc_name(tr->sites[g->site].nr), age(r, g->oldest),
			age(r, g->newest), g->pid);
		if (g->npids > 1)
			fprintf(f, " and %u more", g->npids - 1);
		fprintf(f, "%s)\n", g->at_exit ? "; open at exit" : "");
		symbolize(r, g->site, sym, ctx, &fr);
		if (fr.n)
			text_frames(&fr, f);
		else
			fprintf(f, "        (no call stack%s)\n",
				r->lk->stack_errors ? ": unwinding failed" : "");
	}
	unsigned nbase = 0;
	for (unsigned i = r->ntracked_groups; i < r->ngroups; i++)
		nbase += r->groups[i].count;
	fprintf(f, "  pre-existing (open when tracking began, not blamed): %u fds\n", nbase);
	for (unsigned i = r->ntracked_groups; i < r->ngroups; i++)
		fprintf(f, "  %5u x %s\n", r->groups[i].count, r->groups[i].pattern);

	verdict(r, sym, ctx, buf, sizeof(buf));
	fprintf(f, "\n4. verdict\n  %s\n", buf);
}

/* ---- JSON ---- */

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void json_frames(const struct frames *fr, FILE *f)
{
	fprintf(f, "[");
	for (int i = 0; i < fr->n; i++) {
		const struct unw_frame *x = &fr->v[i];
		fprintf(f, "%s{\"pc\":\"0x%" PRIx64 "\",\"module\":", i ? "," : "", x->pc);
		json_str(f, x->module);
		fprintf(f, ",\"module_offset\":\"0x%" PRIx64 "\",\"symbol\":", x->module_offset);
		if (x->symbol)
			json_str(f, x->symbol);
		else
			fprintf(f, "null");
		fprintf(f, ",\"symbol_offset\":\"0x%" PRIx64 "\",\"file\":", x->symbol_offset);
		if (x->file)
			json_str(f, x->file);
		else
			fprintf(f, "null");
		fprintf(f, ",\"line\":%d,\"where\":%s}", x->line,
			i == fr->where ? "true" : "false");
	}
	fprintf(f, "]");
}

void leak_report_json(const struct leak_report *r, FILE *f, leak_symbolize_fn sym, void *ctx)
{
	const struct tracker *tr = r->tr;
	char buf[2048];

	fprintf(f, "{\"seconds\":%.3f,\"min_age\":%.3f,\"processes\":[", r->seconds, r->min_age);
	for (unsigned i = 0; i < r->nprocs; i++) {
		const struct leak_proc_summary *ps = &r->procs[i];
		fprintf(f, "%s{\"pid\":%d,\"comm\":", i ? "," : "", ps->tgid);
		json_str(f, ps->comm);
		fprintf(f,
			",\"exited\":%s,\"fds_start\":%u,\"fds_now\":%u,\"seconds\":%.3f,"
			"\"per_minute\":%.3f,\"limit\":%" PRIu64 ",\"minutes_to_limit\":",
			ps->exited ? "true" : "false", ps->nfds_start, ps->nfds_now, ps->seconds,
			ps->per_minute, ps->limit);
		if (ps->minutes_left >= 0)
			fprintf(f, "%.3f", ps->minutes_left);
		else
			fprintf(f, "null");
		fprintf(f, ",\"samples\":[");
		const struct leak_proc *p = ps->p;
		for (unsigned k = 0; k < p->nsamples; k++)
			fprintf(f, "%s[%.3f,%u]", k ? "," : "",
				(double)(p->samples[k].t - p->samples[0].t) / 1e9,
				p->samples[k].nfds);
		fprintf(f, "]}");
	}
	fprintf(f, "],\"file_nr\":");
	if (r->have_file_nr)
		fprintf(f, "{\"allocated\":%" PRIu64 ",\"max\":%" PRIu64 "}", r->file_nr_allocated,
			r->file_max);
	else
		fprintf(f, "null");
	fprintf(f, ",\"syscalls\":[");
	bool first = true;
	for (long nr = 0; nr < (long)(sizeof(tr->counts) / sizeof(tr->counts[0])); nr++) {
		const struct leak_count *c = &tr->counts[nr];
		if (!c->calls || !leaks_counted(nr))
			continue;
		fprintf(f,
			"%s{\"name\":\"%s\",\"calls\":%" PRIu64 ",\"errors\":%" PRIu64
			",\"opened\":%" PRIu64 ",\"closed\":%" PRIu64 "}",
			first ? "" : ",", sc_name(nr), c->calls, c->errors, c->opened, c->closed);
		first = false;
	}
	fprintf(f,
		"],\"implicit_closes\":{\"exec\":%" PRIu64 ",\"exit\":%" PRIu64
		",\"unseen\":%" PRIu64 "},\"open\":[",
		tr->ends[LEAK_END_EXEC], tr->ends[LEAK_END_EXIT], tr->ends[LEAK_END_VANISHED]);
	for (unsigned i = 0; i < r->ntracked_groups; i++) {
		const struct leak_group *g = &r->groups[i];
		struct frames fr;
		fprintf(f, "%s{\"count\":%u,\"pattern\":", i ? "," : "", g->count);
		json_str(f, g->pattern);
		fprintf(f,
			",\"syscall\":\"%s\",\"oldest_s\":%.3f,\"newest_s\":%.3f,\"pid\":%d,"
			"\"npids\":%u,\"open_at_exit\":%s,\"stack\":",
			sc_name(tr->sites[g->site].nr), age(r, g->oldest), age(r, g->newest),
			g->pid, g->npids, g->at_exit ? "true" : "false");
		symbolize(r, g->site, sym, ctx, &fr);
		json_frames(&fr, f);
		fprintf(f, "}");
	}
	fprintf(f, "],\"pre_existing\":[");
	for (unsigned i = r->ntracked_groups; i < r->ngroups; i++) {
		fprintf(f, "%s{\"count\":%u,\"pattern\":", i > r->ntracked_groups ? "," : "",
			r->groups[i].count);
		json_str(f, r->groups[i].pattern);
		fprintf(f, "}");
	}
	verdict(r, sym, ctx, buf, sizeof(buf));
	fprintf(f, "],\"leak\":%s,\"verdict\":", r->leak ? "true" : "false");
	json_str(f, buf);
	fprintf(f, "}\n");
}
