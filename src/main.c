/* scry: one binary, many commands. Dispatches argv[1] through a table. */
#include <stdio.h>
#include <string.h>

#include "basic/log.h"
#include "cmd/commands.h"
#include "version.h"

static const struct command commands[] = {
    {"trace", cmd_trace, "trace system calls and signals (strace)"},
    {"fds", cmd_fds, "open files and sockets of processes (lsof)"},
    {"leaks", cmd_leaks, "fds a process opens and never closes, by call stack (fd leaks)"},
    {"ps", cmd_ps, "one process at a glance: state, memory, threads, limits, fds"},
    {"help", cmd_help, "show help for a command"},
    {"version", cmd_version, "print version and compiled-in features"},
};

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: scry COMMAND [ARGS...]\n\n"
		   "Look into Linux processes at the kernel interface.\n\n"
		   "commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nscry help COMMAND shows a command's options. Invoked as 'strace', scry is "
		   "'scry trace'.\n");
}

int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	const struct command *c = command_find(argv[1]);
	if (!c) {
		log_error("unknown command '%s'; 'scry --help' lists them", argv[1]);
		return 2;
	}
	char *args[] = {argv[1], "--help", NULL};
	return c->fn(2, args);
}

int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("scry %s\nfeatures: %s\n", SCRY_VERSION, SCRY_FEATURES);
	return 0;
}

int main(int argc, char **argv)
{
	log_set_program_name(argv[0]);

	/* busybox style: a link named strace is 'scry trace' */
	if (strcmp(program_name, "strace") == 0)
		return cmd_trace(argc, argv);

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		return cmd_version(argc, argv);

	const struct command *c = command_find(argv[1]);
	if (!c) {
		log_error("unknown command '%s'; 'scry --help' lists them", argv[1]);
		return 2;
	}
	return c->fn(argc - 1, argv + 1);
}
