/* The BPF iterator's records: walking them, and keeping the first task's. */
#include <stdlib.h>
#include <string.h>

#include "proc/fdtable_bpf.h"
#include "test-proc-helpers.h"

/* Appends one record as the BPF program writes it; path NULL for one without a path. */
static size_t put(char *buf, size_t at, int tid, int fd, const char *path)
{
	struct fdt_record h = {.tgid = 7, .tid = tid, .fd = fd, .eventfd_id = -1};

	h.path_len = path ? (unsigned int)strlen(path) + 1 : 0;
	h.len = (unsigned int)FDT_HEADER_LEN + h.path_len;
	memcpy(buf + at, &h, FDT_HEADER_LEN);
	if (path)
		memcpy(buf + at + FDT_HEADER_LEN, path, h.path_len);
	return at + h.len;
}

/* The fds and paths the walker returns, "3:/tmp/a 4:- " */
static void walk(const char *buf, size_t len, char *out, size_t outlen)
{
	struct fdt_record h;
	const char *path;
	size_t off = 0, n = 0;

	out[0] = '\0';
	while (fdt_record_next(buf, len, &off, &h, &path) && n < outlen)
		n += (size_t)snprintf(out + n, outlen - n, "%d:%s ", h.fd, path ? path : "-");
}

int main(void)
{
	static char buf[4 * sizeof(struct fdt_record)];
	char got[256];
	size_t len = 0, first;

	len = put(buf, len, 100, 3, "/tmp/a");
	len = put(buf, len, 100, 4, NULL);
	first = len;
	len = put(buf, len, 101, 3, "socket:[9]");
	len = put(buf, len, 100, 5, "pipe:[8]");

	walk(buf, len, got, sizeof(got));
	CHECK_STR(got, "3:/tmp/a 4:- 3:socket:[9] 5:pipe:[8] ");

	/* a thread with its own file table (tid 101) is dropped, the rest kept in order */
	size_t kept = fdt_keep_first_task(buf, len);

	CHECK(kept == len - FDT_HEADER_LEN - strlen("socket:[9]") - 1);
	walk(buf, kept, got, sizeof(got));
	CHECK_STR(got, "3:/tmp/a 4:- 5:pipe:[8] ");

	/* malformed: cut short, a length that does not add up, a path without its NUL */
	walk(buf, first - 1, got, sizeof(got));
	CHECK_STR(got, "3:/tmp/a ");
	len = put(buf, 0, 100, 3, "/tmp/a");
	buf[len - 1] = 'x';
	walk(buf, len, got, sizeof(got));
	CHECK_STR(got, "");
	len = put(buf, 0, 100, 3, "/tmp/a");
	((struct fdt_record *)buf)->path_len = 3;
	walk(buf, len, got, sizeof(got));
	CHECK_STR(got, "");
	CHECK(fdt_keep_first_task(buf, len) == 0);
	walk(buf, 0, got, sizeof(got));
	CHECK_STR(got, "");
	return failures != 0;
}
