#!/bin/sh
# -p on a running multi-threaded process: every thread is traced, and Ctrl-C (SIGINT) or
# SIGTERM detaches leaving every thread running, untraced, not stopped; so does SIGKILL.
# usage: test-trace-attach.sh SCRY BUSY_THREADS
scry=$1 busy=$2
tmp=$(mktemp -d)
fails=0
"$busy" 4 > "$tmp/ready" &
target=$!
trap 'kill -9 $target 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do grep -q ready "$tmp/ready" && break; sleep 0.1; done

thread_states() {
	for t in /proc/$target/task/*; do
		awk '/^State:/ {s=$2} /^TracerPid:/ {p=$2} END {print s, p}' "$t/status"
	done
}

for sig in INT TERM; do
	"$scry" trace -f -p "$target" -o "$tmp/log" 2> "$tmp/err" &
	tracer=$!
	sleep 1
	kill -$sig $tracer
	wait $tracer
	rc=$?
	if ! kill -0 $target 2>/dev/null; then
		echo "FAIL ($sig): the traced process died"
		exit 1
	fi
	sleep 0.2
	states=$(thread_states)
	if echo "$states" | grep -qv '^[RS] 0$'; then
		echo "FAIL ($sig): threads left stopped or traced (state tracer):"
		echo "$states"
		fails=$((fails + 1))
	fi
	if ! grep -q "^scry: Process $target attached with 4 threads$" "$tmp/err" ||
	   ! grep -q "^scry: Process $target detached$" "$tmp/err"; then
		echo "FAIL ($sig): attach/detach messages:"; cat "$tmp/err"; fails=$((fails + 1))
	fi
	ntids=$(grep -o '^[0-9]*' "$tmp/log" | sort -u | wc -l)
	if [ "$ntids" -lt 4 ]; then
		echo "FAIL ($sig): syscalls of $ntids threads seen, want 4"; fails=$((fails + 1))
	fi
	if ! grep -q 'getppid()  *= [0-9]' "$tmp/log"; then
		echo "FAIL ($sig): no getppid lines"; head "$tmp/log"; fails=$((fails + 1))
	fi
	[ "$rc" -eq 0 ] || { echo "FAIL ($sig): scry exited $rc"; fails=$((fails + 1)); }
done
# scry's own death (SIGKILL: no handler runs) must not harm the process either: the kernel
# detaches a PTRACE_SEIZE tracee when its tracer exits, whatever stop it was in.
"$scry" trace -f -p "$target" -o "$tmp/log" 2> "$tmp/err" &
tracer=$!
sleep 1
kill -KILL $tracer
wait $tracer
if ! kill -0 $target 2>/dev/null; then
	echo "FAIL (KILL): the traced process died"
	exit 1
fi
sleep 0.2
states=$(thread_states)
if echo "$states" | grep -qv '^[RS] 0$'; then
	echo "FAIL (KILL): threads left stopped or traced (state tracer):"
	echo "$states"
	fails=$((fails + 1))
fi
# still making progress after the detaches: its syscalls continue
c1=$(awk '/^voluntary_ctxt_switches/ {print $2}' /proc/$target/status)
sleep 0.3
c2=$(awk '/^voluntary_ctxt_switches/ {print $2}' /proc/$target/status)
[ "$c2" -gt "$c1" ] || { echo "FAIL: the process stopped running"; fails=$((fails + 1)); }
[ $fails -eq 0 ] && echo "attach and detach leave the process running"
exit $((fails > 0))
