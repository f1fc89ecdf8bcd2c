/* The x86_64 syscall table against the kernel's uapi header: every __NR_x the header defines
 * must have a row named "x" at that number (strace prints the kernel's names on x86_64), numbers
 * and names must be unique, and no row may have more than six arguments. */
#include <asm/unistd_64.h>
#include <stdio.h>
#include <string.h>

#include "syscalls/syscalls.h"

struct nr_name {
	long nr;
	const char *name;
};

#define NR(x)                                                                                      \
	{                                                                                          \
		__NR_##x, #x                                                                       \
	}

/* Every name of Linux 6.18's syscall_64.tbl ("common" and "64"); a header defines a subset
 * (the installed 6.1 header stops at 450), and only what it defines is checked. */
static const struct nr_name header[] = {
#ifdef __NR_read
    NR(read),
#endif
#ifdef __NR_write
    NR(write),
#endif
#ifdef __NR_open
    NR(open),
#endif
#ifdef __NR_close
    NR(close),
#endif
#ifdef __NR_stat
    NR(stat),
#endif
#ifdef __NR_fstat
    NR(fstat),
#endif
#ifdef __NR_lstat
    NR(lstat),
#endif
#ifdef __NR_poll
    NR(poll),
#endif
#ifdef __NR_lseek
    NR(lseek),
#endif
#ifdef __NR_mmap
    NR(mmap),
#endif
#ifdef __NR_mprotect
    NR(mprotect),
#endif
#ifdef __NR_munmap
    NR(munmap),
#endif
#ifdef __NR_brk
    NR(brk),
#endif
#ifdef __NR_rt_sigaction
    NR(rt_sigaction),
#endif
#ifdef __NR_rt_sigprocmask
    NR(rt_sigprocmask),
#endif
#ifdef __NR_rt_sigreturn
    NR(rt_sigreturn),
#endif
#ifdef __NR_ioctl
    NR(ioctl),
#endif
#ifdef __NR_pread64
    NR(pread64),
#endif
#ifdef __NR_pwrite64
    NR(pwrite64),
#endif
#ifdef __NR_readv
    NR(readv),
#endif
#ifdef __NR_writev
    NR(writev),
#endif
#ifdef __NR_access
    NR(access),
#endif
#ifdef __NR_pipe
    NR(pipe),
#endif
#ifdef __NR_select
    NR(select),
#endif
#ifdef __NR_sched_yield
    NR(sched_yield),
#endif
#ifdef __NR_mremap
    NR(mremap),
#endif
#ifdef __NR_msync
    NR(msync),
#endif
#ifdef __NR_mincore
    NR(mincore),
#endif
#ifdef __NR_madvise
    NR(madvise),
#endif
#ifdef __NR_shmget
    NR(shmget),
#endif
#ifdef __NR_shmat
    NR(shmat),
#endif
#ifdef __NR_shmctl
    NR(shmctl),
#endif
#ifdef __NR_dup
    NR(dup),
#endif
#ifdef __NR_dup2
    NR(dup2),
#endif
#ifdef __NR_pause
    NR(pause),
#endif
#ifdef __NR_nanosleep
    NR(nanosleep),
#endif
#ifdef __NR_getitimer
    NR(getitimer),
#endif
#ifdef __NR_alarm
    NR(alarm),
#endif
#ifdef __NR_setitimer
    NR(setitimer),
#endif
#ifdef __NR_getpid
    NR(getpid),
#endif
#ifdef __NR_sendfile
    NR(sendfile),
#endif
#ifdef __NR_socket
    NR(socket),
#endif
#ifdef __NR_connect
    NR(connect),
#endif
#ifdef __NR_accept
    NR(accept),
#endif
#ifdef __NR_sendto
    NR(sendto),
#endif
#ifdef __NR_recvfrom
    NR(recvfrom),
#endif
#ifdef __NR_sendmsg
    NR(sendmsg),
#endif
#ifdef __NR_recvmsg
    NR(recvmsg),
#endif
#ifdef __NR_shutdown
    NR(shutdown),
#endif
#ifdef __NR_bind
    NR(bind),
#endif
#ifdef __NR_listen
    NR(listen),
#endif
#ifdef __NR_getsockname
    NR(getsockname),
#endif
#ifdef __NR_getpeername
    NR(getpeername),
#endif
#ifdef __NR_socketpair
    NR(socketpair),
#endif
#ifdef __NR_setsockopt
    NR(setsockopt),
#endif
#ifdef __NR_getsockopt
    NR(getsockopt),
#endif
#ifdef __NR_clone
    NR(clone),
#endif
#ifdef __NR_fork
    NR(fork),
#endif
#ifdef __NR_vfork
    NR(vfork),
#endif
#ifdef __NR_execve
    NR(execve),
#endif
#ifdef __NR_exit
    NR(exit),
#endif
#ifdef __NR_wait4
    NR(wait4),
#endif
#ifdef __NR_kill
    NR(kill),
#endif
#ifdef __NR_uname
    NR(uname),
#endif
#ifdef __NR_semget
    NR(semget),
#endif
#ifdef __NR_semop
    NR(semop),
#endif
#ifdef __NR_semctl
    NR(semctl),
#endif
#ifdef __NR_shmdt
    NR(shmdt),
#endif
#ifdef __NR_msgget
    NR(msgget),
#endif
#ifdef __NR_msgsnd
    NR(msgsnd),
#endif
#ifdef __NR_msgrcv
    NR(msgrcv),
#endif
#ifdef __NR_msgctl
    NR(msgctl),
#endif
#ifdef __NR_fcntl
    NR(fcntl),
#endif
#ifdef __NR_flock
    NR(flock),
#endif
#ifdef __NR_fsync
    NR(fsync),
#endif
#ifdef __NR_fdatasync
    NR(fdatasync),
#endif
#ifdef __NR_truncate
    NR(truncate),
#endif
#ifdef __NR_ftruncate
    NR(ftruncate),
#endif
#ifdef __NR_getdents
    NR(getdents),
#endif
#ifdef __NR_getcwd
    NR(getcwd),
#endif
#ifdef __NR_chdir
    NR(chdir),
#endif
#ifdef __NR_fchdir
    NR(fchdir),
#endif
#ifdef __NR_rename
    NR(rename),
#endif
#ifdef __NR_mkdir
    NR(mkdir),
#endif
#ifdef __NR_rmdir
    NR(rmdir),
#endif
#ifdef __NR_creat
    NR(creat),
#endif
#ifdef __NR_link
    NR(link),
#endif
#ifdef __NR_unlink
    NR(unlink),
#endif
#ifdef __NR_symlink
    NR(symlink),
#endif
#ifdef __NR_readlink
    NR(readlink),
#endif
#ifdef __NR_chmod
    NR(chmod),
#endif
#ifdef __NR_fchmod
    NR(fchmod),
#endif
#ifdef __NR_chown
    NR(chown),
#endif
#ifdef __NR_fchown
    NR(fchown),
#endif
#ifdef __NR_lchown
    NR(lchown),
#endif
#ifdef __NR_umask
    NR(umask),
#endif
#ifdef __NR_gettimeofday
    NR(gettimeofday),
#endif
#ifdef __NR_getrlimit
    NR(getrlimit),
#endif
#ifdef __NR_getrusage
    NR(getrusage),
#endif
#ifdef __NR_sysinfo
    NR(sysinfo),
#endif
#ifdef __NR_times
    NR(times),
#endif
#ifdef __NR_ptrace
    NR(ptrace),
#endif
#ifdef __NR_getuid
    NR(getuid),
#endif
#ifdef __NR_syslog
    NR(syslog),
#endif
#ifdef __NR_getgid
    NR(getgid),
#endif
#ifdef __NR_setuid
    NR(setuid),
#endif
#ifdef __NR_setgid
    NR(setgid),
#endif
#ifdef __NR_geteuid
    NR(geteuid),
#endif
#ifdef __NR_getegid
    NR(getegid),
#endif
#ifdef __NR_setpgid
    NR(setpgid),
#endif
#ifdef __NR_getppid
    NR(getppid),
#endif
#ifdef __NR_getpgrp
    NR(getpgrp),
#endif
#ifdef __NR_setsid
    NR(setsid),
#endif
#ifdef __NR_setreuid
    NR(setreuid),
#endif
#ifdef __NR_setregid
    NR(setregid),
#endif
#ifdef __NR_getgroups
    NR(getgroups),
#endif
#ifdef __NR_setgroups
    NR(setgroups),
#endif
#ifdef __NR_setresuid
    NR(setresuid),
#endif
#ifdef __NR_getresuid
    NR(getresuid),
#endif
#ifdef __NR_setresgid
    NR(setresgid),
#endif
#ifdef __NR_getresgid
    NR(getresgid),
#endif
#ifdef __NR_getpgid
    NR(getpgid),
#endif
#ifdef __NR_setfsuid
    NR(setfsuid),
#endif
#ifdef __NR_setfsgid
    NR(setfsgid),
#endif
#ifdef __NR_getsid
    NR(getsid),
#endif
#ifdef __NR_capget
    NR(capget),
#endif
#ifdef __NR_capset
    NR(capset),
#endif
#ifdef __NR_rt_sigpending
    NR(rt_sigpending),
#endif
#ifdef __NR_rt_sigtimedwait
    NR(rt_sigtimedwait),
#endif
#ifdef __NR_rt_sigqueueinfo
    NR(rt_sigqueueinfo),
#endif
#ifdef __NR_rt_sigsuspend
    NR(rt_sigsuspend),
#endif
#ifdef __NR_sigaltstack
    NR(sigaltstack),
#endif
#ifdef __NR_utime
    NR(utime),
#endif
#ifdef __NR_mknod
    NR(mknod),
#endif
#ifdef __NR_uselib
    NR(uselib),
#endif
#ifdef __NR_personality
    NR(personality),
#endif
#ifdef __NR_ustat
    NR(ustat),
#endif
#ifdef __NR_statfs
    NR(statfs),
#endif
#ifdef __NR_fstatfs
    NR(fstatfs),
#endif
#ifdef __NR_sysfs
    NR(sysfs),
#endif
#ifdef __NR_getpriority
    NR(getpriority),
#endif
#ifdef __NR_setpriority
    NR(setpriority),
#endif
#ifdef __NR_sched_setparam
    NR(sched_setparam),
#endif
#ifdef __NR_sched_getparam
    NR(sched_getparam),
#endif
#ifdef __NR_sched_setscheduler
    NR(sched_setscheduler),
#endif
#ifdef __NR_sched_getscheduler
    NR(sched_getscheduler),
#endif
#ifdef __NR_sched_get_priority_max
    NR(sched_get_priority_max),
#endif
#ifdef __NR_sched_get_priority_min
    NR(sched_get_priority_min),
#endif
#ifdef __NR_sched_rr_get_interval
    NR(sched_rr_get_interval),
#endif
#ifdef __NR_mlock
    NR(mlock),
#endif
#ifdef __NR_munlock
    NR(munlock),
#endif
#ifdef __NR_mlockall
    NR(mlockall),
#endif
#ifdef __NR_munlockall
    NR(munlockall),
#endif
#ifdef __NR_vhangup
    NR(vhangup),
#endif
#ifdef __NR_modify_ldt
    NR(modify_ldt),
#endif
#ifdef __NR_pivot_root
    NR(pivot_root),
#endif
#ifdef __NR__sysctl
    NR(_sysctl),
#endif
#ifdef __NR_prctl
    NR(prctl),
#endif
#ifdef __NR_arch_prctl
    NR(arch_prctl),
#endif
#ifdef __NR_adjtimex
    NR(adjtimex),
#endif
#ifdef __NR_setrlimit
    NR(setrlimit),
#endif
#ifdef __NR_chroot
    NR(chroot),
#endif
#ifdef __NR_sync
    NR(sync),
#endif
#ifdef __NR_acct
    NR(acct),
#endif
#ifdef __NR_settimeofday
    NR(settimeofday),
#endif
#ifdef __NR_mount
    NR(mount),
#endif
#ifdef __NR_umount2
    NR(umount2),
#endif
#ifdef __NR_swapon
    NR(swapon),
#endif
#ifdef __NR_swapoff
    NR(swapoff),
#endif
#ifdef __NR_reboot
    NR(reboot),
#endif
#ifdef __NR_sethostname
    NR(sethostname),
#endif
#ifdef __NR_setdomainname
    NR(setdomainname),
#endif
#ifdef __NR_iopl
    NR(iopl),
#endif
#ifdef __NR_ioperm
    NR(ioperm),
#endif
#ifdef __NR_create_module
    NR(create_module),
#endif
#ifdef __NR_init_module
    NR(init_module),
#endif
#ifdef __NR_delete_module
    NR(delete_module),
#endif
#ifdef __NR_get_kernel_syms
    NR(get_kernel_syms),
#endif
#ifdef __NR_query_module
    NR(query_module),
#endif
#ifdef __NR_quotactl
    NR(quotactl),
#endif
#ifdef __NR_nfsservctl
    NR(nfsservctl),
#endif
#ifdef __NR_getpmsg
    NR(getpmsg),
#endif
#ifdef __NR_putpmsg
    NR(putpmsg),
#endif
#ifdef __NR_afs_syscall
    NR(afs_syscall),
#endif
#ifdef __NR_tuxcall
    NR(tuxcall),
#endif
#ifdef __NR_security
    NR(security),
#endif
#ifdef __NR_gettid
    NR(gettid),
#endif
#ifdef __NR_readahead
    NR(readahead),
#endif
#ifdef __NR_setxattr
    NR(setxattr),
#endif
#ifdef __NR_lsetxattr
    NR(lsetxattr),
#endif
#ifdef __NR_fsetxattr
    NR(fsetxattr),
#endif
#ifdef __NR_getxattr
    NR(getxattr),
#endif
#ifdef __NR_lgetxattr
    NR(lgetxattr),
#endif
#ifdef __NR_fgetxattr
    NR(fgetxattr),
#endif
#ifdef __NR_listxattr
    NR(listxattr),
#endif
#ifdef __NR_llistxattr
    NR(llistxattr),
#endif
#ifdef __NR_flistxattr
    NR(flistxattr),
#endif
#ifdef __NR_removexattr
    NR(removexattr),
#endif
#ifdef __NR_lremovexattr
    NR(lremovexattr),
#endif
#ifdef __NR_fremovexattr
    NR(fremovexattr),
#endif
#ifdef __NR_tkill
    NR(tkill),
#endif
#ifdef __NR_time
    NR(time),
#endif
#ifdef __NR_futex
    NR(futex),
#endif
#ifdef __NR_sched_setaffinity
    NR(sched_setaffinity),
#endif
#ifdef __NR_sched_getaffinity
    NR(sched_getaffinity),
#endif
#ifdef __NR_set_thread_area
    NR(set_thread_area),
#endif
#ifdef __NR_io_setup
    NR(io_setup),
#endif
#ifdef __NR_io_destroy
    NR(io_destroy),
#endif
#ifdef __NR_io_getevents
    NR(io_getevents),
#endif
#ifdef __NR_io_submit
    NR(io_submit),
#endif
#ifdef __NR_io_cancel
    NR(io_cancel),
#endif
#ifdef __NR_get_thread_area
    NR(get_thread_area),
#endif
#ifdef __NR_lookup_dcookie
    NR(lookup_dcookie),
#endif
#ifdef __NR_epoll_create
    NR(epoll_create),
#endif
#ifdef __NR_epoll_ctl_old
    NR(epoll_ctl_old),
#endif
#ifdef __NR_epoll_wait_old
    NR(epoll_wait_old),
#endif
#ifdef __NR_remap_file_pages
    NR(remap_file_pages),
#endif
#ifdef __NR_getdents64
    NR(getdents64),
#endif
#ifdef __NR_set_tid_address
    NR(set_tid_address),
#endif
#ifdef __NR_restart_syscall
    NR(restart_syscall),
#endif
#ifdef __NR_semtimedop
    NR(semtimedop),
#endif
#ifdef __NR_fadvise64
    NR(fadvise64),
#endif
#ifdef __NR_timer_create
    NR(timer_create),
#endif
#ifdef __NR_timer_settime
    NR(timer_settime),
#endif
#ifdef __NR_timer_gettime
    NR(timer_gettime),
#endif
#ifdef __NR_timer_getoverrun
    NR(timer_getoverrun),
#endif
#ifdef __NR_timer_delete
    NR(timer_delete),
#endif
#ifdef __NR_clock_settime
    NR(clock_settime),
#endif
#ifdef __NR_clock_gettime
    NR(clock_gettime),
#endif
#ifdef __NR_clock_getres
    NR(clock_getres),
#endif
#ifdef __NR_clock_nanosleep
    NR(clock_nanosleep),
#endif
#ifdef __NR_exit_group
    NR(exit_group),
#endif
#ifdef __NR_epoll_wait
    NR(epoll_wait),
#endif
#ifdef __NR_epoll_ctl
    NR(epoll_ctl),
#endif
#ifdef __NR_tgkill
    NR(tgkill),
#endif
#ifdef __NR_utimes
    NR(utimes),
#endif
#ifdef __NR_vserver
    NR(vserver),
#endif
#ifdef __NR_mbind
    NR(mbind),
#endif
#ifdef __NR_set_mempolicy
    NR(set_mempolicy),
#endif
#ifdef __NR_get_mempolicy
    NR(get_mempolicy),
#endif
#ifdef __NR_mq_open
    NR(mq_open),
#endif
#ifdef __NR_mq_unlink
    NR(mq_unlink),
#endif
#ifdef __NR_mq_timedsend
    NR(mq_timedsend),
#endif
#ifdef __NR_mq_timedreceive
    NR(mq_timedreceive),
#endif
#ifdef __NR_mq_notify
    NR(mq_notify),
#endif
#ifdef __NR_mq_getsetattr
    NR(mq_getsetattr),
#endif
#ifdef __NR_kexec_load
    NR(kexec_load),
#endif
#ifdef __NR_waitid
    NR(waitid),
#endif
#ifdef __NR_add_key
    NR(add_key),
#endif
#ifdef __NR_request_key
    NR(request_key),
#endif
#ifdef __NR_keyctl
    NR(keyctl),
#endif
#ifdef __NR_ioprio_set
    NR(ioprio_set),
#endif
#ifdef __NR_ioprio_get
    NR(ioprio_get),
#endif
#ifdef __NR_inotify_init
    NR(inotify_init),
#endif
#ifdef __NR_inotify_add_watch
    NR(inotify_add_watch),
#endif
#ifdef __NR_inotify_rm_watch
    NR(inotify_rm_watch),
#endif
#ifdef __NR_migrate_pages
    NR(migrate_pages),
#endif
#ifdef __NR_openat
    NR(openat),
#endif
#ifdef __NR_mkdirat
    NR(mkdirat),
#endif
#ifdef __NR_mknodat
    NR(mknodat),
#endif
#ifdef __NR_fchownat
    NR(fchownat),
#endif
#ifdef __NR_futimesat
    NR(futimesat),
#endif
#ifdef __NR_newfstatat
    NR(newfstatat),
#endif
#ifdef __NR_unlinkat
    NR(unlinkat),
#endif
#ifdef __NR_renameat
    NR(renameat),
#endif
#ifdef __NR_linkat
    NR(linkat),
#endif
#ifdef __NR_symlinkat
    NR(symlinkat),
#endif
#ifdef __NR_readlinkat
    NR(readlinkat),
#endif
#ifdef __NR_fchmodat
    NR(fchmodat),
#endif
#ifdef __NR_faccessat
    NR(faccessat),
#endif
#ifdef __NR_pselect6
    NR(pselect6),
#endif
#ifdef __NR_ppoll
    NR(ppoll),
#endif
#ifdef __NR_unshare
    NR(unshare),
#endif
#ifdef __NR_set_robust_list
    NR(set_robust_list),
#endif
#ifdef __NR_get_robust_list
    NR(get_robust_list),
#endif
#ifdef __NR_splice
    NR(splice),
#endif
#ifdef __NR_tee
    NR(tee),
#endif
#ifdef __NR_sync_file_range
    NR(sync_file_range),
#endif
#ifdef __NR_vmsplice
    NR(vmsplice),
#endif
#ifdef __NR_move_pages
    NR(move_pages),
#endif
#ifdef __NR_utimensat
    NR(utimensat),
#endif
#ifdef __NR_epoll_pwait
    NR(epoll_pwait),
#endif
#ifdef __NR_signalfd
    NR(signalfd),
#endif
#ifdef __NR_timerfd_create
    NR(timerfd_create),
#endif
#ifdef __NR_eventfd
    NR(eventfd),
#endif
#ifdef __NR_fallocate
    NR(fallocate),
#endif
#ifdef __NR_timerfd_settime
    NR(timerfd_settime),
#endif
#ifdef __NR_timerfd_gettime
    NR(timerfd_gettime),
#endif
#ifdef __NR_accept4
    NR(accept4),
#endif
#ifdef __NR_signalfd4
    NR(signalfd4),
#endif
#ifdef __NR_eventfd2
    NR(eventfd2),
#endif
#ifdef __NR_epoll_create1
    NR(epoll_create1),
#endif
#ifdef __NR_dup3
    NR(dup3),
#endif
#ifdef __NR_pipe2
    NR(pipe2),
#endif
#ifdef __NR_inotify_init1
    NR(inotify_init1),
#endif
#ifdef __NR_preadv
    NR(preadv),
#endif
#ifdef __NR_pwritev
    NR(pwritev),
#endif
#ifdef __NR_rt_tgsigqueueinfo
    NR(rt_tgsigqueueinfo),
#endif
#ifdef __NR_perf_event_open
    NR(perf_event_open),
#endif
#ifdef __NR_recvmmsg
    NR(recvmmsg),
#endif
#ifdef __NR_fanotify_init
    NR(fanotify_init),
#endif
#ifdef __NR_fanotify_mark
    NR(fanotify_mark),
#endif
#ifdef __NR_prlimit64
    NR(prlimit64),
#endif
#ifdef __NR_name_to_handle_at
    NR(name_to_handle_at),
#endif
#ifdef __NR_open_by_handle_at
    NR(open_by_handle_at),
#endif
#ifdef __NR_clock_adjtime
    NR(clock_adjtime),
#endif
#ifdef __NR_syncfs
    NR(syncfs),
#endif
#ifdef __NR_sendmmsg
    NR(sendmmsg),
#endif
#ifdef __NR_setns
    NR(setns),
#endif
#ifdef __NR_getcpu
    NR(getcpu),
#endif
#ifdef __NR_process_vm_readv
    NR(process_vm_readv),
#endif
#ifdef __NR_process_vm_writev
    NR(process_vm_writev),
#endif
#ifdef __NR_kcmp
    NR(kcmp),
#endif
#ifdef __NR_finit_module
    NR(finit_module),
#endif
#ifdef __NR_sched_setattr
    NR(sched_setattr),
#endif
#ifdef __NR_sched_getattr
    NR(sched_getattr),
#endif
#ifdef __NR_renameat2
    NR(renameat2),
#endif
#ifdef __NR_seccomp
    NR(seccomp),
#endif
#ifdef __NR_getrandom
    NR(getrandom),
#endif
#ifdef __NR_memfd_create
    NR(memfd_create),
#endif
#ifdef __NR_kexec_file_load
    NR(kexec_file_load),
#endif
#ifdef __NR_bpf
    NR(bpf),
#endif
#ifdef __NR_execveat
    NR(execveat),
#endif
#ifdef __NR_userfaultfd
    NR(userfaultfd),
#endif
#ifdef __NR_membarrier
    NR(membarrier),
#endif
#ifdef __NR_mlock2
    NR(mlock2),
#endif
#ifdef __NR_copy_file_range
    NR(copy_file_range),
#endif
#ifdef __NR_preadv2
    NR(preadv2),
#endif
#ifdef __NR_pwritev2
    NR(pwritev2),
#endif
#ifdef __NR_pkey_mprotect
    NR(pkey_mprotect),
#endif
#ifdef __NR_pkey_alloc
    NR(pkey_alloc),
#endif
#ifdef __NR_pkey_free
    NR(pkey_free),
#endif
#ifdef __NR_statx
    NR(statx),
#endif
#ifdef __NR_io_pgetevents
    NR(io_pgetevents),
#endif
#ifdef __NR_rseq
    NR(rseq),
#endif
#ifdef __NR_uretprobe
    NR(uretprobe),
#endif
#ifdef __NR_uprobe
    NR(uprobe),
#endif
#ifdef __NR_pidfd_send_signal
    NR(pidfd_send_signal),
#endif
#ifdef __NR_io_uring_setup
    NR(io_uring_setup),
#endif
#ifdef __NR_io_uring_enter
    NR(io_uring_enter),
#endif
#ifdef __NR_io_uring_register
    NR(io_uring_register),
#endif
#ifdef __NR_open_tree
    NR(open_tree),
#endif
#ifdef __NR_move_mount
    NR(move_mount),
#endif
#ifdef __NR_fsopen
    NR(fsopen),
#endif
#ifdef __NR_fsconfig
    NR(fsconfig),
#endif
#ifdef __NR_fsmount
    NR(fsmount),
#endif
#ifdef __NR_fspick
    NR(fspick),
#endif
#ifdef __NR_pidfd_open
    NR(pidfd_open),
#endif
#ifdef __NR_clone3
    NR(clone3),
#endif
#ifdef __NR_close_range
    NR(close_range),
#endif
#ifdef __NR_openat2
    NR(openat2),
#endif
#ifdef __NR_pidfd_getfd
    NR(pidfd_getfd),
#endif
#ifdef __NR_faccessat2
    NR(faccessat2),
#endif
#ifdef __NR_process_madvise
    NR(process_madvise),
#endif
#ifdef __NR_epoll_pwait2
    NR(epoll_pwait2),
#endif
#ifdef __NR_mount_setattr
    NR(mount_setattr),
#endif
#ifdef __NR_quotactl_fd
    NR(quotactl_fd),
#endif
#ifdef __NR_landlock_create_ruleset
    NR(landlock_create_ruleset),
#endif
#ifdef __NR_landlock_add_rule
    NR(landlock_add_rule),
#endif
#ifdef __NR_landlock_restrict_self
    NR(landlock_restrict_self),
#endif
#ifdef __NR_memfd_secret
    NR(memfd_secret),
#endif
#ifdef __NR_process_mrelease
    NR(process_mrelease),
#endif
#ifdef __NR_futex_waitv
    NR(futex_waitv),
#endif
#ifdef __NR_set_mempolicy_home_node
    NR(set_mempolicy_home_node),
#endif
#ifdef __NR_cachestat
    NR(cachestat),
#endif
#ifdef __NR_fchmodat2
    NR(fchmodat2),
#endif
#ifdef __NR_map_shadow_stack
    NR(map_shadow_stack),
#endif
#ifdef __NR_futex_wake
    NR(futex_wake),
#endif
#ifdef __NR_futex_wait
    NR(futex_wait),
#endif
#ifdef __NR_futex_requeue
    NR(futex_requeue),
#endif
#ifdef __NR_statmount
    NR(statmount),
#endif
#ifdef __NR_listmount
    NR(listmount),
#endif
#ifdef __NR_lsm_get_self_attr
    NR(lsm_get_self_attr),
#endif
#ifdef __NR_lsm_set_self_attr
    NR(lsm_set_self_attr),
#endif
#ifdef __NR_lsm_list_modules
    NR(lsm_list_modules),
#endif
#ifdef __NR_mseal
    NR(mseal),
#endif
#ifdef __NR_setxattrat
    NR(setxattrat),
#endif
#ifdef __NR_getxattrat
    NR(getxattrat),
#endif
#ifdef __NR_listxattrat
    NR(listxattrat),
#endif
#ifdef __NR_removexattrat
    NR(removexattrat),
#endif
#ifdef __NR_open_tree_attr
    NR(open_tree_attr),
#endif
#ifdef __NR_file_getattr
    NR(file_getattr),
#endif
#ifdef __NR_file_setattr
    NR(file_setattr),
#endif
};

