#!/bin/sh
# Differential test: scry trace and strace 6.1 on the same commands with the same options
# must print the same thing once pids, addresses and times are normalised.
# usage: test-trace-vs-strace.sh SCRY HELPERS_DIR
scry=$(realpath "$1") helpers=$2
command -v strace >/dev/null || { echo "strace is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# Pids become P1, P2... in order of appearance; addresses and times become placeholders.
normalise() {
	python3 -c '
import re, sys
pids = {}
def pid(m):
    p = m.group(0)
    pids.setdefault(p, "P%d" % (len(pids) + 1))
    return pids[p]
for line in sys.stdin:
    line = re.sub(r"0x[0-9a-f]{6,}", "ADDR", line)
    line = re.sub(r"\b\d{2}:\d{2}:\d{2}(\.\d+)?\b", "TIME", line)
    line = re.sub(r"<\d+\.\d+>", "<T>", line)
    line = re.sub(r"(?<![\w.])\d{3,7}(?![\w.])", pid, line)
    sys.stdout.write(line)
'
}

# compare NAME OPTIONS... -- COMMAND...
compare() {
	name=$1
	shift
	(cd "$tmp" && strace -o "$tmp/strace.out" "$@" > /dev/null 2>&1)
	(cd "$tmp" && "$scry" trace -o "$tmp/scry.out" "$@" > /dev/null 2>&1)
	normalise < "$tmp/strace.out" > "$tmp/strace.norm"
	normalise < "$tmp/scry.out" > "$tmp/scry.norm"
	if ! diff -u "$tmp/strace.norm" "$tmp/scry.norm" > "$tmp/diff"; then
		echo "FAIL $name: strace $* (- strace, + scry):"
		sed 's/^/  /' "$tmp/diff" | head -40
		fails=$((fails + 1))
	else
		echo "ok   $name"
	fi
}

# -ff -o X: one file per process, X.PID, without pid prefixes
compare_ff() {
	name=$1
	shift
	rm -rf "$tmp/ff"; mkdir -p "$tmp/ff/strace" "$tmp/ff/scry"
	(cd "$tmp" && strace -ff -o "$tmp/ff/strace/out" "$@" > /dev/null 2>&1)
	(cd "$tmp" && "$scry" trace -ff -o "$tmp/ff/scry/out" "$@" > /dev/null 2>&1)
	for who in strace scry; do
		for f in $(ls "$tmp/ff/$who" | sort -t. -k2 -n); do
			echo "== file of process ${f#out.}"; cat "$tmp/ff/$who/$f"
		done | normalise > "$tmp/$who.norm"
	done
	if ! diff -u "$tmp/strace.norm" "$tmp/scry.norm" > "$tmp/diff"; then
		echo "FAIL $name: strace -ff $* (- strace, + scry):"
		sed 's/^/  /' "$tmp/diff" | head -40
		fails=$((fails + 1))
	else
		echo "ok   $name"
	fi
}

compare_ff ff -e trace=chdir,exit_group -e signal=none sh -c '(cd /nonexistent-child); cd /nonexistent-parent'
compare chdir-errors -e trace=chdir,exit_group sh -c 'cd /nonexistent; cd /; cd /etc/passwd; exit 3'
compare write-read -e trace=write,read,close,exit_group sh -c 'echo hello; echo "a\tb\\c" >&2; exec 5<&-'
compare strsize -s 5 -e trace=write sh -c 'echo 0123456789'
compare xflag -x -e trace=write sh -c 'printf "\001\377a\n"'
compare xxflag -xx -e trace=write sh -c 'echo hi'
compare follow -f -e trace=chdir,exit_group -e signal=none sh -c '(cd /nonexistent-child); cd /nonexistent-parent'
compare column -a 20 -e trace=chdir sh -c 'cd /; cd /nonexistent'
compare signals -e trace=none sh -c 'kill -USR1 $$; exit 0'
compare killed -e trace=none sh -c 'kill -TERM $$'
compare status-failed -Z -e trace=chdir sh -c 'cd /; cd /nonexistent'
compare status-successful -z -e trace=chdir sh -c 'cd /; cd /nonexistent'
compare trace-negation -e 'trace=!all' sh -c 'exit 0'
compare regex -e trace=/^chd -e signal=none sh -c 'cd /'
compare quiet-exit -qq -e trace=chdir sh -c 'cd /'
# without -f under scry's seccomp filter the child is followed silently: same output
compare seccomp-no-f -e trace=chdir sh -c '(cd /nonexistent-child); cd /nonexistent-parent'
compare pathfilter -P /nonexistent -e signal=none sh -c 'cd /; cd /nonexistent'
[ $fails -eq 0 ] && echo "scry and strace agree"
exit $((fails > 0))
