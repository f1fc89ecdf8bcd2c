/* Every subcommand: int cmd_NAME(int argc, char **argv), argv[0] is the command name. */
#pragma once

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

const struct command *command_find(const char *name);

int cmd_trace(int argc, char **argv);
int cmd_fds(int argc, char **argv);
int cmd_ps(int argc, char **argv);
int cmd_leaks(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);
