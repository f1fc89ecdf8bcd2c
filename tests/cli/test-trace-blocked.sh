#!/bin/sh
# A syscall that blocks is visible while it blocks: the entry of a read on an empty pipe is
# in the -o file before the read returns, and the line is completed once it does; with a
# second process printing in between, strace's "<unfinished ...>"/"<... read resumed>" pair.
# Both backends (bpf: skipped when the machine cannot load BPF programs).
# usage: test-trace-blocked.sh SCRY
scry=$1
tmp=$(mktemp -d)
trap 'exec 9>&-; rm -rf "$tmp"' EXIT
fails=0

# waits (up to 20 s) until FILE has a line matching RE
wait_for() {
	for _ in $(seq 200); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

for backend in ptrace bpf; do
	if [ $backend = bpf ] &&
	   ! "$scry" trace --backend=bpf -qq -e trace=none -o /dev/null /bin/true 2>/dev/null; then
		echo "SKIP bpf: cannot load BPF programs here"
		continue
	fi
	rm -f "$tmp/fifo" "$tmp/log"
	mkfifo "$tmp/fifo"
	# head -c1 reads the fifo (stdin) and blocks until a byte arrives
	"$scry" trace --backend=$backend -e trace=read -o "$tmp/log" \
		sh -c 'exec head -c1 > /dev/null' < "$tmp/fifo" &
	tracer=$!
	exec 9> "$tmp/fifo" # opens once the reader side is open
	if ! wait_for "$tmp/log" '^read(0, $'; then
		echo "FAIL $backend: no 'read(0, ' entry line while the read blocks:"
		cat "$tmp/log"
		fails=$((fails + 1))
	elif grep -q '^read(0, .*= ' "$tmp/log"; then
		echo "FAIL $backend: the blocked read is complete before any data was written"
		fails=$((fails + 1))
	fi
	printf x >&9
	exec 9>&-
	wait $tracer
	if ! grep -q '^read(0, "x", [0-9]*) *= 1$' "$tmp/log"; then
		echo "FAIL $backend: the read's line is not completed after it returned:"
		cat "$tmp/log"
		fails=$((fails + 1))
	fi
done
[ $fails -eq 0 ] || exit 1
echo "ok"
