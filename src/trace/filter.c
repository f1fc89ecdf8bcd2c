/* Parsing strace's qualifiers into sets. */
#include "trace/filter.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode/dctx.h"
#include "syscalls/syscalls.h"

void filter_init(struct filter *f)
{
	memset(f, 0, sizeof(*f));
	f->trace.not = true; /* all */
	f->signals.not = true;
	f->status = ST_ALL;
}

static const struct {
	const char *name;
	uint32_t classes;
} syscall_classes[] = {
    {"%desc", TC_DESC},
    {"%file", TC_FILE},
    {"%memory", TC_MEMORY},
    {"%process", TC_PROCESS},
    {"%creds", TC_CREDS},
    {"%signal", TC_SIGNAL},
    {"%ipc", TC_IPC},
    {"%net", TC_NETWORK},
    {"%network", TC_NETWORK},
    {"%stat", TC_STAT},
    {"%lstat", TC_LSTAT},
    {"%fstat", TC_FSTAT},
    {"%%stat", TC_STAT_LIKE},
    {"%statfs", TC_STATFS},
    {"%fstatfs", TC_FSTATFS},
    {"%%statfs", TC_STATFS_LIKE},
    {"%pure", TC_PURE},
    {"%clock", TC_CLOCK},
    /* legacy names */
    {"desc", TC_DESC},
    {"file", TC_FILE},
    {"memory", TC_MEMORY},
    {"process", TC_PROCESS},
    {"signal", TC_SIGNAL},
    {"ipc", TC_IPC},
    {"network", TC_NETWORK},
};

static bool add_class(struct numset *s, const char *tok)
{
	for (size_t i = 0; i < sizeof(syscall_classes) / sizeof(syscall_classes[0]); i++) {
		if (strcasecmp(tok, syscall_classes[i].name) != 0)
			continue;
		uint32_t c = syscall_classes[i].classes;
		for (unsigned nr = 0; nr < syscall_table_size; nr++)
			if (syscall_table[nr].name && (syscall_table[nr].classes & c) == c)
				numset_add(s, nr);
		return true;
	}
	return false;
}

/* Stacked quantifiers ("a+++", "x*{2}+") are undefined in POSIX EREs, and glibc's regcomp
 * needs memory exponential in their number: a 150-byte pattern took 24 GiB. Refuse them. */
static bool stacked_quantifiers(const char *re)
{
	bool prev_quant = false;

	for (const char *p = re; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			prev_quant = false;
			continue;
		}
		bool quant = *p == '*' || *p == '+' || *p == '?' || *p == '{';
		if (quant && prev_quant)
			return true;
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (close)
				p = close;
		}
		prev_quant = quant;
	}
	return false;
}

static int add_regex(struct numset *s, const char *re, char *err, size_t errlen)
{
	regex_t preg;
	bool found = false;

	if (stacked_quantifiers(re)) {
		snprintf(err, errlen, "regcomp: %s: repeated quantifiers are not supported", re);
		return -EINVAL;
	}
	int rc = regcomp(&preg, re, REG_EXTENDED | REG_NOSUB);

	if (rc) {
		char buf[256];
		regerror(rc, &preg, buf, sizeof(buf));
		snprintf(err, errlen, "regcomp: %s: %s", re, buf);
		return -EINVAL;
	}
	for (unsigned nr = 0; nr < syscall_table_size; nr++) {
		if (syscall_table[nr].name &&
		    regexec(&preg, syscall_table[nr].name, 0, NULL, 0) == 0) {
			numset_add(s, nr);
			found = true;
		}
	}
	regfree(&preg);
	return found ? 1 : 0;
}

static int add_syscall_token(struct numset *s, const char *tok, char *err, size_t errlen)
{
	bool optional = false;

	while (*tok == '?') {
		optional = true;
		tok++;
	}
	if (isdigit((unsigned char)*tok)) {
		char *end;
		unsigned long nr = strtoul(tok, &end, 10);
		if (*end || !syscall_get((long)nr))
			return optional ? 0 : -ENOENT;
		numset_add(s, (unsigned)nr);
		return 0;
	}
	if (*tok == '/') {
		int r = add_regex(s, tok + 1, err, errlen);
		if (r < 0)
			return r;
		return r || optional ? 0 : -ENOENT;
	}
	if (add_class(s, tok))
		return 0;
	long nr = syscall_by_name(tok);
	if (nr >= 0) {
		numset_add(s, (unsigned)nr);
		return 0;
	}
	return optional ? 0 : -ENOENT;
}

