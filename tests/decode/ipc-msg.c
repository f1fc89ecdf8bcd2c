/* msgget, msgsnd, msgrcv, msgctl. */
/* TRACE: -e trace=msgget,msgsnd,msgrcv,msgctl */
#include "tests.h"
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/syscall.h>

struct msg {
	long mtype;
	char mtext[8];
};

int main(void)
{
	char call[1024];
	long rc = syscall(__NR_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	print_line("", "msgget(IPC_PRIVATE, IPC_CREAT|0600)", sprintrc(rc));
	if (rc < 0)
		skip("no SysV message queues");
	int id = (int)rc;
	rc = syscall(__NR_msgget, 0x1234, 0);
	print_line("", "msgget(0x1234, 000)", sprintrc(rc));

	struct msg *m = tail_alloc(sizeof(*m));
	m->mtype = 7;
	memcpy(m->mtext, "hello\0\0\0", 8);
	rc = syscall(__NR_msgsnd, id, m, 5, IPC_NOWAIT);
	snprintf(call, sizeof(call), "msgsnd(%d, {mtype=7, mtext=\"hello\"}, 5, IPC_NOWAIT)", id);
	print_line("", call, sprintrc(rc));
	memset(m, 0, sizeof(*m));
	rc = syscall(__NR_msgrcv, id, m, 8, 0, MSG_NOERROR);
	snprintf(call, sizeof(call),
		 "msgrcv(%d, {mtype=7, mtext=\"hello\\0\\0\\0\"}, 8, 0, MSG_NOERROR)", id);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_msgrcv, id, m, 8, -5L, IPC_NOWAIT | MSG_EXCEPT);
	snprintf(call, sizeof(call), "msgrcv(%d, %p, 8, -5, MSG_EXCEPT|IPC_NOWAIT)", id, (void *)m);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_msgsnd, -1, m + 1, 1, 0);
	snprintf(call, sizeof(call), "msgsnd(-1, %p, 1, 0)", (void *)(m + 1));
	print_line("", call, sprintrc(rc));

	struct msqid_ds *ds = tail_alloc(sizeof(*ds));
	rc = syscall(__NR_msgctl, id, IPC_STAT, ds);
	snprintf(call, sizeof(call),
		 "msgctl(%d, IPC_STAT, {msg_perm={uid=%u, gid=%u, mode=%#03o, key=%u, cuid=%u, "
		 "cgid=%u}, msg_stime=%lu, msg_rtime=%lu, msg_ctime=%lu, msg_qnum=%lu, "
		 "msg_qbytes=%lu, msg_lspid=%d, msg_lrpid=%d})",
		 id, ds->msg_perm.uid, ds->msg_perm.gid, (unsigned)ds->msg_perm.mode,
		 (unsigned)ds->msg_perm.__key, ds->msg_perm.cuid, ds->msg_perm.cgid,
		 (unsigned long)ds->msg_stime, (unsigned long)ds->msg_rtime,
		 (unsigned long)ds->msg_ctime, (unsigned long)ds->msg_qnum,
		 (unsigned long)ds->msg_qbytes, ds->msg_lspid, ds->msg_lrpid);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_msgctl, id, IPC_SET, ds);
	snprintf(call, sizeof(call),
		 "msgctl(%d, IPC_SET, {msg_perm={uid=%u, gid=%u, mode=%#03o}, msg_qbytes=%lu})", id,
		 ds->msg_perm.uid, ds->msg_perm.gid, (unsigned)ds->msg_perm.mode,
		 (unsigned long)ds->msg_qbytes);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_msgctl, -1, 99, NULL);
	print_line("", "msgctl(-1, 0x63 /* MSG_??? */, NULL)", sprintrc(rc));
	rc = syscall(__NR_msgctl, id, IPC_RMID, NULL);
	snprintf(call, sizeof(call), "msgctl(%d, IPC_RMID, NULL)", id);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
