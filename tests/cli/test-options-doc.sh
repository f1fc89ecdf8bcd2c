#!/bin/sh
# --help, the man page and the shell completion list the same options (as bpftool checks).
# usage: test-options-doc.sh SCRY SOURCE_ROOT
scry=$1 root=$2
fails=0
for cmd in trace fds ps leaks; do
	help=$("$scry" "$cmd" --help | grep -oE -- '(--[a-z][a-z-]*|(^|[ ,])-[a-zA-Z]\b)' |
		tr -d ' ,' | sort -u)
	man=$(sed 's/\\-/-/g' "$root/man/scry-$cmd.1" | grep -oE -- '(--[a-z][a-z-]*|(^|[ "])-[a-zA-Z]\b)' |
		tr -d ' "' | sort -u)
	comp=$(sed -n "/_scry_${cmd}_opts=\"/,/\"$/p" "$root/completion/scry.bash" |
		grep -oE -- '(--[a-z][a-z-]*|(^|[ "])-[a-zA-Z]\b)' | tr -d ' "' | sort -u)
	if [ "$help" != "$man" ]; then
		echo "FAIL: scry $cmd --help and man/scry-$cmd.1 differ (< help, > man):"
		echo "$help" > /tmp/h.$$; echo "$man" | diff /tmp/h.$$ -; rm -f /tmp/h.$$
		fails=$((fails + 1))
	fi
	if [ "$help" != "$comp" ]; then
		echo "FAIL: scry $cmd --help and completion/scry.bash differ (< help, > completion):"
		echo "$help" > /tmp/h.$$; echo "$comp" | diff /tmp/h.$$ -; rm -f /tmp/h.$$
		fails=$((fails + 1))
	fi
done
[ $fails -eq 0 ] && echo "help, man page and completion agree"
exit $((fails > 0))
