#!/bin/sh
# scry trace (ptrace backend) against strace and native runs, in one run.
# usage: bench/bench-trace.sh [BUILD]
set -e
B=${1:-build}
SCRY=$B/scry
T="python3 $(dirname "$0")/timeit.py ${ROUNDS:-5}"
N=${N:-20000}
LOOP=$B/bench/getppid-loop

echo "getppid x $N, output to /dev/null (median of ${ROUNDS:-5} interleaved rounds)"
$T "native*::$LOOP $N" \
   "strace::strace -o /dev/null $LOOP $N" \
   "scry trace::$SCRY trace --backend=ptrace -o /dev/null $LOOP $N"
$T "strace*::strace -o /dev/null $LOOP $N" \
   "scry trace::$SCRY trace --backend=ptrace -o /dev/null $LOOP $N"

echo "find /usr/share -type f, output to /dev/null"
$T "native*::find /usr/share -type f" \
   "strace::strace -o /dev/null find /usr/share -type f" \
   "scry trace::$SCRY trace --backend=ptrace -o /dev/null find /usr/share -type f"
$T "strace*::strace -o /dev/null find /usr/share -type f" \
   "scry trace::$SCRY trace --backend=ptrace -o /dev/null find /usr/share -type f"

echo "untraced syscalls: getppid x $((N * 10)) under -e trace=openat"
$T "native*::$LOOP $((N * 10))" \
   "strace -f --seccomp-bpf -e trace=openat::strace -f --seccomp-bpf -e trace=openat -o /dev/null $LOOP $((N * 10))" \
   "scry trace -e trace=openat::$SCRY trace --backend=ptrace -e trace=openat -o /dev/null $LOOP $((N * 10))"

echo "stack traces (-k): getppid x $((N / 10)), output to /dev/null"
$T "strace -k*::strace -k -o /dev/null $LOOP $((N / 10))" \
   "scry trace -k::$SCRY trace --backend=ptrace -k -o /dev/null $LOOP $((N / 10))"
