/* semget, semop, semtimedop, semctl. */
/* TRACE: -e trace=semget,semop,semtimedop,semctl */
#include "tests.h"
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	char call[1024];
	long rc = syscall(__NR_semget, IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0640);
	print_line("", "semget(IPC_PRIVATE, 2, IPC_CREAT|IPC_EXCL|0640)", sprintrc(rc));
	if (rc < 0)
		skip("no SysV semaphores");
	int id = (int)rc;
	rc = syscall(__NR_semget, 0x55, 1, 0x80000000u | 0600);
	print_line("", "semget(0x55, 1, 0x800000000600)", sprintrc(rc));

	struct sembuf *sb = tail_alloc(2 * sizeof(*sb));
	sb[0] = (struct sembuf){0, 1, SEM_UNDO};
	sb[1] = (struct sembuf){1, 0, IPC_NOWAIT};
	rc = syscall(__NR_semop, id, sb, 2);
	snprintf(call, sizeof(call),
		 "semop(%d, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, {sem_num=1, sem_op=0, "
		 "sem_flg=IPC_NOWAIT}], 2)", id);
	print_line("", call, sprintrc(rc));
	struct timespec *ts = tail_alloc(sizeof(*ts));
	*ts = (struct timespec){0, 1000};
	sb[1].sem_op = -1;
	sb[1].sem_flg = 0;
	rc = syscall(__NR_semtimedop, id, sb + 1, 1, ts);
	snprintf(call, sizeof(call),
		 "semtimedop(%d, [{sem_num=1, sem_op=-1, sem_flg=0}], 1, {tv_sec=0, tv_nsec=1000})", id);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_semop, id, sb + 2, 1);
	snprintf(call, sizeof(call), "semop(%d, %p, 1)", id, (void *)(sb + 2));
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_semctl, id, 1, SETVAL, 5);
	snprintf(call, sizeof(call), "semctl(%d, 1, SETVAL, 0x5)", id);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_semctl, id, 1, GETVAL, 0);
	snprintf(call, sizeof(call), "semctl(%d, 1, GETVAL, NULL)", id);
	print_line("", call, sprintrc(rc));
	struct semid_ds *ds = tail_alloc(sizeof(*ds));
	rc = syscall(__NR_semctl, id, 0, IPC_STAT, ds);
	snprintf(call, sizeof(call),
		 "semctl(%d, 0, IPC_STAT, {sem_perm={uid=%u, gid=%u, mode=%#03o, key=%u, cuid=%u, "
		 "cgid=%u}, sem_otime=%lu, sem_ctime=%lu, sem_nsems=%lu})",
		 id, ds->sem_perm.uid, ds->sem_perm.gid, (unsigned)ds->sem_perm.mode,
		 (unsigned)ds->sem_perm.__key, ds->sem_perm.cuid, ds->sem_perm.cgid,
		 (unsigned long)ds->sem_otime, (unsigned long)ds->sem_ctime,
		 (unsigned long)ds->sem_nsems);
	print_line("", call, sprintrc(rc));
	struct seminfo *si = tail_alloc(sizeof(*si));
	rc = syscall(__NR_semctl, 0, 0, SEM_INFO, si);
	snprintf(call, sizeof(call),
		 "semctl(0, 0, SEM_INFO, {semmap=%d, semmni=%d, semmns=%d, semmnu=%d, semmsl=%d, "
		 "semopm=%d, semume=%d, semusz=%d, semvmx=%d, semaem=%d})",
		 si->semmap, si->semmni, si->semmns, si->semmnu, si->semmsl, si->semopm, si->semume,
		 si->semusz, si->semvmx, si->semaem);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_semctl, -1, 0, 99, NULL);
	print_line("", "semctl(-1, 0, 0x63 /* SEM_??? */, NULL)", sprintrc(rc));
	rc = syscall(__NR_semctl, id, 0, IPC_RMID, NULL);
	snprintf(call, sizeof(call), "semctl(%d, 0, IPC_RMID, NULL)", id);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
