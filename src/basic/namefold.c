/* Folding of names into patterns (see namefold.h). */
#include "basic/namefold.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static bool is_token_char(char c)
{
	return isalnum((unsigned char)c);
}

/* Random-looking: hex with a digit in it (uuid parts, hashes), at least 6 long and mixing
 * digits and letters, or at least 6 letters with capitals inside (mkstemp's XXXXXX). */
static bool random_token(const char *s, size_t n)
{
	size_t digits = 0, alpha = 0, hex = 0, upper_inside = 0, lower = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isdigit(c))
			digits++;
		else if (isalpha(c))
			alpha++;
		if (isxdigit(c))
			hex++;
		if (isupper(c) && i > 0)
			upper_inside++;
		if (islower(c))
			lower++;
	}
	if (digits)
		return (hex == n && alpha) || (n >= 6 && alpha);
	return n >= 6 && upper_inside && lower;
}

/* Appends token p[0..n) folded to out (o: its length so far, kept below len): '*' for a
 * random-looking token, else the token with each digit run as '*'. Returns the new length. */
static size_t fold_token(const char *p, size_t n, char *out, size_t o, size_t len)
{
	if (random_token(p, n)) {
		if (o + 1 < len)
			out[o++] = '*';
		return o;
	}
	for (size_t i = 0; i < n && o + 1 < len; i++) {
		if (isdigit((unsigned char)p[i])) {
			while (i + 1 < n && isdigit((unsigned char)p[i + 1]))
				i++;
			out[o++] = '*';
		} else {
			out[o++] = p[i];
		}
	}
	return o;
}

static size_t token_len(const char *p)
{
	const char *e = p;

	while (is_token_char(*e))
		e++;
	return (size_t)(e - p);
}

void name_fold(const char *name, char *out, size_t len)
{
	size_t o = 0;

	if (len == 0)
		return;
	for (const char *p = name; *p && o + 1 < len;) {
		if (is_token_char(*p)) {
			size_t n = token_len(p);

			o = fold_token(p, n, out, o, len);
			p += n;
			continue;
		}
		/* "*-*", "*.*", "*_*": one random thing (a uuid, an address) is one '*' */
		if (o > 0 && out[o - 1] == '*' && strchr("-._", *p) && is_token_char(p[1])) {
			size_t n = token_len(p + 1);
			char sub[8];

			if (fold_token(p + 1, n, sub, 0, sizeof(sub)) == 1 && sub[0] == '*') {
				p += 1 + n;
				continue;
			}
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
}
