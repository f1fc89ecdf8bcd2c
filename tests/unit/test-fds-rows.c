/* fds_row_build: lsof's columns from what proc_files_read and the socket table hold. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "cmd/fds.h"
#include "test-proc-helpers.h"

static struct proc_files pf = {.pid = 42, .comm = "demo"};
static const struct fds_opts numeric = {.numeric_hosts = true, .numeric_ports = true};

static struct fds_row build(struct open_file *of, const struct sock_entry *s)
{
	struct fds_row row;

	CHECK(fds_row_build(&row, &pf, of, s, &numeric) == 0);
	return row;
}

int main(void)
{
	struct fds_row r;

	/* a regular file: size, device, inode, (deleted) */
	struct open_file reg = {.slot = OF_FD,
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
				.fi = {.lock = 'W'}};
	r = build(&reg, NULL);
	CHECK_STR(r.fd, "7");
	CHECK(r.mode == 'u' && r.lock == 'W');
	CHECK_STR(r.type, "REG");
	CHECK_STR(r.device, "254,0");
	CHECK_STR(r.sizeoff, "10");
	CHECK_STR(r.node, "99");
	CHECK_STR(r.name, "/tmp/x (deleted)");
	free(r.name);

	/* a character device: rdev, and the offset, in hex past 8 digits */
	struct open_file chr = {.slot = OF_FD,
				.fd = 0,
				.kind = OFK_CHR,
				.mode = 'r',
				.name = "/dev/sda",
				.has_stat = true,
				.dev_major = 0,
				.dev_minor = 5,
				.rdev_major = 8,
				.ino = 3,
				.has_fdinfo = true,
				.fi = {.pos = 123456789, .lock = ' '}};
	r = build(&chr, NULL);
	CHECK_STR(r.device, "8,0");
	CHECK_STR(r.sizeoff, "0x75bcd15");
	free(r.name);
	chr.fi.pos = 12345678;
	r = build(&chr, NULL);
	CHECK_STR(r.sizeoff, "0t12345678");
	free(r.name);

	/* named slots and an unreadable link */
	struct open_file cwd = {.slot = OF_CWD,
				.fd = -1,
				.kind = OFK_DIR,
				.mode = ' ',
				.name = "/",
				.has_stat = true,
				.size = 4096,
				.ino = 2};
	r = build(&cwd, NULL);
	CHECK_STR(r.fd, "cwd");
	CHECK_STR(r.sizeoff, "4096");
	free(r.name);
	struct open_file denied = {.slot = OF_FD, .fd = 3, .err = -EACCES, .mode = ' '};
	r = build(&denied, NULL);
	CHECK_STR(r.type, "unknown");
	CHECK_STR(r.name, "/proc/42/fd/3 (readlink: Permission denied)");
	free(r.name);
	struct open_file kexe = {.slot = OF_TXT, .fd = -1, .err = -ENOENT, .mode = ' '};
	r = build(&kexe, NULL);
	CHECK_STR(r.name, "/proc/42/exe");
	free(r.name);

	/* pipes and anon inodes */
	struct open_file pipe = {.slot = OF_FD,
				 .fd = 4,
				 .kind = OFK_PIPE,
				 .mode = 'w',
				 .name = "pipe:[77]",
				 .sock_ino = 77,
				 .ino = 77,
				 .has_stat = true,
				 .dev_minor = 15};
	r = build(&pipe, NULL);
	CHECK_STR(r.type, "FIFO");
	CHECK_STR(r.sizeoff, "0t0");
	CHECK_STR(r.name, "pipe");
	free(r.name);
	struct open_file ev = {.slot = OF_FD,
			       .fd = 5,
			       .kind = OFK_ANON,
			       .mode = 'u',
			       .name = "anon_inode:[eventfd]",
			       .has_fdinfo = true,
			       .fi = {.eventfd_id = 3, .lock = ' '}};
	r = build(&ev, NULL);
	CHECK_STR(r.type, "a_inode");
	CHECK_STR(r.name, "[eventfd:3]");
	free(r.name);
	struct open_file ep = {.slot = OF_FD,
			       .fd = 6,
			       .kind = OFK_ANON,
			       .mode = 'u',
			       .name = "anon_inode:[eventpoll]",
			       .has_fdinfo = true,
			       .fi = {.tfds = "5,9", .lock = ' '}};
	r = build(&ep, NULL);
	CHECK_STR(r.name, "[eventpoll:5,9]");
	free(r.name);

	/* sockets: TCP v4 with state, UDP with lsof's blank, v6 brackets, unix, netlink */
	struct open_file so = {.slot = OF_FD,
			       .fd = 8,
			       .kind = OFK_SOCK,
			       .mode = 'u',
			       .name = "socket:[500]",
			       .sock_ino = 500,
			       .ino = 500};
	struct sock_entry tcp = {.ino = 500,
				 .family = AF_INET,
				 .proto = IPPROTO_TCP,
				 .state = 1,
				 .lport = 5432,
				 .rport = 40112};

	inet_pton(AF_INET, "127.0.0.1", tcp.laddr);
	inet_pton(AF_INET, "10.0.0.2", tcp.raddr);
	r = build(&so, &tcp);
	CHECK_STR(r.type, "IPv4");
	CHECK_STR(r.device, "500");
	CHECK_STR(r.node, "TCP");
	CHECK_STR(r.name, "127.0.0.1:5432->10.0.0.2:40112");
	CHECK_STR(r.tail, " (ESTABLISHED)");
	CHECK_STR(r.state, "ESTABLISHED");
	free(r.name);
	struct sock_entry udp = {.ino = 500, .family = AF_INET6, .proto = IPPROTO_UDP, .lport = 53};
	r = build(&so, &udp);
	CHECK_STR(r.type, "IPv6");
	CHECK_STR(r.name, "*:53");
	CHECK_STR(r.tail, " ");
	free(r.name);
	inet_pton(AF_INET6, "::1", udp.laddr);
	udp.lport = 0;
	r = build(&so, &udp);
	CHECK_STR(r.name, "[::1]:*");
	free(r.name);
	struct sock_entry ux = {.ino = 500,
				.family = AF_UNIX,
				.type = SOCK_STREAM,
				.state = UNIX_LISTEN,
				.kaddr = 0xabc,
				.path = "/run/x.sock"};
	r = build(&so, &ux);
	CHECK_STR(r.type, "unix");
	CHECK_STR(r.device, "0x0000000000000abc");
	CHECK_STR(r.name, "/run/x.sock type=STREAM");
	CHECK_STR(r.tail, " (LISTEN)");
	free(r.name);
	struct sock_entry nl = {.ino = 500, .family = AF_NETLINK, .proto = 15};
	r = build(&so, &nl);
	CHECK_STR(r.type, "netlink");
	CHECK_STR(r.name, "KOBJECT_UEVENT");
	CHECK_STR(r.device, "");
	free(r.name);
	return failures != 0;
}
