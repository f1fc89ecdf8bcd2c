/* The unwinder on a live ptrace-stopped process, with and without frame pointers, then
 * symbolized after the process exited; unwind_captured() from a copy of the stack; a library
 * dlopened after the first unwind.
 * usage: test-unwind TARGET_NOFP TARGET_FP PLUGIN (tests/helpers/unwind-target built without
 * and with frame pointers, tests/helpers/unwind-plugin.c as a shared library) */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "unwind/unwind.h"

/* Runs pid to the entry of its next getppid. Returns pid, or -1 if it exited first. */
static pid_t next_getppid(pid_t pid)
{
	int st;

	for (;;) {
		if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) < 0 || waitpid(pid, &st, 0) != pid ||
		    !WIFSTOPPED(st))
			return -1;
		if (WSTOPSIG(st) != (SIGTRAP | 0x80))
			continue;
		struct user_regs_struct r;
		ptrace(PTRACE_GETREGS, pid, NULL, &r);
		if (r.orig_rax == SYS_getppid && (long)r.rax == -ENOSYS) /* entry */
			return pid;
	}
}

/* Starts target ARGS... under ptrace, stopped at the entry of its first getppid. */
static pid_t start_stopped(const char *target, const char *arg1, const char *arg2, const char *arg3)
{
	pid_t pid = fork();
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		execl(target, target, arg1, arg2, arg3, (char *)NULL);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st))
		return -1;
	ptrace(PTRACE_SETOPTIONS, pid, NULL,
	       (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
	return next_getppid(pid);
}

static void finish(pid_t pid)
{
	int st;

	ptrace(PTRACE_DETACH, pid, NULL, NULL);
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/* The line of "CALL:name" in file, 0 if none. */
static int marker_line(const char *file, const char *name)
{
	char want[64], line[512];
	int n = 0;
	FILE *f = fopen(file, "r");

	if (!f)
		return 0;
	snprintf(want, sizeof(want), "/* CALL:%s */", name);
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (strstr(line, want)) {
			fclose(f);
			return n;
		}
	}
	fclose(f);
	return 0;
}

/* frames 1..4 are inner, middle, outer, main; each frame's line is its call of the next
 * callee down (frame 0 is libc's syscall(), its caller's call site is inner's line). */
static void check_chain(struct unwinder *u, const char *target, const uint64_t *pcs, int n)
{
	static const struct {
		const char *fn, *call;
	} want[] = {
	    {"inner", "syscall"}, {"middle", "inner"}, {"outer", "middle"}, {"main", "outer"}};

	CHECK(n >= 6);
	if (n < 6)
		return;
	struct unw_frame f;
	CHECK(unwind_symbolize(u, pcs[0], false, &f) == 0);
	CHECK_STR(f.symbol, "syscall");
	CHECK(f.module && strstr(f.module, "libc.so"));
	for (int i = 0; i < 4; i++) {
		CHECK(unwind_symbolize(u, pcs[i + 1], true, &f) == 0);
		CHECK_STR(f.symbol, want[i].fn);
		CHECK_STR(f.module, target);
		CHECK(f.symbol_offset > 0);
		CHECK(f.module_offset > 0 && f.module_offset < f.pc);
		CHECK(f.file && strstr(f.file, "unwind-target.c"));
		if (f.file) {
			int line = marker_line(f.file, want[i].call);
			CHECK(line > 0);
			if (f.line != line)
				fprintf(stderr, "%s: %s: line %d, want %d\n", target, want[i].fn,
					f.line, line);
			CHECK(f.line == line);
		}
	}
	/* below main: libc's start code, ending at the program's _start */
	CHECK(unwind_symbolize(u, pcs[n - 1], true, &f) == 0);
	CHECK_STR(f.symbol, "_start");
}

static void test_live(const char *target)
{
	pid_t pid = start_stopped(target, NULL, NULL, NULL);
	CHECK(pid > 0);
	if (pid <= 0)
		return;
	struct unwinder *u = unwinder_new(pid);
	CHECK(u != NULL);
	uint64_t pcs[UNW_MAX_FRAMES];
	int n = unwind_stopped(u, pid, pcs, UNW_MAX_FRAMES);
	CHECK(n > 0);
	CHECK(unwind_error(u) == NULL);

	/* a copy of the stack top unwinds the same way */
	struct user_regs_struct r;
	ptrace(PTRACE_GETREGS, pid, NULL, &r);
	static uint8_t stack[16384];
	struct iovec local = {stack, sizeof(stack)}, remote = {(void *)r.rsp, sizeof(stack)};
	ssize_t len = process_vm_readv(pid, &local, 1, &remote, 1, 0);
	CHECK(len > 0);
	struct unw_regs ur = {.ip = r.rip,
			      .sp = r.rsp,
			      .bp = r.rbp,
			      .bx = r.rbx,
			      .r12 = r.r12,
			      .r13 = r.r13,
			      .r14 = r.r14,
			      .r15 = r.r15};
	uint64_t cpcs[UNW_MAX_FRAMES];
	int cn = unwind_captured(u, &ur, stack, len > 0 ? (size_t)len : 0, cpcs, UNW_MAX_FRAMES);
	CHECK(cn == n);
	CHECK(cn == n && memcmp(pcs, cpcs, (size_t)n * sizeof(*pcs)) == 0);

	/* max reached: the unwinder says so */
	uint64_t few[3];
	CHECK(unwind_stopped(u, pid, few, 3) == 3);
	CHECK_STR(unwind_error(u), "too many stack frames");

	/* symbolized only after the process is gone: the modules read while it lived answer */
	finish(pid);
	check_chain(u, target, pcs, n);
	check_chain(u, target, cpcs, cn);
	unwinder_free(u);
}

/* A library dlopened after the unwinder read the maps: found by re-reading them, without
 * any unwinder_maps_changed() (the bpf backend does not see every mmap). */
static void test_dlopen(const char *target, const char *plugin)
{
	pid_t pid = start_stopped(target, "1", "dlopen", plugin);
	CHECK(pid > 0);
	if (pid <= 0)
		return;
	struct unwinder *u = unwinder_new(pid);
	uint64_t pcs[UNW_MAX_FRAMES];
	CHECK(unwind_stopped(u, pid, pcs, UNW_MAX_FRAMES) >= 6); /* the maps, before dlopen */
	CHECK(next_getppid(pid) == pid);
	int n = unwind_stopped(u, pid, pcs, UNW_MAX_FRAMES);
	CHECK(n >= 4);
	static const char *const want[] = {"syscall", "plugin_inner", "plugin_entry", "main"};
	for (int i = 0; i < n && i < 4; i++) {
		struct unw_frame f;
		CHECK(unwind_symbolize(u, pcs[i], i > 0, &f) == 0);
		CHECK_STR(f.symbol, want[i]);
		if (i == 1 || i == 2)
			CHECK(f.module && strcmp(f.module, plugin) == 0);
		if (i == 1) {
			CHECK(f.file && f.line == marker_line(f.file, "plugin_syscall"));
			CHECK(unwind_symbolize_strace(u, pcs[i], &f) == 0);
			CHECK_STR(f.symbol, "plugin_inner");
		}
	}
	finish(pid);
	unwinder_free(u);
}

int main(int argc, char **argv)
{
	struct unwinder *u = unwinder_new(getpid());
	if (!u && errno == ENOTSUP) {
		fprintf(stderr, "built without libdw\n");
		return 77;
	}
	unwinder_free(u);
	CHECK(argc == 4);
	if (argc != 4)
		UNIT_DONE();
	char *path[3]; /* modules are named by absolute path */
	for (int i = 0; i < 3; i++) {
		path[i] = realpath(argv[i + 1], NULL);
		CHECK(path[i] != NULL);
		if (!path[i])
			UNIT_DONE();
	}
	test_live(path[0]);
	test_live(path[1]);
	test_dlopen(path[0], path[2]);
	for (int i = 0; i < 3; i++)
		free(path[i]);
	UNIT_DONE();
}
