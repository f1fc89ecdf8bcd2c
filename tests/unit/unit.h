/* Minimal unit-test helpers: CHECK_STR prints both sides and counts failures. */
#pragma once
#include <stdio.h>
#include <string.h>

static int unit_failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);   \
			unit_failures++;                                                           \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		if (strcmp(g_ ? g_ : "(null)", w_) != 0) {                                         \
			fprintf(stderr, "%s:%d: got  \"%s\"\n%*s want \"%s\"\n", __FILE__,         \
				__LINE__, g_ ? g_ : "(null)", (int)strlen(__FILE__) + 6, "", w_);  \
			unit_failures++;                                                           \
		}                                                                                  \
	} while (0)

#define UNIT_DONE()                                                                                \
	do {                                                                                       \
		if (unit_failures)                                                                 \
			fprintf(stderr, "%d check(s) failed\n", unit_failures);                    \
		return unit_failures ? 1 : 0;                                                      \
	} while (0)
