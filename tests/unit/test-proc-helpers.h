/* Shared by the /proc parser unit tests: CHECK() counts failures, main returns them. */
#pragma once
#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

#define CHECK_STR(a, b)                                                                            \
	do {                                                                                       \
		const char *a_ = (a), *b_ = (b);                                                   \
		if (!a_ || strcmp(a_, b_) != 0) {                                                  \
			fprintf(stderr, "%s:%d: '%s' != '%s'\n", __FILE__, __LINE__,               \
				a_ ? a_ : "(null)", b_);                                           \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

/* A FILE reading the given text (captured /proc content). */
static inline FILE *text_file(const char *s)
{
	return fmemopen((void *)s, strlen(s), "r");
}
