/* getdents64 -v: each entry with its type and name. */
/* TRACE: -v -e trace=getdents64 */
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

	close(open("file\twith tab", O_CREAT | O_WRONLY, 0600));
	mkdir("subdir", 0700);
	rc = syscall(__NR_getdents64, fd, buf, 4096);
	int k = sprintf(out, "[");
	for (long off = 0; off < rc;) {
		unsigned long long ino = *(unsigned long long *)(buf + off);
		unsigned long long doff = *(unsigned long long *)(buf + off + 8);
		unsigned short reclen = *(unsigned short *)(buf + off + 16);
		unsigned char type = *(unsigned char *)(buf + off + 18);
		const char *name = buf + off + 19;
		k += sprintf(
		    out + k, "%s{d_ino=%llu, d_off=%llu, d_reclen=%u, d_type=%s, d_name=%s}",
		    off ? ", " : "", ino, doff, reclen, dtype(type), quote(name, strlen(name)));
		off += reclen;
	}
	sprintf(out + k, "]");
	line(sprintrc(rc), "getdents64(%d, %s, 4096)", fd, out);
	rc = syscall(__NR_getdents64, fd, buf, 4096);
	line(sprintrc(rc), "getdents64(%d, [], 4096)", fd);
	unlink("file\twith tab");
	rmdir("subdir");
	printf("+++ exited with 0 +++\n");
	return 0;
}
