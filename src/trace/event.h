/* One syscall, backend-neutral. A backend fills it; filters, decoders and sinks read it. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* Memory of the tracee that a backend captured with the event (bpf), or NULL (ptrace reads
 * live). */
struct sc_capture {
	uint64_t addr;
	uint32_t len;	   /* bytes present in data */
	uint32_t orig_len; /* bytes the tracee had (for truncation marks) */
	const uint8_t *data;
};

struct sc_event {
	pid_t tid;
	pid_t tgid;
	long nr;
	uint64_t args[6];
	int64_t ret;	  /* raw return value (negative errno on failure) */
	bool is_error;	  /* ret is -errno */
	bool has_ret;	  /* the exit was seen */
	uint64_t t_enter; /* CLOCK_REALTIME ns */
	uint64_t t_exit;
	uint64_t ip;  /* instruction pointer at entry (-i) */
	uint64_t sp;  /* stack pointer at entry, 0 if unknown (rt_sigreturn's signal frame) */
	long prev_nr; /* the thread's previous syscall, -1 if none (restart_syscall) */
	/* bpf backend: captured memory; the ptrace backend leaves these empty. */
	unsigned ncaps;
	struct sc_capture caps[8];
};

/* Reads len bytes of the tracee's memory at addr. Returns 0, or -errno (then buf is
 * unspecified). Answered live by ptrace, from captures by bpf. */
struct mem_reader {
	int (*read)(void *ctx, const struct sc_event *ev, uint64_t addr, void *buf, size_t len);
	/* Reads a NUL-terminated string of at most len bytes (including the NUL). Returns its
	 * length without NUL if a NUL was found, len if not, -errno if nothing could be read. */
	int (*read_str)(void *ctx, const struct sc_event *ev, uint64_t addr, char *buf, size_t len);
	void *ctx;
};
