#!/bin/sh
# Bad input: one clear line on stderr and strace's exit status (1), never a crash.
# usage: test-trace-errors.sh SCRY
scry=$1
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect STATUS REGEX -- ARGS: scry trace ARGS must exit STATUS with stderr matching REGEX
expect() {
	want=$1 re=$2
	shift 3
	"$scry" trace "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	if [ "$re" = EMPTY ]; then
		ok=$([ ! -s "$tmp/err" ] && echo y)
	else
		ok=$(grep -Eq "$re" "$tmp/err" && echo y)
	fi
	if [ "$rc" -ne "$want" ] || [ "$ok" != y ]; then
		echo "FAIL: scry trace $*: exit $rc (want $want), stderr:"
		sed 's/^/  | /' "$tmp/err"
		fails=$((fails + 1))
	fi
}

# a pid that does not exist
pid=4000000
while kill -0 $pid 2>/dev/null; do pid=$((pid + 1)); done
expect 1 "^scry: attach: ptrace\(PTRACE_SEIZE, $pid\): No such process$" -- -p $pid
expect 1 "^scry: Invalid process id: 'abc'" -- -p abc
expect 1 "^scry: invalid system call 'nosuchcall'" -- -e trace=nosuchcall true
expect 1 "^scry: invalid system call 'nosuchcall'" -- -e trace=open,nosuchcall true
expect 0 EMPTY -- -o /dev/null -e trace=?nosuchcall,close true
expect 1 "^scry: regcomp: \(: " -- -e 'trace=/(' true
expect 1 "^scry: invalid signal 'SIGNOPE'" -- -e signal=SIGNOPE true
expect 1 "^scry: invalid status 'sometimes'" -- -e status=sometimes true
expect 1 "^scry: must have PROG \[ARGS\] or -p PID" --
expect 1 "^Try 'scry trace -h' for more information" -- --no-such-option true
expect 1 "^scry: Can't stat '/nonexistent/prog': No such file or directory" -- /nonexistent/prog
# -P of a path that resolves elsewhere: said on stderr as strace 6.1 does, and not an error
expect 0 '^scry: Requested path "/tmp/\.\./tmp" resolved into "/tmp"$' -- -o /dev/null -P /tmp/../tmp true
expect 1 "^scry: Can't fopen '/nonexistent/dir/log': No such file or directory" -- -o /nonexistent/dir/log true
expect 1 "^scry: invalid -s argument: 'x'" -- -s x true
expect 1 "^scry: invalid sortby: 'bogus'" -- -c -S bogus true
expect 0 EMPTY -- -o "$tmp/ok.log" true

[ $fails -eq 0 ] && echo "all error cases behave"
exit $((fails > 0))
