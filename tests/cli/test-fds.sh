#!/bin/sh
# scry fds on a process holding one fd of every kind (tests/helpers/mkfds): each row's FD,
# mode, lock, TYPE and NAME must say what mkfds made. Then the selection options.
# usage: test-fds.sh SCRY MKFDS
scry=$1
. "$(dirname "$0")/fds-common.sh"
start_mkfds "$2" -t 1
out=$tmp/out
"$scry" fds -n -P -p $pid > "$out" || fail "scry fds -p $pid exited $?"
me=$(id -un)

head -1 "$out" | grep -q '^COMMAND  *PID  *USER  *FD  *TYPE  *DEVICE  *SIZE/OFF  *NODE  *NAME$' ||
	fail "header: $(head -1 "$out")"
for slot in cwd rtd txt mem; do
	grep -Eq "^mkfds +$pid +$me +$slot " "$out" || fail "no $slot row"
done
grep -Eq "^mkfds +$pid +$me +cwd +DIR .* $(pwd -P)\$" "$out" || fail "cwd is not $(pwd -P)"
grep -Eq " txt +REG .*/mkfds\$" "$out" || fail "txt is not the mkfds binary"
# a mapping whose file was deleted: a DEL row, without size
grep -Eq "^mkfds +$pid +$me +DEL +REG +[0-9]+,[0-9]+ +[0-9]+ $dir/mapped\$" "$out" ||
	fail "no DEL row for $dir/mapped"

D=$dir
expect_row "$out" "$(fd_of reg-r)" "^mkfds $pid $me [0-9]+r REG [0-9]+,[0-9]+ 10 [0-9]+ $D/file\$"
expect_row "$out" "$(fd_of reg-w)" " [0-9]+w REG [0-9,]+ 3 [0-9]+ $D/wfile\$"
expect_row "$out" "$(fd_of dir)" " [0-9]+r DIR [0-9,]+ [0-9]+ [0-9]+ $D/sub\$"
expect_row "$out" "$(fd_of chr)" " [0-9]+u CHR 1,3 0t0 [0-9]+ /dev/null\$"
expect_row "$out" "$(fd_of deleted)" " [0-9]+u REG .* $D/deleted \\(deleted\\)\$"
# locks come from each fd's fdinfo: the flock'ed fd has W, the other fd of that file has none
expect_row "$out" "$(fd_of flock-W)" " [0-9]+uW REG .* $D/locked\$"
expect_row "$out" "$(fd_of reg-r 2)" " [0-9]+r REG .* $D/locked\$"
expect_row "$out" "$(fd_of ofd-r)" " [0-9]+ur REG .* $D/ofd\$"
expect_row "$out" "$(fd_of posix-W)" " [0-9]+uW REG .* $D/posix\$"
expect_row "$out" "$(fd_of pipe-r)" " [0-9]+r FIFO [0-9]+,[0-9]+ 0t0 [0-9]+ pipe\$"
expect_row "$out" "$(fd_of pipe-w)" " [0-9]+w FIFO [0-9]+,[0-9]+ 0t0 [0-9]+ pipe\$"
pr=$(row "$out" "$(fd_of pipe-r)" | cut -d' ' -f8)
pw=$(row "$out" "$(fd_of pipe-w)" | cut -d' ' -f8)
[ "$pr" = "$pw" ] || fail "pipe ends have different inodes: $pr $pw"
expect_row "$out" "$(fd_of fifo)" " [0-9]+u FIFO [0-9,]+ 0t0 [0-9]+ $D/fifo\$"

set -- $(detail_of tcp4-client)
c4=$1 s4=$2
expect_row "$out" "$(fd_of tcp4-listen)" " [0-9]+u IPv4 [0-9]+ 0t0 TCP 127\\.0\\.0\\.1:$s4 \\(LISTEN\\)\$"
expect_row "$out" "$(fd_of tcp4-client)" \
	" IPv4 [0-9]+ 0t0 TCP 127\\.0\\.0\\.1:$c4->127\\.0\\.0\\.1:$s4 \\(ESTABLISHED\\)\$"
expect_row "$out" "$(fd_of tcp4-server)" \
	" IPv4 [0-9]+ 0t0 TCP 127\\.0\\.0\\.1:$s4->127\\.0\\.0\\.1:$c4 \\(ESTABLISHED\\)\$"
