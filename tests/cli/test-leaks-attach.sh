#!/bin/sh
# scry leaks -p on a running process (tests/helpers/leak-kinds --sync): it attaches, the helper
# leaks through every listed syscall and through none of the non-leaks, Ctrl-C ends scry, the
# report names exactly the leaking functions, and the helper keeps running, untraced.
# Plain, with threads (made after the attach), and in a forked child (-f).
# Synchronised by pipes: the helper says "ready" and "done"; scry says on stderr when it
# tracks the process ("scry: tracking the fds of pid N (BACKEND)").
# usage: test-leaks-attach.sh SCRY LEAK_KINDS BACKEND
scry=$1 helper=$2 backend=$3
here=$(dirname "$0")
tmp=$(mktemp -d)
hp= sp=
trap 'exec 3>&- 4<&-; [ -n "$hp" ] && kill -9 $hp 2>/dev/null; [ -n "$sp" ] && kill -9 $sp 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
all="ok_close_range ok_balanced $("$helper" --list | grep '^leak_' | tr '\n' ' ')"

tracer_of() { awk '/^TracerPid:/ {print $2}' "/proc/$1/status" 2>/dev/null; }

# Waits (bounded) until cond holds; polling a state, not a guess at how long something takes.
wait_until() {
	i=0
	while ! eval "$1"; do
		i=$((i + 1))
		[ $i -gt 600 ] && return 1
		sleep 0.05
	done
}

check() { # NAME SCRY-OPTIONS -- HELPER-OPTIONS (the kinds are $all)
	name=$1
	shift
	sopts=
	while [ "$1" != "--" ]; do sopts="$sopts $1"; shift; done
	shift
	echo "== $name"
	rm -f "$tmp/in" "$tmp/out"
	mkfifo "$tmp/in" "$tmp/out"
	"$helper" --sync "$@" $all < "$tmp/in" > "$tmp/out" 2> "$tmp/helper-err" &
	hp=$!
	exec 3> "$tmp/in" 4< "$tmp/out"
	read -r line <&4
	[ "$line" = ready ] || { echo "FAIL ($name): helper said '$line'"; fails=$((fails + 1)); return; }
	"$scry" leaks --backend=$backend --json $sopts -p $hp > "$tmp/report" 2> "$tmp/scry-err" &
	sp=$!
	if ! wait_until 'grep -q "^scry: tracking the fds of pid $hp ($backend)" "$tmp/scry-err"'; then
		echo "FAIL ($name): scry leaks did not attach"; cat "$tmp/scry-err"
		kill -9 $sp $hp 2>/dev/null; wait $sp $hp 2>/dev/null; sp= hp=
		exec 3>&- 4<&-
		fails=$((fails + 1)); return
	fi
	echo go >&3
	read -r line <&4
	kill -INT $sp
	wait $sp
	rc=$?
	sp=
	if [ $rc -ne 0 ]; then
		echo "FAIL ($name): scry leaks exited with $rc"; cat "$tmp/scry-err"; fails=$((fails + 1))
	fi
	if ! kill -0 $hp 2>/dev/null || [ "$(tracer_of $hp)" != 0 ]; then
		echo "FAIL ($name): the helper died or is still traced"; fails=$((fails + 1))
	fi
	if ! python3 "$here/test-leaks-check.py" "$tmp/report" "$tmp/helper-err"; then
		echo "FAIL ($name)"; fails=$((fails + 1))
	fi
	exec 3>&- 4<&-
	wait $hp
	hp=
}

# an idle process (no fd syscall while traced): its fds are listed as pre-existing, no leak,
# and --duration ends the tracking with the process still running
echo "== idle, --duration"
sleep 1000 &
idle=$!
"$scry" leaks --backend=$backend --json -p $idle --duration 0.5 > "$tmp/report" 2> "$tmp/scry-err"
rc=$?
if [ $rc -ne 0 ] || ! kill -0 $idle 2>/dev/null ||
   ! python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(not (r["processes"][0]["pid"] == int(sys.argv[2]) and len(r["pre_existing"]) > 0 and not r["open"] and not r["leak"]))' "$tmp/report" $idle; then
	echo "FAIL (idle): status $rc"; cat "$tmp/report" "$tmp/scry-err"; fails=$((fails + 1))
fi
kill $idle

check "attached" --
check "attached, threads" -- --threads
check "attached, fork -f" -f -- --fork

[ $fails -eq 0 ] && echo "scry leaks -p names every leaking function and leaves the process running"
exit $((fails > 0))
