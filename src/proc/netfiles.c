#include "proc/netfiles.h"

#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* "0100007F:1F90": 32-bit words printed as host-order hex of network-order bytes. */
static int parse_addr(const char *s, int family, uint8_t *addr, uint16_t *port)
{
	int words = family == AF_INET ? 1 : 4;

	for (int i = 0; i < words; i++) {
		char hex[9];
		uint32_t w;

		memcpy(hex, s + 8 * i, 8);
		hex[8] = '\0';
		if (strlen(hex) != 8 || strspn(hex, "0123456789abcdefABCDEF") != 8)
			return -EINVAL;
		w = (uint32_t)strtoul(hex, NULL, 16);
		memcpy(addr + 4 * i, &w, 4);
	}
	s += 8 * words;
	if (*s != ':')
		return -EINVAL;
	*port = (uint16_t)strtoul(s + 1, NULL, 16);
	return 0;
}

int proc_net_inet_parse(FILE *f, int family, int proto, struct sock_table *t)
{
	char *line = NULL;
	size_t len = 0;
	int r = 0;

	while (getline(&line, &len, f) > 0) {
		char local[64], remote[64];
		unsigned int st, tq, rq;
		uint64_t ino;
		struct sock_entry e = {.family = family, .proto = proto};

		if (sscanf(line, " %*d: %63s %63s %x %x:%x %*s %*s %*s %*s %" SCNu64, local, remote,
			   &st, &tq, &rq, &ino) != 6)
			continue;
		e.sq = tq;
		e.rq = st == 10 ? 0 : rq; /* a listener's rx_queue is its accept backlog */
		if (parse_addr(local, family, e.laddr, &e.lport) < 0 ||
		    parse_addr(remote, family, e.raddr, &e.rport) < 0 || !ino)
			continue;
		e.state = (int)st;
		e.type = proto == IPPROTO_TCP ? SOCK_STREAM : SOCK_DGRAM;
		e.ino = ino;
		struct sock_entry *s = socktab_get(t, ino, true);

		if (!s) {
			r = -ENOMEM;
			break;
		}
		free(s->path);
		*s = e;
	}
	free(line);
	return r;
}

int proc_net_unix_parse(FILE *f, struct sock_table *t)
{
	char *line = NULL;
	size_t len = 0;
	int r = 0;

	while (getline(&line, &len, f) > 0) {
		uint64_t kaddr, ino;
		unsigned int flags, type, st;
		int off = 0;

		if (sscanf(line, "%" SCNx64 ": %*x %*x %x %x %x %" SCNu64 "%n", &kaddr, &flags,
			   &type, &st, &ino, &off) != 5 ||
		    !ino)
			continue;
		struct sock_entry *s = socktab_get(t, ino, true);

		if (!s) {
			r = -ENOMEM;
			break;
		}
		s->family = AF_UNIX;
		s->kaddr = kaddr;
		s->type = (int)type;
		if (flags & 0x10000) /* __SO_ACCEPTCON */
			s->state = UNIX_LISTEN;
		else if (st >= 1 && st <= 4)
			s->state = (int)st - 1;
		char *p = line + off;

		while (*p == ' ')
			p++;
		p[strcspn(p, "\n")] = '\0';
		if (*p && !s->path)
			s->path = strdup(p);
	}
	free(line);
	return r;
}

int proc_net_netlink_parse(FILE *f, struct sock_table *t)
{
	char *line = NULL;
	size_t len = 0;
	int r = 0;

	while (getline(&line, &len, f) > 0) {
		int proto;
		uint64_t ino;

		if (sscanf(line, "%*x %d %*u %*x %*d %*d %*d %*d %*d %" SCNu64, &proto, &ino) !=
			2 ||
		    !ino)
			continue;
		struct sock_entry *s = socktab_get(t, ino, true);

		if (!s) {
			r = -ENOMEM;
			break;
		}
		s->family = AF_NETLINK;
		s->proto = proto;
		s->type = SOCK_RAW;
	}
	free(line);
	return r;
}

int proc_net_packet_parse(FILE *f, struct sock_table *t)
{
	char *line = NULL;
	size_t len = 0;
	int r = 0;

	while (getline(&line, &len, f) > 0) {
		unsigned int type, proto;
		uint64_t ino;

		if (sscanf(line, "%*x %*d %u %x %*d %*d %*u %*u %" SCNu64, &type, &proto, &ino) !=
			3 ||
		    !ino)
			continue;
		struct sock_entry *s = socktab_get(t, ino, true);

		if (!s) {
			r = -ENOMEM;
			break;
		}
		s->family = AF_PACKET;
		s->proto = (int)proto;
		s->type = (int)type;
	}
	free(line);
	return r;
}