set -- $(detail_of tcp6-client)
expect_row "$out" "$(fd_of tcp6-listen)" " IPv6 [0-9]+ 0t0 TCP \\[::1\\]:$2 \\(LISTEN\\)\$"
expect_row "$out" "$(fd_of tcp6-client)" " IPv6 .* TCP \\[::1\\]:$1->\\[::1\\]:$2 \\(ESTABLISHED\\)\$"
set -- $(detail_of udp4-connected)
expect_row "$out" "$(fd_of udp4-bound)" " IPv4 [0-9]+ 0t0 UDP 127\\.0\\.0\\.1:$2 ?\$"
expect_row "$out" "$(fd_of udp4-connected)" " UDP 127\\.0\\.0\\.1:$1->127\\.0\\.0\\.1:$2 ?\$"
set -- $(detail_of udp6-connected)
expect_row "$out" "$(fd_of udp6-connected)" " IPv6 .* UDP \\[::1\\]:$1->\\[::1\\]:$2 ?\$"

expect_row "$out" "$(fd_of unix-listen)" " unix 0x[0-9a-f]{16} 0t0 [0-9]+ $D/sock type=STREAM \\(LISTEN\\)\$"
expect_row "$out" "$(fd_of unix-client)" " unix 0x[0-9a-f]+ 0t0 [0-9]+ type=STREAM \\(CONNECTED\\)\$"
expect_row "$out" "$(fd_of unix-server)" " unix .* $D/sock type=STREAM \\(CONNECTED\\)\$"
expect_row "$out" "$(fd_of unix-pair)" " unix .* type=STREAM \\(CONNECTED\\)\$"
expect_row "$out" "$(fd_of unix-dgram)" " unix .* $D/dsock type=DGRAM \\(UNCONNECTED\\)\$"
expect_row "$out" "$(fd_of unix-dgram-pair)" " unix .* type=DGRAM \\(CONNECTED\\)\$"

expect_row "$out" "$(fd_of eventfd)" " [0-9]+u a_inode [0-9]+,[0-9]+ 0 [0-9]+ \\[eventfd:[0-9]+\\]\$"
expect_row "$out" "$(fd_of epoll)" " a_inode .* \\[eventpoll:$(fd_of eventfd)\\]\$"
expect_row "$out" "$(fd_of timerfd)" " a_inode .* \\[timerfd\\]\$"
expect_row "$out" "$(fd_of signalfd)" " a_inode .* \\[signalfd\\]\$"
expect_row "$out" "$(fd_of inotify)" " [0-9]+r a_inode .* inotify\$"
expect_row "$out" "$(fd_of memfd)" " [0-9]+u memfd [0-9]+,[0-9]+ 4096 [0-9]+ /memfd:scry-test \\(deleted\\)\$"
[ -n "$(fd_of pidfd)" ] && expect_row "$out" "$(fd_of pidfd)" " a_inode .* \\[pidfd:$pid\\]\$"
expect_row "$out" "$(fd_of netlink)" " [0-9]+u netlink 0t0 [0-9]+ ROUTE\$"
[ -n "$(fd_of packet)" ] && expect_row "$out" "$(fd_of packet)" " [0-9]+u pack [0-9]+ 0t0 ALL type=SOCK_RAW\$"

# the /proc/net fallback resolves the sockets the same way as sock_diag
SCRY_NO_SOCK_DIAG=1 "$scry" fds -n -P -p $pid > "$tmp/fallback"
cmp -s "$out" "$tmp/fallback" || { fail "the /proc/net fallback differs:"; diff "$out" "$tmp/fallback"; }

# every fd of the manifest has exactly one row
for fd in $(awk '$1 ~ /^[0-9]+$/ {print $1}' "$man"); do
	n=$(awk -v fd="$fd" '{f = $4; gsub(/[^0-9]/, "", f)} $4 ~ /^[0-9]/ && f == fd' "$out" | wc -l)
	[ "$n" -eq 1 ] || fail "fd $fd has $n rows"
done

# ---- selection ----
count() { "$scry" fds "$@" 2>/dev/null | tail -n +2 | wc -l; }
[ "$(count -n -P -a -p $pid -d 3-5)" -eq 3 ] || fail "-a -d 3-5 did not list 3 fds"
"$scry" fds -a -p $pid -d ^0-2 | awk 'NR > 1 {print $4}' | grep -Eq '^[012][rwu]' &&
	fail "-d ^0-2 listed fd 0-2"
