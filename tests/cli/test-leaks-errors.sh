#!/bin/sh
# scry leaks: bad usage (status 2, one line saying what is wrong), nothing to attach to
# (status 1), and --fail-on-growth (status 3 when the fd count grew faster, 0 when not).
# usage: test-leaks-errors.sh SCRY LEAK_KINDS
scry=$1 helper=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

expect() { # STATUS MESSAGE-REGEX ARGS...
	want=$1 re=$2
	shift 2
	"$scry" leaks "$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ $rc -ne "$want" ]; then
		echo "FAIL: scry leaks $*: status $rc, expected $want"; cat "$tmp/err"
		fails=$((fails + 1))
	elif [ -n "$re" ] && ! grep -qE -- "$re" "$tmp/err"; then
		echo "FAIL: scry leaks $*: stderr does not match '$re':"; cat "$tmp/err"
		fails=$((fails + 1))
	fi
}

expect 2 "nothing to track" 
expect 2 "--duration wants a number of seconds, not 'x'" --duration x -p 1
expect 2 "--duration must be more than 0" --duration 0 -p 1
expect 2 "--interval must be at least" --interval 0.01 -p 1
expect 2 "--fail-on-growth wants fds per minute" --fail-on-growth -3 -p 1
expect 2 "invalid process id 'abc'" -p abc
expect 2 "cannot be combined" -p 1 -- /bin/true
expect 2 "invalid backend 'x'" --backend=x -p 1
expect 2 "^scry: unknown option '--no-such-option'; 'scry leaks --help' lists the options$" --no-such-option -p 1
expect 2 "^scry: option -p needs an argument; 'scry leaks --help'" -p
# a pid that does not exist (pid_max is at most 2^22)
expect 1 "attach" -p 4194303

# --fail-on-growth: the helper leaks 31 fds in a fraction of a second: far above 1 per minute
expect 3 "" --fail-on-growth 1 -- "$helper" leak_pipe leak_socketpair leak_open leak_dup
# no leak: the fd count never grows
expect 0 "" --fail-on-growth 1 -- "$helper" ok_balanced ok_close_range
if ! grep -q "^4. verdict" "$tmp/out" || ! grep -q "No leak" "$tmp/out"; then
	echo "FAIL: the report of a balanced run does not say 'No leak':"; cat "$tmp/out"
	fails=$((fails + 1))
fi

[ $fails -eq 0 ] && echo "usage errors, missing processes and --fail-on-growth give their statuses"
exit $((fails > 0))
