/* Diagnostics: one line, prefixed with the program name as invoked. */
#pragma once
#include <errno.h>
#include <stdarg.h>

/* Set once from main(): basename of argv[0] ("scry", or "strace" through a link). */
extern const char *program_name;

void log_set_program_name(const char *argv0);

/* Prints "NAME: MSG\n" on stderr. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "NAME: MSG: strerror(-r)\n" and returns r (a negative errno). */
int log_error_errno(int r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "NAME: MSG\n" and exits with status. */
_Noreturn void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
