/* rt_sigtimedwait, rt_sigqueueinfo, rt_tgsigqueueinfo: siginfo both ways, the signal's name
 * after the return value. */
/* TRACE: -e trace=rt_sigtimedwait,rt_sigqueueinfo,rt_tgsigqueueinfo */
#include "tests.h"
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	char line[512];
	uint64_t *set = tail_alloc(8);
	siginfo_t *si = tail_alloc(sizeof(*si));
	struct timespec *ts = tail_alloc(sizeof(*ts));
	pid_t me = getpid();
	uid_t uid = getuid();

	*set = 1ULL << (SIGUSR1 - 1);
	sigprocmask(SIG_BLOCK, (sigset_t *)set, NULL);

	memset(si, 0, sizeof(*si));
	si->si_signo = SIGUSR1;
	si->si_code = SI_QUEUE;
	si->si_pid = me;
	si->si_uid = uid;
	si->si_value.sival_int = 42;
	long rc = syscall(__NR_rt_sigqueueinfo, me, SIGUSR1, si);
	snprintf(line, sizeof(line),
		 "rt_sigqueueinfo(%d, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=%d, si_uid=%u, "
		 "si_int=42, si_ptr=0x2a})",
		 me, me, uid);
	print_line("", line, sprintrc(rc));

	ts->tv_sec = 1;
	ts->tv_nsec = 2;
	rc = syscall(__NR_rt_sigtimedwait, set, si, ts, 8);
	snprintf(line, sizeof(line),
		 "rt_sigtimedwait([USR1], {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=%d, si_uid=%u, "
		 "si_int=42, si_ptr=0x2a}, {tv_sec=1, tv_nsec=2}, 8)",
		 me, uid);
	print_line("", line, "10 (SIGUSR1)");

	rc = syscall(__NR_rt_tgsigqueueinfo, me, me, SIGUSR1, si);
	snprintf(line, sizeof(line),
		 "rt_tgsigqueueinfo(%d, %d, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=%d, "
		 "si_uid=%u, si_int=42, si_ptr=0x2a})",
		 me, me, me, uid);
	print_line("", line, sprintrc(rc));
	rc = syscall(__NR_rt_sigtimedwait, set, NULL, NULL, 8);
	print_line("", "rt_sigtimedwait([USR1], NULL, NULL, 8)", rc == SIGUSR1 ? "10 (SIGUSR1)" : sprintrc(rc));

	/* a timeout */
	ts->tv_sec = 0;
	ts->tv_nsec = 1000;
	rc = syscall(__NR_rt_sigtimedwait, set, si, ts, 8);
	snprintf(line, sizeof(line), "rt_sigtimedwait([USR1], %p, {tv_sec=0, tv_nsec=1000}, 8)", (void *)si);
	print_line("", line, sprintrc(rc));
	void *bad = (char *)ts + sizeof(*ts);
	rc = syscall(__NR_rt_sigqueueinfo, me, SIGUSR1, bad);
	snprintf(line, sizeof(line), "rt_sigqueueinfo(%d, SIGUSR1, %p)", me, bad);
	print_line("", line, sprintrc(rc));
	printf("+++ exited with 0 +++\n");
	return 0;
}