"$scry" fds -a -p $pid -d cwd,txt | awk 'NR > 1 {print $4}' | sort | tr '\n' ' ' |
	grep -qx 'cwd txt ' || fail "-d cwd,txt"
[ "$(count -n -P -a -p $pid -i TCP)" -eq 6 ] || fail "-i TCP: want 6 rows"
[ "$(count -n -P -a -p $pid -i 4TCP)" -eq 3 ] || fail "-i 4TCP: want 3 rows"
[ "$(count -n -P -a -p $pid -i UDP)" -eq 4 ] || fail "-i UDP: want 4 rows"
[ "$(count -n -P -a -p $pid -i 6)" -eq 5 ] || fail "-i 6: want 5 rows"
[ "$(count -n -P -a -p $pid -i ":$s4")" -eq 3 ] || fail "-i :$s4: want 3 rows"
[ "$(count -n -P -a -p $pid -i "TCP@127.0.0.1:$s4")" -eq 3 ] || fail "-i TCP@127.0.0.1:$s4"
[ "$(count -n -P -a -p $pid -i)" -eq 10 ] || fail "-i: want 10 inet rows"
[ "$("$scry" fds -t -p $pid)" = "$pid" ] || fail "-t -p did not print just the pid"
"$scry" fds -t -c mkfds | grep -qx "$pid" || fail "-t -c mkfds did not find $pid"
"$scry" fds -t -c '/^mk.d/' | grep -qx "$pid" || fail "-c /regex/ did not find $pid"
"$scry" fds -t -u "$me" | grep -qx "$pid" || fail "-u $me did not find $pid"
"$scry" fds -t -u "$(id -u)" | grep -qx "$pid" || fail "-u uid did not find $pid"
"$scry" fds -t | grep -qx "$pid" || fail "no selection did not list $pid"
"$scry" fds -t -c mkfds -c '^mkfds' | grep -qx "$pid" && fail "-c ^mkfds did not exclude"
"$scry" fds -p $pid -p ^$pid > /dev/null 2>&1 && fail "-p X -p ^X listed something"
# by name: file wfile sub locked*2 ofd posix fifo; not the deleted one
# 8 files and FIFOs, and the 3 unix sockets bound there (listener, accepted end, dgram)
[ "$(count -n -P -a -p $pid +d "$dir")" -eq 11 ] || fail "+d $dir: want 11 rows"
[ "$(count -n -P -a -p $pid +D "$dir")" -eq 11 ] || fail "+D $dir: want 11 rows"
"$scry" fds -n -P -a -p $pid +d "$dir" | grep -q " $dir/sock type=STREAM (LISTEN)\$" ||
	fail "+d $dir: the unix socket bound in it is missing"
"$scry" fds -a -p $pid +d /tmp | grep -q "$dir/file" && fail "+d /tmp listed a file two levels down"
"$scry" fds -a -p $pid +D /tmp | grep -q "$dir/file" || fail "+D /tmp missed $dir/file"
# OR without -a: -c mkfds OR -i TCP (other processes' TCP sockets may show up too)
"$scry" fds -n -P -c mkfds -i UDP > "$tmp/or" || fail "-c -i exited $?"
grep -q " cwd " "$tmp/or" || fail "-c mkfds -i UDP (OR) lost the non-UDP rows"
# a file name: the files with its inode; a mount point: every file of that filesystem
"$scry" fds -a -p $pid "$dir/wfile" | tail -n +2 | grep -q "$dir/wfile\$" || fail "name $dir/wfile"
[ "$("$scry" fds -t "$dir/file")" = "$pid" ] || fail "name $dir/file: not just $pid"
[ "$(count -a -p $pid /dev/null)" -eq "$(ls -l /proc/$pid/fd | grep -c ' /dev/null$')" ] ||
	fail "name /dev/null: not every fd of /dev/null"
[ "$(count -a -p $pid /)" -ge 10 ] || fail "name / (a mount point) did not list the files on it"

