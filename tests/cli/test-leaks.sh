#!/bin/sh
# scry leaks on a launched command: every fd-creating syscall the issue lists leaks from its
# own function of tests/helpers/leak-kinds, next to ways that are not leaks (balanced opens,
# close_range, dup2 over an fd, O_CLOEXEC + exec); the report must name exactly the leaking
# functions with their fd counts. Plain, with threads, and in a forked child (-f).
# usage: test-leaks.sh SCRY LEAK_KINDS BACKEND
scry=$1 helper=$2 backend=$3
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# ok_close_range first: it closes every fd above its first one
all="ok_close_range ok_balanced $("$helper" --list | grep '^leak_' | tr '\n' ' ')"

check() { # NAME SCRY-OPTIONS -- HELPER-ARGS
	name=$1
	shift
	echo "== $name"
	"$scry" leaks --backend=$backend --json "$@" > "$tmp/report" 2> "$tmp/helper-err"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL ($name): scry leaks exited with $rc"; cat "$tmp/helper-err"
		fails=$((fails + 1))
		return
	fi
	if ! python3 "$here/test-leaks-check.py" "$tmp/report" "$tmp/helper-err"; then
		echo "FAIL ($name)"; fails=$((fails + 1))
	fi
}

check "launched" -- "$helper" $all
check "launched, threads" -- "$helper" --threads $all
check "launched, fork -f" -f -- "$helper" --fork $all
check "O_CLOEXEC + exec" -- "$helper" ok_cloexec_exec leak_open
# leak_pipe's fds survive the exec: named after the program that made them (its stacks are
# symbolized before the exec replaces it: the new image has another load address)
check "leak, then exec" -- "$helper" leak_pipe ok_cloexec_exec leak_socket
check "no leak" -- "$helper" ok_close_range ok_balanced

[ $fails -eq 0 ] && echo "scry leaks names every leaking function and nothing else"
exit $((fails > 0))
