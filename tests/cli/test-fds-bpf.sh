#!/bin/sh
# A big fd table (512 fds or more) is read through the BPF task_file iterator when scry
# runs as root: the listing must be byte for byte the one the /proc path gives
# (SCRY_NO_BPF_FDS=1), in every output, and the per-fd readlinks must be gone.
# usage: test-fds-bpf.sh SCRY MKFDS
scry=$1
[ "$(id -u)" -eq 0 ] || { echo "the BPF iterator needs root"; exit 77; }
"$scry" --version | grep -qw bpf || { echo "scry was built without BPF"; exit 77; }
. "$(dirname "$0")/fds-common.sh"
ulimit -n 4096 2>/dev/null
start_mkfds "$2" -n 1000 -t 1

same() {
	"$scry" fds "$@" -p $pid > "$tmp/bpf" || fail "scry fds $* exited $?"
	SCRY_NO_BPF_FDS=1 "$scry" fds "$@" -p $pid > "$tmp/proc" ||
		fail "SCRY_NO_BPF_FDS=1 scry fds $* exited $?"
	[ "$(wc -l < "$tmp/proc")" -gt 1000 ] || [ "$1" = -a ] || fail "scry fds $* listed too little"
	cmp -s "$tmp/bpf" "$tmp/proc" || {
		fail "scry fds $*: the BPF and /proc listings differ:"
		diff "$tmp/proc" "$tmp/bpf" | head -20
	}
}
same
same -n -P
same -s
same -K
same -F
same --json
same -a -d 0-60
same -a -i
same -a -U -F
same -n -P +E

# every kind of fd in the manifest is in the listing, with its own row
"$scry" fds -n -P -p $pid > "$tmp/bpf"
expect_row "$tmp/bpf" "$(fd_of deleted)" " REG .* \(deleted\)$"
expect_row "$tmp/bpf" "$(fd_of flock-W)" "^mkfds $pid [^ ]+ $(fd_of flock-W)uW REG "
expect_row "$tmp/bpf" "$(fd_of eventfd)" " a_inode .*\[eventfd:[0-9]+\]$"
expect_row "$tmp/bpf" "$(fd_of epoll)" " a_inode .*\[eventpoll:[0-9,]+\]$"
expect_row "$tmp/bpf" "$(fd_of pipe-w)" "^mkfds $pid [^ ]+ $(fd_of pipe-w)w FIFO .* pipe$"

# on overlayfs, whose stat may remap device and inode, files are stat'ed through /proc: the
# listing is the same again
o=$tmp/ovl
mkdir -p "$o/l" "$o/u" "$o/w" "$o/m"
if mount -t overlay overlay -o "lowerdir=$o/l,upperdir=$o/u,workdir=$o/w" "$o/m" 2>/dev/null; then
	"$2" -n 600 -d "$o/m" > "$o/manifest" 2>&1 &
	opid=$!
	i=0
	until grep -q '^ready$' "$o/manifest" || [ $i -gt 100 ]; do sleep 0.1; i=$((i + 1)); done
	"$scry" fds -n -P -p $opid > "$tmp/bpf"
	SCRY_NO_BPF_FDS=1 "$scry" fds -n -P -p $opid > "$tmp/proc"
	grep -q " $o/m/file\$" "$tmp/proc" || fail "overlay: mkfds's files are not listed"
	cmp -s "$tmp/bpf" "$tmp/proc" ||
		{ fail "overlay: the BPF and /proc listings differ:"; diff "$tmp/proc" "$tmp/bpf" | head; }
	kill $opid
	wait $opid 2>/dev/null
	umount "$o/m"
fi

# the per-fd /proc calls are gone: a few readlinks (cwd, rtd, txt, ns), not one per fd
if command -v strace > /dev/null; then
	n=$(strace -f -c -e trace=readlinkat,readlink -o "$tmp/strace" "$scry" fds -p $pid > /dev/null &&
		awk '$NF ~ /^readlink/ {s += $4} END {print s + 0}' "$tmp/strace")
	[ "$n" -lt 100 ] || fail "with the iterator scry fds still made $n readlinks for 1000 fds"
fi
[ $fails -eq 0 ] || exit 1
