/* fds_row_build: lsof's columns from what proc_files_read and the socket table hold. One row
 * of the table below per case: the open file (and socket), the options, and the columns
 * expected (NULL: not checked). */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "cmd/fds.h"
#include "test-proc-helpers.h"

static const struct proc_files pf = {.pid = 42, .comm = "demo"};

/* the same socket inode for every socket case */
#define SOCK_FILE                                                                                  \
	{                                                                                          \
		.slot = OF_FD, .fd = 8, .kind = OFK_SOCK, .mode = 'u', .name = "socket:[500]",     \
		.sock_ino = 500, .ino = 500                                                        \
	}

static const struct sock_entry tcp4 = {.ino = 500,
				       .family = AF_INET,
				       .proto = IPPROTO_TCP,
				       .state = 1,
				       .laddr = {127, 0, 0, 1},
				       .lport = 5432,
				       .raddr = {10, 0, 0, 2},
				       .rport = 40112};
static const struct sock_entry udp6_any = {
    .ino = 500, .family = AF_INET6, .proto = IPPROTO_UDP, .lport = 53};
static const struct sock_entry udp6_lo = {
    .ino = 500, .family = AF_INET6, .proto = IPPROTO_UDP, .laddr = {[15] = 1}};
static const struct sock_entry unix_listen = {.ino = 500,
					      .family = AF_UNIX,
					      .type = SOCK_STREAM,
					      .state = UNIX_LISTEN,
					      .kaddr = 0xabc,
					      .path = "/run/x.sock"};
static const struct sock_entry netlink = {.ino = 500, .family = AF_NETLINK, .proto = 15};

