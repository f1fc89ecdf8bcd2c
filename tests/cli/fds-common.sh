# Sourced by the scry fds/ps cli tests: start mkfds, wait for its manifest, check helpers.
# Sets: tmp, pid (of mkfds), dir (its directory), man (the manifest file); fails counter.
fails=0
tmp=$(mktemp -d)
pid=

cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# start_mkfds MKFDS [ARGS]: runs it in the background until it prints "ready"
start_mkfds() {
	man=$tmp/manifest
	"$@" > "$man" 2> "$tmp/mkfds.err" &
	pid=$!
	i=0
	while ! grep -q '^ready$' "$man"; do
		i=$((i + 1))
		if [ $i -gt 300 ] || ! kill -0 $pid 2>/dev/null; then
			echo "mkfds did not start:"; cat "$tmp/mkfds.err"
			exit 1
		fi
		sleep 0.1
	done
	dir=$(awk '$1 == "dir" {print $2}' "$man")
}

# fd_of KIND [N]: the Nth (default 1st) fd of that kind in the manifest
fd_of() {
	awk -v k="$1" -v n="${2:-1}" '$2 == k && ++c == n {print $1}' "$man"
}

# detail_of KIND [N]: the rest of its manifest line
detail_of() {
	awk -v k="$1" -v n="${2:-1}" '$2 == k && ++c == n {$1 = ""; $2 = ""; sub(/^  /, ""); print}' "$man"
}

# row FILE FD: the table row of fd FD (squeezed blanks)
row() {
	awk -v fd="$2" '{f = $4; sub(/[rwu-][A-Za-z ]?$/, "", f); sub(/[rwu-]$/, "", f)} f == fd' "$1" |
		tr -s ' '
}

# expect_row FILE FD REGEX: the row of FD must match the extended regex
expect_row() {
	r=$(row "$1" "$2")
	if ! printf '%s\n' "$r" | grep -Eq -- "$3"; then
		fail "fd $2: row '$r' does not match /$3/"
	fi
}
