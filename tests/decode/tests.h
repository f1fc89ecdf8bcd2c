/* Helpers for self-describing decode tests: each test makes real syscalls and prints, on
 * stdout, the exact lines `scry trace` must print for them. */
#pragma once
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* "= -1 ENOENT (No such file or directory)" or "= 3", for a raw syscall's return. */
const char *sprintrc(long rc);
/* The errno name: "ENOENT". */
const char *errno2name(void);
/* A buffer of size bytes whose end touches an unmapped page: over-reads crash. */
void *tail_alloc(size_t size);
/* Writes s quoted and escaped as strace does (-s limit not applied). */
const char *quote(const char *s, size_t len);
/* Exit 77: the machine lacks what the test needs (never used to hide a failure). */
_Noreturn void skip(const char *why);
/* Exit 1 with a message: the test could not even set up. */
_Noreturn void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints one complete trace line: PREFIX CALL, padded so that "= RET" starts at column 40 as
 * strace's default -a 40 does. prefix may be "" */
void print_line(const char *prefix, const char *call, const char *ret);
/* "%-5d " as strace prefixes lines with -o FILE -f */
const char *pidpfx(int pid);