int filter_parse_trace(struct filter *f, const char *spec, char *err, size_t errlen)
{
	struct numset s = {0};
	const char *p = spec;

	while (*p == '!') {
		s.not = !s.not ;
		p++;
	}
	f->trace_given = true;
	if (strcmp(p, "none") == 0) {
		f->trace = s;
		return 0;
	}
	if (strcmp(p, "all") == 0) {
		s.not = !s.not ;
		f->trace = s;
		return 0;
	}
	char *copy = strdup(p), *save = NULL;
	int r = 0;
	bool any = false;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		any = true;
		r = add_syscall_token(&s, tok, err, errlen);
		if (r == -ENOENT)
			snprintf(err, errlen, "invalid system call '%s'", tok);
		if (r < 0)
			break;
	}
	free(copy);
	if (!any && r == 0) {
		snprintf(err, errlen, "invalid system call '%s'", spec);
		r = -EINVAL;
	}
	if (r < 0)
		return -EINVAL;
	f->trace = s;
	return 0;
}

int signal_by_name(const char *name)
{
	char *end;
	long n = strtol(name, &end, 10);

	if (*name && !*end)
		return n > 0 && n < NSIGNAL_SET ? (int)n : -1;
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (int sig = 1; sig < NSIGNAL_SET; sig++) {
		const char *s = signal_name(sig);
		if (s && strcasecmp(s + 3, name) == 0)
			return sig;
	}
	if (strcasecmp(name, "RTMIN") == 0)
		return 32;
	if (strncasecmp(name, "RT_", 3) == 0) {
		n = strtol(name + 3, &end, 10);
		if (!*end && n >= 0 && n <= 32)
			return 32 + (int)n;
	}
	return -1;
}

/* "!", "none", "all" and comma lists, as strace's qualify_tokens. */
static int parse_numbers(struct numset *out, const char *spec, int (*conv)(const char *),
			 const char *what, char *err, size_t errlen)
{
	struct numset s = {0};
	const char *p = spec;

	while (*p == '!') {
		s.not = !s.not ;
		p++;
	}
	if (strcmp(p, "none") == 0) {
		*out = s;
		return 0;
	}
	if (strcmp(p, "all") == 0) {
		s.not = !s.not ;
		*out = s;
		return 0;
	}
	char *copy = strdup(p), *save = NULL;
	int r = 0;
	bool any = false;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int n = conv(tok);
		any = true;
		if (n < 0) {
			snprintf(err, errlen, "invalid %s '%s'", what, tok);
			r = -EINVAL;
			break;
		}
		numset_add(&s, (unsigned)n);
	}
	free(copy);
	if (!any && !r) {
		snprintf(err, errlen, "invalid %s '%s'", what, spec);
		r = -EINVAL;
	}
	if (!r)
		*out = s;
	return r;
}

int filter_parse_signals(struct filter *f, const char *spec, char *err, size_t errlen)
{
	return parse_numbers(&f->signals, spec, signal_by_name, "signal", err, errlen);
}

static int status_by_name(const char *s)
{
	static const char *const names[] = {"successful", "failed", "unfinished", "unavailable",
					    "detached"};
	for (int i = 0; i < 5; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

int filter_parse_status(struct filter *f, const char *spec, char *err, size_t errlen)
{
	struct numset s;
	int r = parse_numbers(&s, spec, status_by_name, "status", err, errlen);

	if (r < 0)
		return r;
	f->status = 0;
	for (unsigned i = 0; i < 5; i++)
		if (numset_has(&s, i))
			f->status |= 1u << i;
	return 0;
}

static int fd_by_name(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	return *s && !*end && n >= 0 && n < NSYSCALL_SET ? (int)n : -1;
}

int filter_parse_fds(struct filter *f, const char *spec, char *err, size_t errlen)
{
	f->fds_given = true;
	return parse_numbers(&f->fds, spec, fd_by_name, "descriptor", err, errlen);
}

static int add_one_path(struct filter *f, const char *path)
{
	char **n = realloc(f->paths, (f->npaths + 1) * sizeof(*n));

	if (!n)
		return -ENOMEM;
	f->paths = n;
	f->paths[f->npaths++] = strdup(path);
	return 0;
}

/* The path as given and, as strace does, what it resolves to when that differs. */
int filter_add_path(struct filter *f, const char *path)
{
	char resolved[PATH_MAX];
	int r = add_one_path(f, path);

	if (r == 0 && realpath(path, resolved) && strcmp(resolved, path) != 0)
		r = add_one_path(f, resolved);
	return r;
}

void filter_free(struct filter *f)
{
	for (unsigned i = 0; i < f->npaths; i++)
		free(f->paths[i]);
	free(f->paths);
	f->paths = NULL;
	f->npaths = 0;
}
