#include "net/socktab.h"

#include <stdlib.h>
#include <string.h>

static size_t slot_of(uint64_t ino, size_t cap)
{
	return (size_t)((ino * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
}

static int grow(struct sock_table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	struct sock_entry *s = calloc(cap, sizeof(*s));

	if (!s)
		return -1;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->slots[i].ino)
			continue;
		size_t j = slot_of(t->slots[i].ino, cap);

		while (s[j].ino)
			j = (j + 1) & (cap - 1);
		s[j] = t->slots[i];
	}
	free(t->slots);
	t->slots = s;
	t->cap = cap;
	return 0;
}

struct sock_entry *socktab_get(struct sock_table *t, uint64_t ino, bool create)
{
	if (!ino)
		return NULL;
	if (t->cap) {
		size_t j = slot_of(ino, t->cap);

		while (t->slots[j].ino) {
			if (t->slots[j].ino == ino)
				return &t->slots[j];
			j = (j + 1) & (t->cap - 1);
		}
	}
	if (!create)
		return NULL;
	if ((t->n + 1) * 2 > t->cap && grow(t) < 0)
		return NULL;
	size_t j = slot_of(ino, t->cap);

	while (t->slots[j].ino)
		j = (j + 1) & (t->cap - 1);
	t->slots[j] = (struct sock_entry){.ino = ino};
	t->n++;
	return &t->slots[j];
}

void socktab_free(struct sock_table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slots[i].path);
	free(t->slots);
	*t = (struct sock_table){0};
}

const char *tcp_state_name(int state)
{
	static const char *const names[] = {
	    [1] = "ESTABLISHED", [2] = "SYN_SENT",  [3] = "SYN_RECV", [4] = "FIN_WAIT1",
	    [5] = "FIN_WAIT2",	 [6] = "TIME_WAIT", [7] = "CLOSE",    [8] = "CLOSE_WAIT",
	    [9] = "LAST_ACK",	 [10] = "LISTEN",   [11] = "CLOSING", [12] = "NEW_SYN_RECV",
	};

	if (state < 1 || state >= (int)(sizeof(names) / sizeof(names[0])))
		return NULL;
	return names[state];
}
