/* getdents (the old one): -v entries with d_type after d_name. */
/* TRACE: -v -e trace=getdents */
#include "filetests.h"

static const char *dtype(unsigned t)
{
	static const char *n[] = {"DT_UNKNOWN", "DT_FIFO", "DT_CHR",  NULL,	"DT_DIR",
				  NULL,		"DT_BLK",  NULL,      "DT_REG", NULL,
				  "DT_LNK",	NULL,	   "DT_SOCK", NULL,	"DT_WHT"};
	return t < 15 && n[t] ? n[t] : "?";
}

int main(void)
{
	char *buf = tail_alloc(4096);
	static char out[16384];
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	long rc;

	close(open("x", O_CREAT | O_WRONLY, 0600));
	rc = syscall(__NR_getdents, fd, buf, 4096);
	int k = sprintf(out, "[");
	for (long off = 0; off < rc;) {
		unsigned long ino = *(unsigned long *)(buf + off);
		unsigned long doff = *(unsigned long *)(buf + off + 8);
		unsigned short reclen = *(unsigned short *)(buf + off + 16);
		const char *name = buf + off + 18;
		unsigned char type = *(unsigned char *)(buf + off + reclen - 1);
		k += sprintf(out + k, "%s{d_ino=%lu, d_off=%lu, d_reclen=%u, d_name=%s, d_type=%s}",
			     off ? ", " : "", ino, doff, reclen, quote(name, strlen(name)),
			     dtype(type));
		off += reclen;
	}
	sprintf(out + k, "]");
	line(sprintrc(rc), "getdents(%d, %s, 4096)", fd, out);
	rc = syscall(__NR_getdents, -1, buf, 4096);
	line(sprintrc(rc), "getdents(-1, %p, 4096)", buf);
	unlink("x");
	printf("+++ exited with 0 +++\n");
	return 0;
}