/* Names strace prints differently from the kernel's __NR_ name. strace 6.1 prints every
 * x86_64 syscall under its kernel name (stat, fstat, lstat, pread64, newfstatat, umount2,
 * _sysctl are the kernel's names too), so this list is empty; keep it for other tables. */
static const struct nr_name renamed[] = {
    {-1, NULL},
};

static int failures;

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                       \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static const char *expected_name(long nr, const char *kernel_name)
{
	for (size_t i = 0; renamed[i].name; i++)
		if (renamed[i].nr == nr)
			return renamed[i].name;
	return kernel_name;
}

int main(void)
{
	const size_t n_header = sizeof(header) / sizeof(header[0]);
	unsigned rows = 0;

	/* every number the header defines has its row, under the expected name */
	for (size_t i = 0; i < n_header; i++) {
		const struct syscall_info *si = syscall_get(header[i].nr);
		const char *want = expected_name(header[i].nr, header[i].name);

		CHECK(si, "__NR_%s (%ld) has no row", header[i].name, header[i].nr);
		if (si)
			CHECK(strcmp(si->name, want) == 0,
			      "__NR_%s (%ld) is named \"%s\", want \"%s\"", header[i].name,
			      header[i].nr, si->name, want);
		for (size_t j = 0; j < i; j++)
			CHECK(header[j].nr != header[i].nr, "__NR_%s and __NR_%s are both %ld",
			      header[j].name, header[i].name, header[i].nr);
	}

	/* every row: a unique name that maps back to its number, at most six arguments */
	for (unsigned nr = 0; nr < syscall_table_size; nr++) {
		const struct syscall_info *si = syscall_get(nr);

		if (!si)
			continue;
		rows++;
		CHECK(si->name[0], "row %u has an empty name", nr);
		CHECK(si->nargs <= 6, "%s (%u) has %u arguments", si->name, nr, si->nargs);
		CHECK(syscall_by_name(si->name) == (long)nr, "%s (%u): syscall_by_name gives %ld",
		      si->name, nr, syscall_by_name(si->name));
		CHECK(si->rval <= RV_FD, "%s (%u): bad return kind %u", si->name, nr, si->rval);
	}

	/* the table holds at least what the header defines, nothing of x32, nothing negative */
	CHECK(rows >= n_header, "%u rows, but the header defines %zu numbers", rows, n_header);
	CHECK(!syscall_get(-1), "syscall_get(-1) is not NULL");
	CHECK(!syscall_get(syscall_table_size), "syscall_get(size) is not NULL");
	for (long nr = 512; nr <= 547; nr++)
		CHECK(!syscall_get(nr), "x32 number %ld has a row", nr);
	CHECK(syscall_by_name("no_such_syscall") == -1, "unknown name found");

	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("ok: %u rows, %zu header numbers checked\n", rows, n_header);
	return 0;
}
