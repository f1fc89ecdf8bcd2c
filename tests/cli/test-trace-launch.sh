#!/bin/sh
# Launching commands: the seccomp filter is used exactly when it is safe and useful, -u runs
# the command as another user, -E edits its environment, and scry exits as the command did.
# usage: test-trace-launch.sh SCRY
scry=$1
fails=0
check() { # check WHAT GOT WANT
	if [ "$2" != "$3" ]; then
		echo "FAIL $1: got '$2', want '$3'"
		fails=$((fails + 1))
	else
		echo "ok   $1"
	fi
}
seccomp() { grep '^Seccomp:' /proc/self/status | cut -f2; }

check "seccomp filter with -e trace=chdir" \
	"$("$scry" trace -o /dev/null -e trace=chdir grep '^Seccomp:' /proc/self/status | cut -f2)" 2
check "no filter when everything is traced" \
	"$("$scry" trace -o /dev/null grep '^Seccomp:' /proc/self/status | cut -f2)" 0
check "no filter with --trace-fds" \
	"$("$scry" trace -o /dev/null --trace-fds=1 -e trace=write grep '^Seccomp:' /proc/self/status | cut -f2)" 0
check "-E sets" "$("$scry" trace -o /dev/null -E SCRY_X=42 sh -c 'echo $SCRY_X')" 42
check "-E unsets" "$(SCRY_Y=1 "$scry" trace -o /dev/null -E SCRY_Y sh -c 'echo ${SCRY_Y-unset}')" unset
"$scry" trace -o /dev/null sh -c 'exit 7'
check "exit status" $? 7
"$scry" trace -o /dev/null sh -c 'kill -USR2 $$'
check "death by signal" $? $((128 + 12))
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	check "-u nobody" "$("$scry" trace -o /dev/null -u nobody id -u)" "$(id -u nobody)"
fi
[ $fails -eq 0 ] && echo "launching behaves"
exit $((fails > 0))
