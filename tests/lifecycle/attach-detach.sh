#!/bin/sh
# -p attach to a running multi-threaded process, then SIGINT: scry detaches and exits 0, the
# process keeps running, every thread was traced.
# usage: attach-detach.sh SCRY BACKEND HELPER
scry=$1 backend=$2 helper=$3
# skipped only when this machine cannot load the BPF programs at all (a launched command is
# enough to tell), never because the attach itself failed
if [ "$backend" = bpf ] &&
   ! "$scry" trace --backend=bpf -qq -e trace=none -o /dev/null /bin/true 2>/dev/null; then
	echo "SKIP: cannot load BPF programs here"; exit 77
fi
tmp=$(mktemp -d)
cleanup() { [ -n "$hp" ] && kill -9 "$hp" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$helper" > "$tmp/ready" &
hp=$!
for _ in $(seq 50); do grep -q ready "$tmp/ready" && break; sleep 0.1; done
"$scry" trace --backend="$backend" -e trace=close -p "$hp" 2> "$tmp/err" &
sp=$!
for _ in $(seq 100); do grep -q attached "$tmp/err" && break; sleep 0.1; done
sleep 1
kill -INT "$sp"
wait "$sp"
rc=$?
grep -v '^scry: ' "$tmp/err" > "$tmp/log"
[ $rc -eq 0 ] || { echo "scry exited with $rc"; cat "$tmp/err"; exit 1; }
kill -0 "$hp" || { echo "the process did not survive the detach"; exit 1; }
grep -q "^scry: Process $hp attached with 3 threads$" "$tmp/err" || { echo "no attach message"; cat "$tmp/err"; exit 1; }
grep -q "^scry: Process $hp detached$" "$tmp/err" || { echo "no detach message"; cat "$tmp/err"; exit 1; }
n=$(grep -c '^\[pid *[0-9]*\] close(-1) *= -1 EBADF (Bad file descriptor)$' "$tmp/log")
tids=$(sed -n 's/^\[pid *\([0-9]*\)\] close.*/\1/p' "$tmp/log" | sort -u | wc -l)
[ "$n" -ge 10 ] && [ "$tids" -eq 3 ] || { echo "expected close(-1) from 3 threads, got $n lines from $tids"; cat "$tmp/log"; exit 1; }
# after the detach, the process runs untraced
grep -q TracerPid:.0 /proc/$hp/status || { echo "still traced"; exit 1; }
exit 0