# ---- network filesystems: never stat'ed, or with -S in a child with a timeout ----
fstype=$(awk -v d="$(df --output=target "$dir" | tail -1)" '$5 == d {split($0, a, " - "); split(a[2], b, " "); print b[1]}' /proc/$pid/mountinfo | tail -1)
if [ -n "$fstype" ]; then
	f=$(fd_of reg-r)
	SCRY_REMOTE_FSTYPE=$fstype "$scry" fds -a -p $pid -d $f > "$tmp/rem"
	expect_row "$tmp/rem" "$f" "^mkfds $pid $me ${f}r REG [0-9]+,[0-9]+ [0-9]+ $dir/file\$"
	[ "$(row "$tmp/rem" "$f" | wc -w)" -eq 8 ] || fail "remote file was stat'ed: $(row "$tmp/rem" "$f")"
	SCRY_REMOTE_FSTYPE=$fstype "$scry" fds -S 10 -a -p $pid -d $f > "$tmp/rem"
	expect_row "$tmp/rem" "$f" "^mkfds $pid $me ${f}r REG [0-9]+,[0-9]+ 10 [0-9]+ $dir/file\$"
	SCRY_REMOTE_FSTYPE=$fstype "$scry" fds -S 10 -a -p $pid -d "$(fd_of dir)" > "$tmp/rem"
	expect_row "$tmp/rem" "$(fd_of dir)" " DIR [0-9,]+ [0-9]+ [0-9]+ $dir/sub\$"
else
	fail "cannot tell the filesystem type of $dir"
fi

# ---- -K: a TID column, the thread's rows repeat the process's ----
tid=$(awk '$1 == "thread" {print $2}' "$man")
"$scry" fds -K -a -p $pid > "$tmp/k"
head -1 "$tmp/k" | grep -q '^COMMAND  *PID  *TID TASKCMD  *USER' || fail "-K header: $(head -1 "$tmp/k")"
n1=$(grep -Ec "^mkfds +$pid +$tid +mkfds " "$tmp/k")
n0=$(grep -Ec "^mkfds +$pid +$me " "$tmp/k")
[ "$n1" -eq "$n0" ] && [ "$n0" -gt 40 ] || fail "-K: $n1 rows for thread $tid, $n0 for the process"

# ---- outputs ----
"$scry" fds -F pcfn -p $pid > "$tmp/f"
head -3 "$tmp/f" | tr '\n' ' ' | grep -q "^p$pid cmkfds fcwd " || fail "-F pcfn: $(head -3 "$tmp/f")"
grep -qx "n$dir/file" "$tmp/f" || fail "-F n field"
"$scry" fds -F -p $pid -a -d "$(fd_of flock-W)" | grep -qx 'lW' || fail "-F l field"
"$scry" fds -F0 -p $pid | head -c 200 | tr '\0' '|' | grep -q "^p$pid|g[0-9]*|R[0-9]*|cmkfds|" ||
	fail "-F0 is not NUL-separated"
"$scry" fds --json -p $pid > "$tmp/j" || fail "--json exited $?"
python3 - "$tmp/j" "$(fd_of tcp4-listen)" "$s4" <<'PY' || fail "--json content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
keys = {"pid", "command", "uid", "user", "fd", "mode", "lock", "type", "device", "name"}
assert all(keys <= set(r) for r in rows), "missing keys"
tcp = [r for r in rows if r["fd"] == sys.argv[2]][0]
assert tcp["type"] == "IPv4" and tcp["state"] == "LISTEN", tcp
assert tcp["local"] == "127.0.0.1:" + sys.argv[3], tcp
assert any(r["lock"] == "W" for r in rows)
PY
"$scry" fds --summary -p $pid > "$tmp/s" || fail "--summary exited $?"
nfd=$(ls /proc/$pid/fd | wc -l)
grep -Eq "^$pid mkfds: $nfd fds \\(RLIMIT_NOFILE soft [0-9]+, hard [0-9]+" "$tmp/s" ||
	fail "--summary header: $(head -1 "$tmp/s") (want $nfd fds)"
grep -Eq '^ +8 +unix$' "$tmp/s" || fail "--summary: 8 unix"
grep -Eq '^ +[0-9]+ +pipe$' "$tmp/s" || fail "--summary: pipe pattern"
# repeat: +r stops when nothing is listed; -r prints a marker after each listing
"$scry" fds +r 1 -p 2147483646 > "$tmp/r" 2>&1
[ $? -eq 1 ] || fail "+r on a missing pid did not exit 1"
grep -q '=======' "$tmp/r" && fail "+r printed a marker with nothing listed"
timeout 5 "$scry" fds -r 1 -a -p $pid -d 0 > "$tmp/r2"
grep -q '^=======$' "$tmp/r2" || fail "-r printed no ======= marker"

[ $fails -eq 0 ] || exit 1
