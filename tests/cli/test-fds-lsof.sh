#!/bin/sh
# Differential test: scry fds against lsof 4.95 on the same mkfds process. Byte for byte,
# except where scry differs on purpose: lock characters come from each fd's fdinfo (lsof
# puts an flock on every fd of the inode and misses OFD locks), and memfds have TYPE memfd.
# usage: test-fds-lsof.sh SCRY MKFDS
scry=$1
command -v lsof > /dev/null || { echo "lsof is not installed"; exit 77; }
. "$(dirname "$0")/fds-common.sh"
start_mkfds "$2" -t 2

# the fds whose row differs on purpose
on_purpose=" $(fd_of reg-r 2) $(fd_of ofd-r) $(fd_of memfd) "
# compare [OPTIONS]: the same listing of mkfds from both; MIN (default 6) is the fewest lines
# lsof must list, so that an option both get wrong the same way cannot pass by listing nothing
compare() {
	lsof "$@" -p $pid > "$tmp/lsof" 2>/dev/null
	"$scry" fds "$@" -p $pid > "$tmp/scry" || fail "scry fds $* exited $?"
	[ "$(wc -l < "$tmp/lsof")" -ge "${MIN:-6}" ] || fail "lsof $* listed too little"
	[ "$(wc -l < "$tmp/lsof")" -eq "$(wc -l < "$tmp/scry")" ] ||
		fail "lsof $* listed $(wc -l < "$tmp/lsof") lines, scry $(wc -l < "$tmp/scry")"
	fdend=$(head -1 "$tmp/scry" | awk '{print index($0, " FD ") + 2}')
	paste -d '\n' "$tmp/lsof" "$tmp/scry" | while IFS= read -r l && IFS= read -r s; do
		[ "$l" = "$s" ] && continue
		# the FD token ends two columns after the header's "FD"
		fd=$(printf '%s\n' "$s" | cut -c1-$((fdend + 2)) | awk '{print $NF}' | tr -dc '0-9')
		case "$on_purpose" in
		*" $fd "*) continue ;;
		esac
		echo "lsof: $l"
		echo "scry: $s"
	done > "$tmp/diff"
	if [ -s "$tmp/diff" ]; then
		fail "lsof $* and scry fds $* differ:"
		cat "$tmp/diff"
	fi
}
compare -n -P
compare
compare -n -P -K -a
compare -n -P -a -d 0-20
compare -n -P -a -i
compare -n -P +E

# the selections an experienced user reaches for, each against lsof on the same process
port=$(detail_of tcp4-listen)
MIN=3 compare -n -P -a -i :$port
MIN=3 compare -n -P -a -i TCP@127.0.0.1:$port
MIN=3 compare -a -i TCP@localhost:$port
MIN=6 compare -n -P -a -i 4
MIN=6 compare -n -P -a -i 6
MIN=3 compare -n -P -a -i 6UDP
MIN=6 compare -n -P -a -i @[::1]
MIN=3 compare -n -P -a -i 4TCP@127.0.0.1
compare -n -P -a -u "$(id -un)"
compare -n -P -a -u "$(id -u)"
compare -n -P -a -c mkf
compare -n -P -a -c '/^mk.*s$/'
MIN=5 compare -n -P -a -d 3-9,cwd
compare -n -P -a -d ^0-30
compare -n -P -a -d ^txt,^mem
MIN=8 compare -n -P -a +d "$dir"
MIN=8 compare -n -P -a +D "$dir"
MIN=1 compare -t
MIN=1 compare -a -t -i
MIN=6 compare -a -F ftsn -i
MIN=1 compare -a -F0 -d 3-5
# -s (sizes only), -s TCP:STATES (UDP is filtered by the same state numbers), -U
compare -n -P -s
compare -n -P -sTCP:LISTEN
MIN=9 compare -n -P -a -i -s TCP:^LISTEN
MIN=3 compare -n -P -a -iTCP -sTCP:LISTEN
MIN=6 compare -n -P -a -i -sTCP:listen,established
MIN=8 compare -n -P -a -U
compare -n -P -a -U -F

# +c W on a command longer than lsof's 9 characters
cp /bin/sleep "$tmp/averylongcommandname"
"$tmp/averylongcommandname" 600 &
long=$!
for w in "" 0 1 4 12 15; do
	lsof ${w:++c} $w -n -P -p $long > "$tmp/lsof" 2>/dev/null
	"$scry" fds ${w:++c} $w -n -P -p $long > "$tmp/scry"
	cmp -s "$tmp/lsof" "$tmp/scry" || { fail "lsof +c $w and scry fds +c $w differ:"; diff "$tmp/lsof" "$tmp/scry"; }
done
kill $long

# a kernel thread: cwd and rtd, a txt row without a target, no fds (the FD column keeps
# lsof's minimum width)
if [ "$(cat /proc/2/comm 2>/dev/null)" = kthreadd ]; then
	lsof -p 2 > "$tmp/lsof" 2>/dev/null
	"$scry" fds -p 2 > "$tmp/scry"
	cmp -s "$tmp/lsof" "$tmp/scry" || { fail "lsof -p 2 and scry fds -p 2 differ:"; diff "$tmp/lsof" "$tmp/scry"; }
fi

# the differences are the intended ones
lsof -n -P -p $pid > "$tmp/lsof"
"$scry" fds -n -P -p $pid > "$tmp/scry"
r=$(fd_of reg-r 2) o=$(fd_of ofd-r) m=$(fd_of memfd)
grep -Eq "^mkfds +$pid +[^ ]+ +${r}rW " "$tmp/lsof" && grep -Eq " +${r}r +REG " "$tmp/scry" ||
	fail "fd $r: lsof should show W (by inode), scry no lock (per fd)"
grep -Eq " +${o}u +REG " "$tmp/lsof" && grep -Eq " +${o}ur +REG " "$tmp/scry" ||
	fail "fd $o: scry should show the OFD read lock lsof misses"
grep -Eq " +${m}u +REG " "$tmp/lsof" && grep -Eq " +${m}u +memfd " "$tmp/scry" ||
	fail "fd $m: TYPE REG in lsof, memfd in scry"

# field output (lsof's default field set) agrees too, but for the same intended differences
lsof -F -p $pid > "$tmp/lsof"
"$scry" fds -F -p $pid > "$tmp/scry"
diff "$tmp/lsof" "$tmp/scry" | grep '^[<>]' | grep -vx '[<>] \(lW\|l \|lr\|tREG\|tmemfd\)' > "$tmp/diff"
[ -s "$tmp/diff" ] && { fail "-F differs:"; cat "$tmp/diff"; }
[ "$(diff "$tmp/lsof" "$tmp/scry" | grep -c '^<')" -eq 3 ] || fail "-F: not exactly 3 lines differ"
[ $fails -eq 0 ] || exit 1
