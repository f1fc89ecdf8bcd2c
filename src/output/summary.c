/* The -c / -C summary: strace's table, byte for byte. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace/session.h"

struct counts {
	uint64_t calls, errors;
	uint64_t ns, min_ns, max_ns, avg_ns;
};

struct summary {
	struct counts *c; /* indexed by syscall number */
	unsigned n;
};

struct summary *summary_new(void)
{
	struct summary *s = calloc(1, sizeof(*s));

	s->n = syscall_table_size;
	s->c = calloc(s->n, sizeof(*s->c));
	return s;
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	free(s->c);
	free(s);
}

void summary_add(struct summary *s, long nr, uint64_t ns, bool error)
{
	if (nr < 0 || (unsigned long)nr >= s->n || !syscall_table[nr].name)
		return;
	struct counts *c = &s->c[nr];
	if (!c->calls || ns < c->min_ns)
		c->min_ns = ns;
	if (ns > c->max_ns)
		c->max_ns = ns;
	c->calls++;
	c->errors += error;
	c->ns += ns;
}

void summary_add_many(struct summary *s, long nr, uint64_t calls, uint64_t errors, uint64_t ns,
		      uint64_t min_ns, uint64_t max_ns)
{
	if (!calls || nr < 0 || (unsigned long)nr >= s->n || !syscall_table[nr].name)
		return;
	struct counts *c = &s->c[nr];
	if (!c->calls || min_ns < c->min_ns)
		c->min_ns = min_ns;
	if (max_ns > c->max_ns)
		c->max_ns = max_ns;
	c->calls += calls;
	c->errors += errors;
	c->ns += ns;
}

static const struct counts *sort_base;
static int (*sort_key)(const struct counts *, const struct counts *, unsigned, unsigned);

static int cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0; /* descending */
}

static int by_time(const struct counts *a, const struct counts *b, unsigned ia, unsigned ib)
{
	(void)ia, (void)ib;
	return cmp_u64(a->ns, b->ns);
}
static int by_min(const struct counts *a, const struct counts *b, unsigned ia, unsigned ib)
{
	(void)ia, (void)ib;
	return cmp_u64(a->min_ns, b->min_ns);
}
static int by_max(const struct counts *a, const struct counts *b, unsigned ia, unsigned ib)
{
	(void)ia, (void)ib;
	return cmp_u64(a->max_ns, b->max_ns);
}
static int by_avg(const struct counts *a, const struct counts *b, unsigned ia, unsigned ib)
{
	(void)ia, (void)ib;
	return cmp_u64(a->avg_ns, b->avg_ns);
}
static int by_calls(const struct counts *a, const struct counts *b, unsigned ia, unsigned ib)
{
	(void)ia, (void)ib;
	return cmp_u64(a->calls, b->calls);
}
static int by_errors(const struct counts *a, const struct counts *b, unsigned ia, unsigned ib)
{
	(void)ia, (void)ib;
	return cmp_u64(a->errors, b->errors);
}
static int by_name(const struct counts *a, const struct counts *b, unsigned ia, unsigned ib)
{
	(void)a, (void)b;
	return strcmp(syscall_table[ia].name, syscall_table[ib].name);
}

static const struct {
	const char *name;
	int (*fn)(const struct counts *, const struct counts *, unsigned, unsigned);
} sort_keys[] = {
    {"time", by_time},	       {"time_percent", by_time}, {"time-percent", by_time},
    {"time_total", by_time},   {"time-total", by_time},	  {"total_time", by_time},
    {"total-time", by_time},   {"min_time", by_min},	  {"min-time", by_min},
    {"shortest", by_min},      {"time_min", by_min},	  {"time-min", by_min},
    {"longest", by_max},       {"max_time", by_max},	  {"max-time", by_max},
    {"time_max", by_max},      {"time-max", by_max},	  {"avg_time", by_avg},
    {"avg-time", by_avg},      {"time_avg", by_avg},	  {"time-avg", by_avg},
    {"calls", by_calls},       {"count", by_calls},	  {"error", by_errors},
    {"errors", by_errors},     {"name", by_name},	  {"syscall", by_name},
    {"syscall_name", by_name}, {"syscall-name", by_name}, {"none", NULL},
    {"nothing", NULL},
};

