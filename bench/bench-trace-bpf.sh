#!/bin/sh
# scry trace's bpf backend against native runs, strace and the ptrace backend, in one run.
# usage: bench/bench-trace-bpf.sh [BUILD]   (as root: the bpf backend needs CAP_BPF+CAP_PERFMON)
#        ONLY=tax bench/bench-trace-bpf.sh [BUILD]: only the tax on untraced processes and calls
#
# Each configuration runs a loop twice, with a small and a large count; the cost of one
# iteration is the difference of the two runs divided by the difference of the counts, so
# that start-up (loading BPF, exec, the dynamic loader) cancels out. Median of ROUNDS.
# Wall time is what a user waits; CPU time (user+sys of the loop and of its tracer) is what
# tracing costs, and is the steadier number on a loaded machine. bpf runs use --strict: a
# lost event fails the benchmark.
set -e
B=${1:-build}
SCRY=$(realpath "$B/scry")
ROUNDS=${ROUNDS:-3}
tmp=$(mktemp -d)
idle=
trap '[ -n "$idle" ] && kill $idle 2>/dev/null; rm -rf "$tmp"' EXIT

cat > "$tmp/getppid.c" <<'EOF'
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	for (long i = 0, n = atol(argv[1]); i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
EOF
cat > "$tmp/openclose.c" <<'EOF'
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	char buf[64];
	for (long i = 0, n = atol(argv[1]); i < n; i++) {
		int fd = open("/etc/hostname", O_RDONLY);
		if (fd < 0 || read(fd, buf, sizeof(buf)) < 0)
			return 1;
		close(fd);
	}
	return 0;
}
EOF
cat > "$tmp/run.py" <<'EOF'
# Runs a command with stdout to /dev/null; prints its wall time and the CPU time (user+sys)
# of it and of everything it waited for, in ns. Fails when it fails.
import os, sys, time
t = time.monotonic_ns()
pid = os.fork()
if pid == 0:
    fd = os.open("/dev/null", os.O_WRONLY)
    os.dup2(fd, 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, ru = os.wait4(pid, 0)
wall = time.monotonic_ns() - t
code = os.waitstatus_to_exitcode(status)
if code != 0:
    sys.exit("FAILED (status %d): %s" % (code, " ".join(sys.argv[1:])))
print(wall, int((ru.ru_utime + ru.ru_stime) * 1e9))
EOF
cc -O2 -o "$tmp/getppid" "$tmp/getppid.c"
cc -O2 -o "$tmp/openclose" "$tmp/openclose.c"

median() { tr ' ' '\n' | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p"; }

# per_iter SMALL LARGE CMD...: "WALL CPU" ns per loop iteration (medians over ROUNDS)
per_iter() {
	small=$1 large=$2
	shift 2
	walls="" cpus=""
	for _ in $(seq "$ROUNDS"); do
		a=$(python3 "$tmp/run.py" "$@" "$small") || exit 1
		b=$(python3 "$tmp/run.py" "$@" "$large") || exit 1
		walls="$walls $(( (${b% *} - ${a% *}) / (large - small) ))"
		cpus="$cpus $(( (${b#* } - ${a#* }) / (large - small) ))"
	done
	echo "$(echo $walls | median) $(echo $cpus | median)"
}

row() { # NAME "WALL CPU" "NATIVE_WALL NATIVE_CPU"
	awk -v n="$1" -v v="$2" -v b="$3" 'BEGIN {
		split(v, x, " "); split(b, y, " ");
		printf "  %-36s %9.3f us %7.2fx   %9.3f us %7.2fx\n", n, x[1] / 1000,
			x[1] / y[1], x[2] / 1000, x[2] / y[2] }'
}

header() {
	echo "$1"
	printf "  %-36s %21s   %21s\n" "" "wall per iteration" "CPU per iteration"
}

bench() { # TITLE LOOP FAST_SMALL FAST_LARGE SLOW_SMALL SLOW_LARGE
	title=$1 loop=$2 fs=$3 fl=$4 ss=$5 sl=$6
	header "$title"
	nat=$(per_iter "$fs" "$fl" "$loop")
	row "native" "$nat" "$nat"
	row "scry trace --backend=bpf" \
		"$(per_iter "$fs" "$fl" "$SCRY" trace --backend=bpf --strict -o /dev/null "$loop")" "$nat"
	row "scry trace --backend=bpf -c" \
		"$(per_iter "$fs" "$fl" "$SCRY" trace --backend=bpf --strict -c -o /dev/null "$loop")" "$nat"
	row "strace" "$(per_iter "$ss" "$sl" strace -o /dev/null "$loop")" "$nat"
	row "scry trace --backend=ptrace" \
		"$(per_iter "$ss" "$sl" "$SCRY" trace --backend=ptrace -o /dev/null "$loop")" "$nat"
	row "strace -c" "$(per_iter "$ss" "$sl" strace -c -o /dev/null "$loop")" "$nat"
	row "scry trace --backend=ptrace -c" \
		"$(per_iter "$ss" "$sl" "$SCRY" trace --backend=ptrace -c -o /dev/null "$loop")" "$nat"
}

# tax LABEL SCRY-OPTIONS...: the getppid loop while scry traces an idle process, against the
# loop with no tracer measured right before, round by round (the machine's speed drifts more
# over a minute than the tax is): medians of the untraced and traced runs of the same rounds.
tax() {
	label=$1
	shift
	nw="" tw=""
	for _ in $(seq "$ROUNDS"); do
		n=$(ROUNDS=1 per_iter 100000 1100000 "$tmp/getppid")
		"$SCRY" trace --backend=bpf -o /dev/null "$@" -p "$idle" 2> "$tmp/tracer.err" &
		tracer=$!
		until grep -q attached "$tmp/tracer.err"; do
			kill -0 $tracer 2> /dev/null || { cat "$tmp/tracer.err"; exit 1; }
			sleep 0.05
		done
		t=$(ROUNDS=1 per_iter 100000 1100000 "$tmp/getppid")
		kill -INT $tracer
		wait $tracer || true
		nw="$nw ${n% *}" tw="$tw ${t% *}"
	done
	n=$(echo $nw | median) t=$(echo $tw | median)
	row "$label" "$t $t" "$n $n"
}
echo "scry trace backends: $(nproc) CPUs, kernel $(uname -r), load $(cut -d' ' -f1 /proc/loadavg)," \
	"median of $ROUNDS rounds"
if [ "$ONLY" != tax ]; then
	bench "getppid loop (1 syscall per iteration)" "$tmp/getppid" 100000 1100000 2000 22000
	bench "open/read/close loop (3 syscalls per iteration)" "$tmp/openclose" 20000 220000 1000 11000
fi

header "tax on an untraced process while scry traces another (getppid loop)"
printf "  %-36s %s\n" "" "(each against untraced runs of the same rounds)"
sleep 1000 &
idle=$!
tax "scry --backend=bpf -p other"
tax "scry --backend=bpf -e trace=close -p other" -e trace=close
# the traced process's own untraced syscalls
nat=$(per_iter 100000 1100000 "$tmp/getppid")
row "scry --backend=bpf -e trace=openat, traced" \
	"$(per_iter 100000 1100000 "$SCRY" trace --backend=bpf --strict -e trace=openat -o /dev/null \
		"$tmp/getppid")" "$nat"
