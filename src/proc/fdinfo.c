#include "proc/fdinfo.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Splits off the next whitespace-separated word of [*p, end). */
static size_t next_word(const char **p, const char *end, const char **word)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	*word = s;
	while (s < end && *s != ' ' && *s != '\t')
		s++;
	*p = s;
	return (size_t)(s - *word);
}

static bool word_is(const char *w, size_t n, const char *s)
{
	return n == strlen(s) && memcmp(w, s, n) == 0;
}

char fdinfo_lock_char(const char *line, size_t len)
{
	const char *p = line, *end = line + len, *w[8];
	size_t n[8];

	/* "ID:" CLASS MANDATORY MODE PID DEV START END */
	for (int i = 0; i < 8; i++) {
		n[i] = next_word(&p, end, &w[i]);
		if (n[i] == 0)
			return 0;
	}
	if (word_is(w[1], n[1], "->"))
		return 0;
	bool whole = word_is(w[6], n[6], "0") && word_is(w[7], n[7], "EOF");

	if (word_is(w[3], n[3], "WRITE"))
		return whole ? 'W' : 'w';
	if (word_is(w[3], n[3], "READ"))
		return whole ? 'R' : 'r';
	if (word_is(w[3], n[3], "RW"))
		return 'u';
	return 'U'; /* lsof: unknown lock type */
}

static char merge_lock(char old, char c)
{
	if (old == ' ' || old == c)
		return c;
	bool rd = strchr("rR", old) || strchr("rR", c);
	bool wr = strchr("wW", old) || strchr("wW", c);

	if (rd && wr)
		return 'u';
	/* two locks of one kind: the whole-file one wins */
	return (old == 'W' || old == 'R') ? old : c;
}

static void add_tfd(struct fdinfo *fi, const char *p, const char *end)
{
	const char *w;
	size_t n = next_word(&p, end, &w);
	size_t used = strlen(fi->tfds);

	if (!n || used + n + 2 > sizeof(fi->tfds))
		return;
	if (used)
		fi->tfds[used++] = ',';
	memcpy(fi->tfds + used, w, n);
	fi->tfds[used + n] = '\0';
}

static uint64_t parse_u64(const char *p, const char *end, int base)
{
	uint64_t v = 0;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (; p < end; p++) {
		int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * (uint64_t)base + (uint64_t)d;
	}
	return v;
}

#define KEY(s) s, sizeof(s) - 1

int fdinfo_parse(const char *buf, size_t len, struct fdinfo *ret)
{
	struct fdinfo fi = {.lock = ' ', .eventfd_id = -1};
	const char *p = buf, *end = buf + len;
	int seen = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (!eol)
			eol = end;
		static const struct {
			const char *key;
			size_t len;
			int id;
		} keys[] = {
		    {KEY("pos:"), 0}, {KEY("flags:"), 1}, {KEY("mnt_id:"), 2},
		    {KEY("ino:"), 3}, {KEY("lock:"), 4},  {KEY("eventfd-id:"), 5},
		    {KEY("Pid:"), 6}, {KEY("tfd:"), 7},
		};
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			if ((size_t)(eol - p) < keys[i].len || memcmp(p, keys[i].key, keys[i].len))
				continue;
			const char *v = p + keys[i].len;

			switch (keys[i].id) {
			case 0:
				fi.pos = parse_u64(v, eol, 10);
				seen |= 1;
				break;
			case 1:
				fi.flags = (unsigned int)parse_u64(v, eol, 8);
				seen |= 2;
				break;
			case 2:
				fi.mnt_id = (int)parse_u64(v, eol, 10);
				break;
			case 3:
				fi.ino = parse_u64(v, eol, 10);
				fi.has_ino = true;
				break;
			case 4: {
				char c = fdinfo_lock_char(v, (size_t)(eol - v));

				if (c)
					fi.lock = merge_lock(fi.lock, c);
				break;
			}
			case 5:
				fi.eventfd_id = (long)parse_u64(v, eol, 10);
				break;
			case 6:
				fi.pidfd_pid = (int)parse_u64(v, eol, 10);
				break;
			case 7:
				add_tfd(&fi, v, eol);
				break;
			}
			break;
		}
		p = eol + 1;
	}
	if (seen != 3)
		return -EINVAL;
	*ret = fi;
	return 0;
}

int fdinfo_parse_file(FILE *f, struct fdinfo *ret)
{
	char buf[65536];
	size_t n = fread(buf, 1, sizeof(buf), f);

	if (ferror(f))
		return -EIO;
	return fdinfo_parse(buf, n, ret);
}
