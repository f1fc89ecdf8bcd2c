/* shmget, shmat, shmdt, shmctl: keys, flags with huge page sizes, IPC_STAT/IPC_SET/IPC_INFO,
 * unknown commands. */
/* TRACE: -e trace=shmget,shmat,shmdt,shmctl */
#include "tests.h"
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/syscall.h>

int main(void)
{
	char call[1024], ret[64];
	long rc = syscall(__NR_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	print_line("", "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600)", sprintrc(rc));
	if (rc < 0)
		skip("no SysV shared memory");
	int id = (int)rc;
	rc = syscall(__NR_shmget, 0x7eadbeef, 1, 0600);
	print_line("", "shmget(0x7eadbeef, 1, 0600)", sprintrc(rc));
	rc = syscall(__NR_shmget, 0x7eadbeef, 1, (21u << 26) | SHM_HUGETLB | 0);
	print_line("", "shmget(0x7eadbeef, 1, SHM_HUGETLB|21<<SHM_HUGE_SHIFT|000)", sprintrc(rc));

	struct shmid_ds *ds = tail_alloc(sizeof(*ds));
	rc = syscall(__NR_shmctl, id, IPC_STAT, ds);
	snprintf(call, sizeof(call),
		 "shmctl(%d, IPC_STAT, {shm_perm={uid=%u, gid=%u, mode=%#03o, key=%u, cuid=%u, "
		 "cgid=%u}, shm_segsz=%zu, shm_cpid=%d, shm_lpid=%d, shm_nattch=%lu, shm_atime=%lu, "
		 "shm_dtime=%lu, shm_ctime=%lu})",
		 id, ds->shm_perm.uid, ds->shm_perm.gid, (unsigned)ds->shm_perm.mode,
		 (unsigned)ds->shm_perm.__key, ds->shm_perm.cuid, ds->shm_perm.cgid, ds->shm_segsz,
		 ds->shm_cpid, ds->shm_lpid, (unsigned long)ds->shm_nattch,
		 (unsigned long)ds->shm_atime, (unsigned long)ds->shm_dtime,
		 (unsigned long)ds->shm_ctime);
	print_line("", call, sprintrc(rc));
	ds->shm_perm.mode = 0640;
	rc = syscall(__NR_shmctl, id, IPC_SET, ds);
	snprintf(call, sizeof(call), "shmctl(%d, IPC_SET, {shm_perm={uid=%u, gid=%u, mode=0640}})",
		 id, ds->shm_perm.uid, ds->shm_perm.gid);
	print_line("", call, sprintrc(rc));
	struct shminfo *info = tail_alloc(sizeof(*info));
	rc = syscall(__NR_shmctl, 0, IPC_INFO, info);
	snprintf(call, sizeof(call),
		 "shmctl(0, IPC_INFO, {shmmax=%lu, shmmin=%lu, shmmni=%lu, shmseg=%lu, shmall=%lu})",
		 info->shmmax, info->shmmin, info->shmmni, info->shmseg, info->shmall);
	print_line("", call, sprintrc(rc));
	/* SHM_INFO fills a struct shm_info, not the struct shminfo of IPC_INFO */
	struct shm_info *sinfo = tail_alloc(sizeof(*sinfo));
	rc = syscall(__NR_shmctl, 0, SHM_INFO, sinfo);
	snprintf(call, sizeof(call),
		 "shmctl(0, SHM_INFO, {used_ids=%d, shm_tot=%lu, shm_rss=%lu, shm_swp=%lu, "
		 "swap_attempts=%lu, swap_successes=%lu})",
		 sinfo->used_ids, sinfo->shm_tot, sinfo->shm_rss, sinfo->shm_swp,
		 sinfo->swap_attempts, sinfo->swap_successes);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shmctl, id, IPC_STAT, ds + 1);
	snprintf(call, sizeof(call), "shmctl(%d, IPC_STAT, %p)", id, (void *)(ds + 1));
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shmctl, -1, 0x100 | IPC_STAT, NULL);
	print_line("", "shmctl(-1, IPC_64|IPC_STAT, NULL)", sprintrc(rc));
	rc = syscall(__NR_shmctl, -1, 99, ds);
	snprintf(call, sizeof(call), "shmctl(-1, 0x63 /* SHM_??? */, %p)", (void *)ds);
	print_line("", call, sprintrc(rc));

	rc = syscall(__NR_shmat, id, NULL, SHM_RDONLY);
	snprintf(call, sizeof(call), "shmat(%d, NULL, SHM_RDONLY)", id);
	snprintf(ret, sizeof(ret), "%#lx", rc);
	print_line("", call, rc == -1 ? sprintrc(rc) : ret);
	void *at = (void *)rc;
	rc = syscall(__NR_shmat, -1, (void *)0x1000, SHM_RND | 0x200000);
	print_line("", "shmat(-1, 0x1000, SHM_RND|0x200000)", sprintrc(rc));
	rc = syscall(__NR_shmdt, at);
	snprintf(call, sizeof(call), "shmdt(%p)", at);
	print_line("", call, sprintrc(rc));
	rc = syscall(__NR_shmctl, id, IPC_RMID, NULL);
	snprintf(call, sizeof(call), "shmctl(%d, IPC_RMID, NULL)", id);
	print_line("", call, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
