#!/bin/sh
# The cost of watching a process for leaks: the throughput of an open/read/close loop
# (bench/openclose-rate) alone, under `scry leaks -p` with each backend (bpf: the default as
# root), and under `strace -f -k -e trace=openat,close -p` (what one would run by hand to get
# stacks of the opens), in one run, rounds interleaved; medians and ratios.
# usage: bench/bench-leaks.sh [BUILD]    (ROUNDS=3 SECONDS=3 by default)
set -e
B=${1:-build}
SCRY=$B/scry
LOOP=$B/bench/openclose-rate
ROUNDS=${ROUNDS:-3}
SECS=${SECONDS_PER_RUN:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one run: the loop waits for "go" so that the tracer is attached before the timed part
run() { # TRACER-COMMAND-PREFIX (empty: untraced); prints iterations/s
	rm -f "$tmp/in" "$tmp/out"
	mkfifo "$tmp/in" "$tmp/out"
	"$LOOP" --sync "$SECS" < "$tmp/in" > "$tmp/out" &
	lp=$!
	exec 3> "$tmp/in" 4< "$tmp/out"
	read -r _ <&4
	tp=
	if [ -n "$1" ]; then
		$1 -p $lp > /dev/null 2> "$tmp/tracer-err" &
		tp=$!
		i=0
		# attached: strace is the process's tracer; scry leaks says so (bpf is no tracer)
		until [ "$(awk '/^TracerPid:/ {print $2}' /proc/$lp/status)" = "$tp" ] ||
		      grep -q "^scry: tracking the fds of pid $lp" "$tmp/tracer-err"; do
			i=$((i + 1)); [ $i -gt 400 ] && { echo "tracer did not attach" >&2; exit 1; }
			sleep 0.05
		done
	fi
	echo go >&3
	read -r rate <&4
	[ -n "$tp" ] && kill -INT $tp && wait $tp || true
	exec 3>&- 4<&-
	wait $lp
	echo "$rate"
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

: > "$tmp/native"; : > "$tmp/bpf"; : > "$tmp/ptrace"; : > "$tmp/strace"
for r in $(seq "$ROUNDS"); do
	run "" >> "$tmp/native"
	run "$SCRY leaks --backend=bpf" >> "$tmp/bpf"
	run "$SCRY leaks --backend=ptrace" >> "$tmp/ptrace"
	run "strace -f -k -e trace=openat,close -o /dev/null" >> "$tmp/strace"
done
n=$(median < "$tmp/native") b=$(median < "$tmp/bpf") p=$(median < "$tmp/ptrace")
k=$(median < "$tmp/strace")
echo "open/read/close loop, ${SECS} s per run, median of $ROUNDS interleaved rounds (iterations/s)"
awk -v n="$n" -v b="$b" -v p="$p" -v k="$k" 'BEGIN {
	printf "  %-44s %10d\n", "untraced", n
	printf "  %-44s %10d  %5.1fx slower than untraced\n", "scry leaks -p (bpf, the default)", b, n / b
	printf "  %-44s %10d  %5.1fx slower than untraced\n", "scry leaks --backend=ptrace -p", p, n / p
	printf "  %-44s %10d  %5.1fx slower than untraced\n", "strace -f -k -e trace=openat,close -p", k, n / k
	printf "  scry leaks -p runs the loop %.1fx as fast as strace -f -k (ptrace backend: %.1fx)\n", b / k, p / k
}'
