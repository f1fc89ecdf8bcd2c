#!/bin/sh
# scry fds against lsof and ls -la /proc/PID/fd on one process holding ~19,000 fds of mixed
# kinds (tests/helpers/mkfds -n: files, pipes, unix socket pairs, eventfds, plus one fd of
# every other kind), in one run.
# usage: bench/bench-fds.sh [BUILD]     (N=19000 fds, ROUNDS=3 by default)
set -e
B=${1:-build}
SCRY=$B/scry
MKFDS=$B/tests/helpers/mkfds
N=${N:-19000}
ROUNDS=${ROUNDS:-3}
T="python3 $(dirname "$0")/timeit.py $ROUNDS"

command -v lsof > /dev/null || { echo "bench-fds: lsof is not installed"; exit 1; }
ulimit -n "$(ulimit -Hn)"
tmp=$(mktemp -d)
"$MKFDS" -n "$N" > "$tmp/manifest" 2> "$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
until grep -q '^ready$' "$tmp/manifest"; do
	i=$((i + 1))
	if [ $i -gt 600 ] || ! kill -0 $pid 2>/dev/null; then
		echo "bench-fds: mkfds did not start: $(cat "$tmp/err")"
		exit 1
	fi
	sleep 0.1
done

echo "one process holding $(ls /proc/$pid/fd | wc -l) fds, output to /dev/null" \
	"(median of $ROUNDS interleaved rounds)"
# as root scry reads a table this big through the BPF iterator; SCRY_NO_BPF_FDS=1 shows the
# /proc path (what an unprivileged user gets)
$T "lsof -p PID*::lsof -p $pid" \
   "lsof -n -P -p PID::lsof -n -P -p $pid" \
   "ls -la /proc/PID/fd::ls -la /proc/$pid/fd" \
   "scry fds -p PID::$SCRY fds -p $pid" \
   "scry fds -n -P -p PID::$SCRY fds -n -P -p $pid"
$T "lsof -n -P -p PID*::lsof -n -P -p $pid" \
   "scry fds -n -P -p PID::$SCRY fds -n -P -p $pid" \
   "scry fds -n -P -p PID (/proc path)::SCRY_NO_BPF_FDS=1 $SCRY fds -n -P -p $pid" \
   "scry fds --summary -p PID::$SCRY fds --summary -p $pid"

# CPU time (user + system, from wait4) does not depend on how busy the machine is; wall time
# above does, and on an idle machine scry's parallel fd reading shows there.
echo "CPU time (user+sys) of the same commands, median of $ROUNDS rounds"
python3 - "$ROUNDS" "lsof -n -P -p $pid" "$SCRY fds -n -P -p $pid" \
	"SCRY_NO_BPF_FDS=1 $SCRY fds -n -P -p $pid" "ls -la /proc/$pid/fd" <<'PY'
import os, statistics, subprocess, sys
rounds, cmds = int(sys.argv[1]), sys.argv[2:]
cpu = {c: [] for c in cmds}
for _ in range(rounds):
    for c in cmds:
        p = subprocess.Popen(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, ru = os.wait4(p.pid, 0)
        cpu[c].append(ru.ru_utime + ru.ru_stime)
base = statistics.median(cpu[cmds[0]])
names = ["lsof -n -P -p PID", "scry fds -n -P -p PID", "scry fds -n -P -p PID (/proc path)",
         "ls -la /proc/PID/fd"]
for name, c in zip(names, cmds):
    m = statistics.median(cpu[c])
    print(f"  {name:<44} {m:9.3f} s   {m / base:7.2f}x lsof -n -P -p PID")
PY