static const struct {
	const char *what;
	struct open_file of;
	const struct sock_entry *sock;
	bool size_only; /* -s */
	const char *fd, *type, *device, *sizeoff, *node, *name, *tail, *state;
	char mode, lock;
} cases[] = {
    {"a regular file: size, device, inode, (deleted), lock",
     {.slot = OF_FD,
      .fd = 7,
      .kind = OFK_REG,
      .mode = 'u',
      .name = "/tmp/x",
      .deleted = true,
      .has_stat = true,
      .dev_major = 254,
      .size = 10,
      .ino = 99,
      .has_fdinfo = true,
      .fi = {.lock = 'W'}},
     .fd = "7",
     .mode = 'u',
     .lock = 'W',
     .type = "REG",
     .device = "254,0",
     .sizeoff = "10",
     .node = "99",
     .name = "/tmp/x (deleted)"},
    {"-s: a regular file keeps its size",
     {.slot = OF_FD,
      .fd = 7,
      .kind = OFK_REG,
      .mode = 'r',
      .name = "/tmp/x",
      .has_stat = true,
      .size = 10,
      .ino = 99},
     .size_only = true,
     .sizeoff = "10"},
    {"a character device: rdev, and the offset in hex past 8 digits",
     {.slot = OF_FD,
      .fd = 0,
      .kind = OFK_CHR,
      .mode = 'r',
      .name = "/dev/sda",
      .has_stat = true,
      .dev_minor = 5,
      .rdev_major = 8,
      .ino = 3,
      .has_fdinfo = true,
      .fi = {.pos = 123456789, .lock = ' '}},
     .device = "8,0",
     .sizeoff = "0x75bcd15"},
    {"a character device: 8 digits stay decimal",
     {.slot = OF_FD,
      .fd = 0,
      .kind = OFK_CHR,
      .mode = 'r',
      .name = "/dev/sda",
      .has_stat = true,
      .has_fdinfo = true,
      .fi = {.pos = 12345678, .lock = ' '}},
     .sizeoff = "0t12345678"},
    {"-s: a device has no size",
     {.slot = OF_FD,
      .fd = 0,
      .kind = OFK_CHR,
      .mode = 'r',
      .name = "/dev/null",
      .has_stat = true,
      .ino = 3,
      .has_fdinfo = true,
      .fi = {.pos = 5, .lock = ' '}},
     .size_only = true,
     .sizeoff = "",
     .node = "3"},
    {"the cwd slot",
     {.slot = OF_CWD,
      .fd = -1,
      .kind = OFK_DIR,
      .mode = ' ',
      .name = "/",
      .has_stat = true,
      .size = 4096,
      .ino = 2},
     .fd = "cwd",
     .sizeoff = "4096",
     .name = "/"},
    {"an unreadable link",
     {.slot = OF_FD, .fd = 3, .err = -EACCES, .mode = ' '},
     .type = "unknown",
     .name = "/proc/42/fd/3 (readlink: Permission denied)"},
    {"a kernel thread's exe",
     {.slot = OF_TXT, .fd = -1, .err = -ENOENT, .mode = ' '},
     .fd = "txt",
     .name = "/proc/42/exe"},
    {"a pipe",
     {.slot = OF_FD,
      .fd = 4,
      .kind = OFK_PIPE,
      .mode = 'w',
      .name = "pipe:[77]",
      .sock_ino = 77,
      .ino = 77,
      .has_stat = true,
      .dev_minor = 15},
     .type = "FIFO",
     .device = "0,15",
     .sizeoff = "0t0",
     .node = "77",
     .name = "pipe"},
    {"-s: a pipe has no size",
     {.slot = OF_FD,
      .fd = 4,
      .kind = OFK_PIPE,
      .mode = 'w',
      .name = "pipe:[77]",
      .sock_ino = 77,
      .ino = 77,
      .has_stat = true},
     .size_only = true,
     .sizeoff = ""},
    {"an eventfd with its id",
     {.slot = OF_FD,
      .fd = 5,
      .kind = OFK_ANON,
      .mode = 'u',
      .name = "anon_inode:[eventfd]",
      .has_fdinfo = true,
      .fi = {.eventfd_id = 3, .lock = ' '}},
     .type = "a_inode",
     .name = "[eventfd:3]"},
    {"an epoll with its targets",
     {.slot = OF_FD,
      .fd = 6,
      .kind = OFK_ANON,
      .mode = 'u',
      .name = "anon_inode:[eventpoll]",
      .has_fdinfo = true,
      .fi = {.tfds = "5,9", .lock = ' '}},
     .name = "[eventpoll:5,9]"},
    {"TCP over IPv4 with its state", SOCK_FILE, &tcp4, .type = "IPv4", .device = "500",
     .sizeoff = "0t0", .node = "TCP", .name = "127.0.0.1:5432->10.0.0.2:40112",
     .tail = " (ESTABLISHED)", .state = "ESTABLISHED"},
    {"-s: a socket has no size", SOCK_FILE, &tcp4, .size_only = true, .sizeoff = ""},
    {"UDP: lsof's blank for the state", SOCK_FILE, &udp6_any, .type = "IPv6", .name = "*:53",
     .tail = " "},
    {"IPv6 in brackets, port 0 as *", SOCK_FILE, &udp6_lo, .name = "[::1]:*"},
    {"a listening unix socket", SOCK_FILE, &unix_listen, .type = "unix",
     .device = "0x0000000000000abc", .name = "/run/x.sock type=STREAM", .tail = " (LISTEN)"},
    {"netlink by protocol name", SOCK_FILE, &netlink, .type = "netlink", .device = "",
     .name = "KOBJECT_UEVENT"},
};

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct fds_opts o = {
		    .numeric_hosts = true, .numeric_ports = true, .size_only = cases[i].size_only};
		struct fds_row r;
		int before = failures;

		CHECK(fds_row_build(&r, &pf, &cases[i].of, cases[i].sock, &o) == 0);
#define COLUMN(field)                                                                              \
	if (cases[i].field)                                                                        \
		CHECK_STR(r.field, cases[i].field);
		COLUMN(fd);
		COLUMN(type);
		COLUMN(device);
		COLUMN(sizeoff);
		COLUMN(node);
		COLUMN(name);
		COLUMN(tail);
		COLUMN(state);
#undef COLUMN
		if (cases[i].mode)
			CHECK(r.mode == cases[i].mode);
		if (cases[i].lock)
			CHECK(r.lock == cases[i].lock);
		if (failures != before)
			fprintf(stderr, "  in case %zu: %s\n", i, cases[i].what);
		free(r.name);
	}
	return failures != 0;
}
