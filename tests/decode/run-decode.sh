#!/bin/sh
# Runs one self-describing decode test: the program prints the trace lines scry must write.
# usage: run-decode.sh SCRY BACKEND SOURCE.c PROGRAM
# The options for scry trace are on the line of SOURCE.c that starts with "/* TRACE:".
# A line "/* FROM: PREFIX */" drops what was traced before the first line starting with PREFIX
# after its pid prefix (the dynamic loader's mmap/mprotect/read... that no test can predict),
# in text and JSON.
# Exit 77 (skip) only when the program itself says so (it lacks a kernel feature).
scry=$1 backend=$2 src=$3 prog=$4
args=$(sed -n 's|^/\* TRACE: \(.*\) \*/$|\1|p' "$src")
[ -n "$args" ] || { echo "no '/* TRACE: ... */' line in $src" >&2; exit 1; }
from=$(sed -n 's|^/\* FROM: \(.*\) \*/$|\1|p' "$src")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# shellcheck disable=SC2086
"$scry" trace --backend="$backend" -o log $args "$prog" > expected 2> stderr
rc=$?
if [ $rc -eq 77 ]; then
	cat expected stderr
	exit 77
fi
# scry exits as the traced program did: the status its last expected line announces
want=0
last=$(tail -n1 expected)
case $last in
*"+++ exited with "*) want=$(echo "$last" | sed 's/.*+++ exited with \([0-9]*\) +++/\1/') ;;
*"+++ killed by "*) want=$rc ;;
esac
if [ $rc -ne "$want" ]; then
	echo "scry trace $args $prog exited with $rc, want $want" >&2
	cat stderr >&2
	exit 1
fi
skipped=0
if [ -n "$from" ]; then
	skipped=$(awk -v p="$from" '{ s = $0; sub(/^([0-9]+ +|\[pid +[0-9]+\] )/, "", s) }
		index(s, p) == 1 { print NR - 1; found = 1; exit }
		END { if (!found) print -1 }' log)
	if [ "$skipped" -lt 0 ]; then
		echo "no line of the trace starts with '$from'" >&2
		cat log >&2
		exit 1
	fi
	tail -n +$((skipped + 1)) log > log.from && mv log.from log
fi
if ! diff -u expected log; then
	echo "FAIL: scry trace $args $(basename "$prog") (- expected by the test, + printed by scry)" >&2
	exit 1
fi
# The same run as JSON Lines: every line must parse, and name the syscalls the text named.
# shellcheck disable=SC2086
# stdout to a file as in the text run (glibc asks a character device whether it is a tty)
"$scry" trace --backend="$backend" --json -o log.json $args "$prog" > expected.json 2>&1
python3 - log.json log "$skipped" <<'PY' || exit 1
import json, re, sys
names = []
for n, line in enumerate(open(sys.argv[1]), 1):
    try:
        obj = json.loads(line)
    except ValueError as e:
        sys.exit(f"{sys.argv[1]}:{n}: not JSON ({e}): {line!r}")
    if n <= int(sys.argv[3]):
        continue  # before FROM: one object per text line
    if obj.get("type") == "syscall":
        names.append(obj["syscall"])
text = [m.group(1) for m in (re.match(r"^(?:\d+ +|\[pid +\d+\] )?([a-z_0-9]+)\(", l)
                             for l in open(sys.argv[2])) if m]
if sorted(names) != sorted(text):
    sys.exit(f"JSON syscalls {sorted(names)} != text syscalls {sorted(text)}")
PY
exit 0