bool summary_sort_key_valid(const char *name)
{
	for (size_t i = 0; i < sizeof(sort_keys) / sizeof(sort_keys[0]); i++)
		if (strcmp(sort_keys[i].name, name) == 0)
			return true;
	return false;
}

static int cmp_index(const void *a, const void *b)
{
	unsigned ia = *(const unsigned *)a, ib = *(const unsigned *)b;
	int r = sort_key(&sort_base[ia], &sort_base[ib], ia, ib);

	return r ? r : (ia > ib) - (ia < ib);
}

static int width_of(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int width_of(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return n;
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static void rule(FILE *f, const int *w, int ncols)
{
	for (int i = 0; i < ncols; i++) {
		if (i)
			fputc(' ', f);
		for (int j = 0; j < w[i]; j++)
			fputc('-', f);
	}
	fputc('\n', f);
}

void summary_print(struct summary *s, FILE *f, const char *sort_by)
{
	uint64_t total_ns = 0, calls = 0, errors = 0, avg_max = 0;
	size_t name_max = 0;
	unsigned *idx = malloc(s->n * sizeof(*idx));
	unsigned n = 0;

	for (unsigned i = 0; i < s->n; i++) {
		struct counts *c = &s->c[i];
		if (!c->calls)
			continue;
		idx[n++] = i;
		total_ns += c->ns;
		calls += c->calls;
		errors += c->errors;
		c->avg_ns = (c->ns + c->calls / 2) / c->calls;
		if (c->avg_ns > avg_max)
			avg_max = c->avg_ns;
		size_t l = strlen(syscall_table[i].name);
		if (l > name_max)
			name_max = l;
	}
	sort_key = by_time;
	for (size_t i = 0; sort_by && i < sizeof(sort_keys) / sizeof(sort_keys[0]); i++)
		if (strcmp(sort_keys[i].name, sort_by) == 0)
			sort_key = sort_keys[i].fn;
	sort_base = s->c;
	if (sort_key)
		qsort(idx, n, sizeof(*idx), cmp_index);

	double total = total_ns / 1e9;
	int w[6] = {
	    6,
	    max_int(11, width_of("%.6f", total)),
	    max_int(11, width_of("%" PRIu64, (uint64_t)(avg_max / 1e9 * 1e6))),
	    max_int(9, width_of("%" PRIu64, calls)),
	    max_int(9, width_of("%" PRIu64, errors)),
	    max_int(16, (int)name_max + 1),
	};
	fprintf(f, "%*s %*s %*s %*s %*s %s\n", w[0], "% time", w[1], "seconds", w[2], "usecs/call",
		w[3], "calls", w[4], "errors", "syscall");
	rule(f, w, 6);
	for (unsigned k = 0; k < n; k++) {
		const struct counts *c = &s->c[idx[k]];
		double secs = c->ns / 1e9;
		double pct = 100.0 * secs;
		if (pct != 0.0)
			pct /= total;
		fprintf(f, "%*.2f %*.6f %*" PRIu64 " %*" PRIu64 " %*.0" PRIu64 " %s\n", w[0], pct,
			w[1], secs, w[2], (uint64_t)(c->avg_ns / 1e9 * 1e6), w[3], c->calls, w[4],
			c->errors, syscall_table[idx[k]].name);
	}
	rule(f, w, 6);
	fprintf(f, "%*.2f %*.6f %*" PRIu64 " %*" PRIu64 " %*.0" PRIu64 " %s\n", w[0], 100.0, w[1],
		total, w[2], calls ? (uint64_t)(total / calls * 1e6) : 0, w[3], calls, w[4], errors,
		"total");
	free(idx);
}
