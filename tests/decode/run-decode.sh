#!/bin/sh
# Runs one self-describing decode test: the program prints the trace lines scry must write.
# usage: run-decode.sh SCRY BACKEND SOURCE.c PROGRAM
# The options for scry trace are on the line of SOURCE.c that starts with "/* TRACE:".
# Exit 77 (skip) only when the program itself says so (it lacks a kernel feature).
scry=$1 backend=$2 src=$3 prog=$4
args=$(sed -n 's|^/\* TRACE: \(.*\) \*/$|\1|p' "$src")
[ -n "$args" ] || { echo "no '/* TRACE: ... */' line in $src" >&2; exit 1; }
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
if [ $rc -ne 0 ] && ! tail -n1 expected | grep -q '^[0-9 ]*+++ '; then
	echo "scry trace $args $prog exited with $rc" >&2
	cat stderr >&2
	exit 1
fi
if ! diff -u expected log; then
	echo "FAIL: scry trace $args $(basename "$prog") (- expected by the test, + printed by scry)" >&2
	exit 1
fi
exit 0
