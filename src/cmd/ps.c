#include "cmd/commands.h"
int cmd_ps(int argc, char **argv) { return 2; }
