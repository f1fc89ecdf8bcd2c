/* System V IPC: shmget, shmat, shmdt, shmctl, semget, semop, semtimedop, semctl, msgget,
 * msgsnd, msgrcv, msgctl. */
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>

#include "decode/net.h"

#define IPC_64_FLAG	0x100
#define SHM_HUGE_SHIFT_ 26
#define SHM_HUGE_MASK_	0x3f

#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif
#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY 20
#endif
#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY 13
#endif

static void print_key(struct dctx *d, uint64_t key)
{
	pr_xval(d->p, &xl_ipc_private, (unsigned)key, NULL);
}

/* IPC_CREAT|IPC_EXCL|0600: the flags (nothing when none) and the permission bits; as in
 * strace, the | comes only after a known flag name */
static void print_ipc_flags(struct dctx *d, const struct xlat *x, unsigned v)
{
	struct strbuf sb = {0};
	unsigned flags = v & ~0777u;
	bool known = false;

	for (unsigned i = 0; i < x->n; i++)
		if (x->e[i].val && (flags & x->e[i].val) == x->e[i].val)
			known = true;
	if (flags) {
		sb_flags(&sb, x, flags, xstyle(d), NULL);
		if (known)
			sb_putc(&sb, '|');
	}
	sb_printf(&sb, "%#03o", v & 0777);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

int dec_shmget(struct dctx *d)
{
	unsigned v = (unsigned)arg(d, 2);
	unsigned flags = v & ~0777u;
	unsigned huge = flags & ((unsigned)SHM_HUGE_MASK_ << SHM_HUGE_SHIFT_);
	struct strbuf sb = {0};

	print_key(d, arg(d, 0));
	pr_uint(d->p, arg(d, 1));
	flags &= ~huge;
	if (flags)
		sb_flags(&sb, &xl_shm_resource_flags, flags, xstyle(d), NULL);
	if (huge) {
		if (flags)
			sb_putc(&sb, '|');
		sb_printf(&sb, "%u<<SHM_HUGE_SHIFT", huge >> SHM_HUGE_SHIFT_);
	}
	if (flags || huge)
		sb_putc(&sb, '|');
	sb_printf(&sb, "%#03o", v & 0777);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
	return DEC_DONE;
}

int dec_semget(struct dctx *d)
{
	print_key(d, arg(d, 0));
	pr_int(d->p, (int)arg(d, 1));
	print_ipc_flags(d, &xl_resource_flags, (unsigned)arg(d, 2));
	return DEC_DONE;
}

int dec_msgget(struct dctx *d)
{
	print_key(d, arg(d, 0));
	print_ipc_flags(d, &xl_resource_flags, (unsigned)arg(d, 1));
	return DEC_DONE;
}

int dec_shmat(struct dctx *d)
{
	if (d->exiting)
		return DEC_DONE;
	pr_int(d->p, (int)arg(d, 0));
	pr_ptr(d->p, arg(d, 1));
	pr_flags(d->p, &xl_shm_flags, (unsigned)arg(d, 2), "SHM_???");
	return DEC_DONE;
}

static bool print_sembuf(struct dctx *d, const void *elem, size_t size, void *opaque)
{
	const struct sembuf *sb = elem;

	(void)size;
	(void)opaque;
	pr_struct_begin(d->p);
	pr_field(d->p, "sem_num");
	pr_uint(d->p, sb->sem_num);
	pr_field(d->p, "sem_op");
	pr_int(d->p, sb->sem_op);
	pr_field(d->p, "sem_flg");
	pr_flags(d->p, &xl_semop_flags, (unsigned short)sb->sem_flg, "SEM_???");
	pr_struct_end(d->p);
	return true;
}

int dec_semop(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	print_array(d, arg(d, 1), (unsigned)arg(d, 2), sizeof(struct sembuf), print_sembuf, NULL);
	pr_uint(d->p, (unsigned)arg(d, 2));
	if (d->si->nargs == 4)
		print_timespec(d, arg(d, 3));
	return DEC_DONE;
}

/* IPC_64|IPC_STAT, or the command alone */
static void print_ctl_cmd(struct dctx *d, const struct xlat *x, unsigned cmd, const char *dflt)
{
	struct strbuf sb = {0};

	if (cmd & IPC_64_FLAG) {
		if (xstyle(d) == XS_RAW)
			sb_printf(&sb, "%#x|", IPC_64_FLAG);
		else if (xstyle(d) == XS_VERBOSE)
			sb_printf(&sb, "%#x /* IPC_64 */|", IPC_64_FLAG);
		else
			sb_puts(&sb, "IPC_64|");
	}
	sb_xval(&sb, xstyle(d), x, cmd & ~IPC_64_FLAG, dflt);
	pr_raw(d->p, "%s", sb.buf);
	sb_free(&sb);
}

static void print_id(struct dctx *d, const char *name, unsigned v)
{
	pr_field(d->p, name);
	if (v == (unsigned)-1)
		pr_int(d->p, -1);
	else
		pr_uint(d->p, v);
}

/* struct ipc_perm as the field `name` of its enclosing struct */
static void print_perm_field(struct dctx *d, const char *name, const struct ipc_perm *p, bool set)
{
	pr_field(d->p, name);
	pr_struct_begin(d->p);
	print_id(d, "uid", p->uid);
	print_id(d, "gid", p->gid);
	pr_field(d->p, "mode");
	pr_raw(d->p, "%#03o", (unsigned)p->mode);
	if (!set) {
		pr_field(d->p, "key");
		pr_uint(d->p, (unsigned)p->__key);
		print_id(d, "cuid", p->cuid);
		print_id(d, "cgid", p->cgid);
	}
	pr_struct_end(d->p);
}

#define FIELD_U(s, f)                                                                              \
	do {                                                                                       \
		pr_field(d->p, #f);                                                                \
		pr_uint(d->p, (uint64_t)(s).f);                                                    \
	} while (0)
#define FIELD_D(s, f)                                                                              \
	do {                                                                                       \
		pr_field(d->p, #f);                                                                \
		pr_int(d->p, (int64_t)(s).f);                                                      \
	} while (0)

static void print_shmid_ds(struct dctx *d, uint64_t addr, unsigned cmd)
{
	struct shmid_ds ds;

	if (!addr || mem_read_obj(d, addr, ds) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	print_perm_field(d, "shm_perm", &ds.shm_perm, cmd == IPC_SET);
	if (cmd != IPC_SET) {
		FIELD_U(ds, shm_segsz);
		FIELD_D(ds, shm_cpid);
		FIELD_D(ds, shm_lpid);
		FIELD_U(ds, shm_nattch);
		FIELD_U(ds, shm_atime);
		FIELD_U(ds, shm_dtime);
		FIELD_U(ds, shm_ctime);
	}
	pr_struct_end(d->p);
}

static void print_shminfo(struct dctx *d, uint64_t addr)
{
	struct shminfo in;

	if (!addr || mem_read_obj(d, addr, in) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	FIELD_U(in, shmmax);
	FIELD_U(in, shmmin);
	FIELD_U(in, shmmni);
	FIELD_U(in, shmseg);
	FIELD_U(in, shmall);
	pr_struct_end(d->p);
}

static void print_shm_info(struct dctx *d, uint64_t addr)
{
	struct shm_info in;

	if (!addr || mem_read_obj(d, addr, in) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	FIELD_D(in, used_ids);
	FIELD_U(in, shm_tot);
	FIELD_U(in, shm_rss);
	FIELD_U(in, shm_swp);
	FIELD_U(in, swap_attempts);
	FIELD_U(in, swap_successes);
	pr_struct_end(d->p);
}

static void print_semid_ds(struct dctx *d, uint64_t addr, unsigned cmd)
{
	struct semid_ds ds;

	if (!addr || mem_read_obj(d, addr, ds) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	print_perm_field(d, "sem_perm", &ds.sem_perm, cmd == IPC_SET);
	if (cmd != IPC_SET) {
		FIELD_U(ds, sem_otime);
		FIELD_U(ds, sem_ctime);
		FIELD_U(ds, sem_nsems);
	}
	pr_struct_end(d->p);
}

static void print_seminfo(struct dctx *d, uint64_t addr)
{
	struct seminfo in;

	if (!addr || mem_read_obj(d, addr, in) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	FIELD_D(in, semmap);
	FIELD_D(in, semmni);
	FIELD_D(in, semmns);
	FIELD_D(in, semmnu);
	FIELD_D(in, semmsl);
	FIELD_D(in, semopm);
	FIELD_D(in, semume);
	FIELD_D(in, semusz);
	FIELD_D(in, semvmx);
	FIELD_D(in, semaem);
	pr_struct_end(d->p);
}

static void print_msqid_ds(struct dctx *d, uint64_t addr, unsigned cmd)
{
	struct msqid_ds ds;

	if (!addr || mem_read_obj(d, addr, ds) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	print_perm_field(d, "msg_perm", &ds.msg_perm, cmd == IPC_SET);
	if (cmd != IPC_SET) {
		FIELD_U(ds, msg_stime);
		FIELD_U(ds, msg_rtime);
		FIELD_U(ds, msg_ctime);
		FIELD_U(ds, msg_qnum);
	}
	FIELD_U(ds, msg_qbytes);
	if (cmd != IPC_SET) {
		FIELD_D(ds, msg_lspid);
		FIELD_D(ds, msg_lrpid);
	}
	pr_struct_end(d->p);
}

static void print_msginfo(struct dctx *d, uint64_t addr)
{
	struct msginfo in;

	if (!addr || mem_read_obj(d, addr, in) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	FIELD_D(in, msgpool);
	FIELD_D(in, msgmap);
	FIELD_D(in, msgmax);
	FIELD_D(in, msgmnb);
	FIELD_D(in, msgmni);
	FIELD_D(in, msgssz);
	FIELD_D(in, msgtql);
	FIELD_U(in, msgseg);
	pr_struct_end(d->p);
}

/* shmctl, semctl and msgctl differ only in their tables: where the command is, its names,
 * which commands fill the buffer (printed at exit) and the structs they fill. */
struct ipc_ctl {
	unsigned cmd_arg; /* the command's argument; the id (and semnum) come before it */
	const struct xlat *cmds;
	const char *unknown;
	unsigned stat_cmds[3]; /* besides IPC_STAT, IPC_INFO: fill the buffer */
	unsigned info_cmds[2]; /* the commands whose buffer is the *info struct */
	void (*print_ds)(struct dctx *d, uint64_t addr, unsigned cmd);
	void (*print_info)(struct dctx *d, uint64_t addr);
};

static bool cmd_in(unsigned cmd, const unsigned *set, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (set[i] == cmd)
			return true;
	return false;
}

static int dec_ipc_ctl(struct dctx *d, const struct ipc_ctl *c)
{
	unsigned cmd = (unsigned)arg(d, c->cmd_arg) & ~IPC_64_FLAG;
	uint64_t addr = arg(d, c->cmd_arg + 1);

	if (!d->exiting) {
		for (unsigned i = 0; i < c->cmd_arg; i++)
			pr_int(d->p, (int)arg(d, i));
		print_ctl_cmd(d, c->cmds, (unsigned)arg(d, c->cmd_arg), c->unknown);
		if (cmd == IPC_SET) {
			c->print_ds(d, addr, cmd);
			return DEC_DONE;
		}
		if (cmd == IPC_STAT || cmd == IPC_INFO || cmd_in(cmd, c->stat_cmds, 3))
			return DEC_MORE;
		pr_ptr(d->p, addr);
		return DEC_DONE;
	}
	if (syserror(d))
		pr_ptr(d->p, addr);
	else if (cmd_in(cmd, c->info_cmds, 2))
		c->print_info(d, addr);
	else
		c->print_ds(d, addr, cmd);
	return DEC_DONE;
}

int dec_shmctl(struct dctx *d)
{
	static const struct ipc_ctl shm = {1,
					   &xl_shmctl_flags,
					   "SHM_???",
					   {SHM_STAT, SHM_STAT_ANY, SHM_INFO},
					   {IPC_INFO, ~0u},
					   print_shmid_ds,
					   print_shminfo};
	unsigned cmd = (unsigned)arg(d, 1) & ~IPC_64_FLAG;

	/* SHM_INFO fills a struct shm_info, IPC_INFO a struct shminfo */
	if (d->exiting && cmd == SHM_INFO && !syserror(d)) {
		print_shm_info(d, arg(d, 2));
		return DEC_DONE;
	}
	return dec_ipc_ctl(d, &shm);
}

int dec_semctl(struct dctx *d)
{
	static const struct ipc_ctl sem = {2,
					   &xl_semctl_flags,
					   "SEM_???",
					   {SEM_STAT, SEM_STAT_ANY, SEM_INFO},
					   {IPC_INFO, SEM_INFO},
					   print_semid_ds,
					   print_seminfo};
	return dec_ipc_ctl(d, &sem);
}

int dec_msgctl(struct dctx *d)
{
	static const struct ipc_ctl msg = {1,
					   &xl_msgctl_flags,
					   "MSG_???",
					   {MSG_STAT, MSG_STAT_ANY, MSG_INFO},
					   {IPC_INFO, MSG_INFO},
					   print_msqid_ds,
					   print_msginfo};
	return dec_ipc_ctl(d, &msg);
}

/* {mtype=7, mtext="hello"}: count bytes of text after the type */
static void print_msgbuf(struct dctx *d, uint64_t addr, uint64_t count)
{
	long mtype;

	if (!addr || mem_read_obj(d, addr, mtype) < 0) {
		pr_ptr(d->p, addr);
		return;
	}
	pr_struct_begin(d->p);
	pr_field(d->p, "mtype");
	pr_int(d->p, mtype);
	pr_field(d->p, "mtext");
	print_buf(d, addr + sizeof(mtype), count);
	pr_struct_end(d->p);
}

int dec_msgsnd(struct dctx *d)
{
	pr_int(d->p, (int)arg(d, 0));
	print_msgbuf(d, arg(d, 1), arg(d, 2));
	pr_uint(d->p, arg(d, 2));
	pr_flags(d->p, &xl_ipc_msg_flags, (unsigned)arg(d, 3), "MSG_???");
	return DEC_DONE;
}

int dec_msgrcv(struct dctx *d)
{
	if (!d->exiting) {
		pr_int(d->p, (int)arg(d, 0));
		return DEC_MORE;
	}
	/* the text is shown for the whole buffer size, not what was received */
	if (syserror(d))
		pr_ptr(d->p, arg(d, 1));
	else
		print_msgbuf(d, arg(d, 1), arg(d, 2));
	pr_uint(d->p, arg(d, 2));
	pr_int(d->p, (int64_t)arg(d, 3));
	pr_flags(d->p, &xl_ipc_msg_flags, (unsigned)arg(d, 4), "MSG_???");
	return DEC_DONE;
}
