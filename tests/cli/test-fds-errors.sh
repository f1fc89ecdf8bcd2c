#!/bin/sh
# scry fds and scry ps on bad input: one line on stderr naming the problem, and the
# documented exit status (1: not found, like lsof; 2: usage error). Never a crash.
# usage: test-fds-errors.sh SCRY MKFDS
scry=$1
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect STATUS REGEX -- ARGS: scry ARGS must exit STATUS with stderr matching REGEX
expect() {
	want=$1 re=$2
	shift 3
	"$scry" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	if [ "$rc" -ne "$want" ] || ! grep -Eq "$re" "$tmp/err" || [ "$(wc -l < "$tmp/err")" -ne 1 ]
	then
		echo "FAIL: scry $*: exit $rc (want $want), stderr:"
		sed 's/^/  | /' "$tmp/err"
		fails=$((fails + 1))
	fi
}

pid=4000000
while kill -0 $pid 2>/dev/null; do pid=$((pid + 1)); done
expect 1 "^scry: no process $pid \\(not running, or it exited\\)$" -- fds -p $pid
expect 1 "^scry: no process $pid " -- fds -t -p $pid
expect 1 "^scry: no process $pid " -- ps $pid
expect 1 "^scry: no open file matches command 'no-such-command-here'$" -- fds -c no-such-command-here
expect 2 "^scry: invalid process id 'abc'; -p takes pids" -- fds -p abc
expect 1 "^scry: cannot stat '/nonexistent/file': No such file or directory$" -- fds /nonexistent/file
expect 2 "^scry: unknown option '-Z'; 'scry fds --help' lists the options$" -- fds -Z
expect 2 "^scry: unknown option '--bogus'; 'scry fds --help' lists the options$" -- fds --bogus
expect 2 "^scry: option -p needs an argument" -- fds -p
expect 2 "^scry: unknown user 'no-such-user-xyz'" -- fds -u no-such-user-xyz
expect 2 "^scry: invalid fd set 'x'" -- fds -d x
expect 2 "^scry: invalid internet address 'TCPX'" -- fds -i TCPX
expect 2 "^scry: invalid internet address '4TCP:99999'" -- fds -i 4TCP:99999
expect 2 "^scry: invalid regular expression in -c '/\\(/'" -- fds -c '/(/'
expect 2 "^scry: invalid repeat interval '0'" -- fds -r0
expect 2 "^scry: -t, -F, --json and --summary are exclusive" -- fds --json --summary
expect 2 "^scry: unknown TCP state name 'FOO' in -s" -- fds -sTCP:FOO
expect 2 "^scry: no UDP state names" -- fds -sUDP:Idle
expect 2 "^scry: invalid -s 'TCP'; give TCP:STATE" -- fds -s TCP
expect 2 "^scry: no TCP state names in -s 'TCP:'" -- fds -s TCP:
expect 2 "^scry: invalid command width '20'; \\+c takes 0 \\(all\\) to 15" -- fds +c 20
expect 2 "^scry: option \\+c needs an argument" -- fds +c
expect 2 "^scry: unknown option '--bogus'; 'scry ps --help'" -- ps --bogus
expect 2 "^scry: invalid process id 'x1'" -- ps x1
expect 2 "^scry: which process\\?" -- ps

# help goes to stdout and exits 0
for c in fds ps; do
	"$scry" $c --help > "$tmp/out" 2>&1 || { echo "FAIL: $c --help exit $?"; fails=$((fails + 1)); }
	grep -q "^usage: scry $c" "$tmp/out" || { echo "FAIL: $c --help text"; fails=$((fails + 1)); }
done
# the lsof-style + options, which test-options-doc does not see: help, man page, completion
root=$(dirname "$0")/../..
for o in +d +D +r +E; do
	"$scry" fds --help | grep -q -- " $o " || { echo "FAIL: fds --help lacks $o"; fails=$((fails + 1)); }
	grep -Eq "(^|[ \"])[+]${o#+}([ \"]|\$)" "$root/man/scry-fds.1" ||
		{ echo "FAIL: man/scry-fds.1 lacks $o"; fails=$((fails + 1)); }
	grep -q "^_scry_fds_opts=.* $o\b" "$root/completion/scry.bash" ||
		{ echo "FAIL: completion lacks $o"; fails=$((fails + 1)); }
done
[ $fails -eq 0 ] || exit 1
