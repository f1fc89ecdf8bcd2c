#include "trace/ptrace_attach.h"

#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int ptrace_seize_thread(pid_t tid, unsigned options)
{
	if (ptrace(PTRACE_SEIZE, tid, 0, (unsigned long)options) < 0)
		return -errno;
	if (ptrace(PTRACE_INTERRUPT, tid, 0, 0) < 0)
		return -errno;
	return 0;
}

void ptrace_detach_thread(pid_t tid)
{
	int status;

	if (ptrace(PTRACE_DETACH, tid, 0, 0) == 0)
		return;
	if (errno != ESRCH)
		return;
	/* running (or gone): stop it, then detach at the stop */
	if (ptrace(PTRACE_INTERRUPT, tid, 0, 0) < 0)
		return;
	for (;;) {
		if (waitpid(tid, &status, __WALL) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		if (!WIFSTOPPED(status))
			return;
		int sig = WSTOPSIG(status);
		unsigned event = (unsigned)status >> 16;
		/* interrupt stops, syscall stops and events carry no signal to pass on */
		if (event || sig == (SIGTRAP | 0x80))
			sig = 0;
		ptrace(PTRACE_DETACH, tid, 0, sig);
		return;
	}
}

static long status_field(pid_t pid, const char *name)
{
	char path[64], line[256];
	size_t n = strlen(name);
	long v = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, name, n) == 0 && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	if (f)
		fclose(f);
	return v;
}

static int yama_scope(void)
{
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "r");
	int v = -1;

	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
}

static bool have_cap_sys_ptrace(void)
{
	long eff = 0;
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, "CapEff:", 7) == 0)
			eff = strtol(line + 7, NULL, 16);
	if (f)
		fclose(f);
	return (eff >> 19) & 1; /* CAP_SYS_PTRACE */
}

void ptrace_explain_failure(pid_t pid, int err, char *buf, size_t len)
{
	if (err != EPERM) {
		snprintf(buf, len, "%s", strerror(err));
		return;
	}
	long tracer = status_field(pid, "TracerPid");
	if (tracer > 0) {
		snprintf(buf, len, "%s (already traced by process %ld)", strerror(err), tracer);
		return;
	}
	int yama = yama_scope();
	if (yama >= 1 && !have_cap_sys_ptrace()) {
		snprintf(
		    buf, len,
		    "%s (Yama ptrace_scope is %d: only %s; see /proc/sys/kernel/yama/ptrace_scope)",
		    strerror(err), yama,
		    yama == 1	? "descendants can be traced without CAP_SYS_PTRACE"
		    : yama == 2 ? "processes with CAP_SYS_PTRACE can trace"
				: "no process can trace");
		return;
	}
	long uid = status_field(pid, "Uid");
	if (!have_cap_sys_ptrace() && uid >= 0 && uid != (long)getuid()) {
		snprintf(buf, len,
			 "%s (process %d belongs to uid %ld; tracing it needs CAP_SYS_PTRACE)",
			 strerror(err), pid, uid);
		return;
	}
	if (!have_cap_sys_ptrace())
		snprintf(buf, len,
			 "%s (the process is not dumpable or is privileged; tracing it needs "
			 "CAP_SYS_PTRACE)",
			 strerror(err));
	else
		snprintf(buf, len, "%s", strerror(err));
}
