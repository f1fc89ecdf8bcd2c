#!/bin/sh
# scry ps on an mkfds process: each section says what mkfds is and holds.
# usage: test-ps.sh SCRY MKFDS
scry=$1
. "$(dirname "$0")/fds-common.sh"
start_mkfds "$2" -t 2
out=$tmp/out
"$scry" ps $pid > "$out" || fail "scry ps exited $?"

expect() {
	grep -Eq -- "$1" "$out" || fail "no line matches /$1/"
}
expect "^$pid mkfds\$"
expect "^  command +$2 -t 2\$"
expect "^  state +S \\(sleeping\\)\$"
expect "^  parent +$$ "
expect "^  user +$(id -un) \\(uid $(id -u)\\)\$"
expect "^  cgroup +[^ ]+"
expect "^  started +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} .*, [0-9]+s ago\$"
expect "^  memory +VmRSS [0-9.]+ [KMGT]iB, VmSize [0-9.]+ [KMGT]iB, VmSwap [0-9.]+ [KMGT]iB\$"
expect "^ +RssAnon [0-9.]+ [KMGT]iB, RssFile [0-9.]+ [KMGT]iB, RssShmem [0-9.]+ [KMGT]iB\$"
nfd=$(ls /proc/$pid/fd | wc -l)
soft=$(awk '/^Max open files/ {print $4}' /proc/$pid/limits)
hard=$(awk '/^Max open files/ {print $5}' /proc/$pid/limits)
expect "^  fds +$nfd open, RLIMIT_NOFILE soft $soft, hard $hard"
expect " 8 unix(,|\$)"
expect " 5 IPv4(,|\$)"
expect " 1 memfd(,|\$)"
expect "^  threads +3\$"
for t in $pid $(awk '$1 == "thread" {print $2}' "$man"); do
	expect "^ +$t S +[0-9]+\\.[0-9]{2} mkfds\$"
done
expect "^  Max open files +$soft +$hard +files\$"
expect "^  Max cpu time +unlimited +unlimited +seconds\$"
expect "^  fs.file-nr +[0-9]+ allocated, [0-9]+ allocated but unused, max [0-9]+\$"
expect "^  fs.file-max +$(cat /proc/sys/fs/file-max) "
expect "^  TCP inuse +[0-9]+  sockets of this protocol in use"
expect "^  TCP tw +[0-9]+  TCP connections in TIME_WAIT\$"

"$scry" ps --json $pid $$ > "$tmp/j" || fail "--json exited $?"
python3 - "$tmp/j" "$pid" "$nfd" "$$" <<'PY' || fail "--json content"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
p = objs[0]
assert p["pid"] == int(sys.argv[2]) and p["name"] == "mkfds", p
assert p["fds"]["open"] == int(sys.argv[3]) and p["fds"]["by_type"]["unix"] == 8, p["fds"]
assert len(p["threads"]) == 3
assert p["limits"]["Max open files"]["soft"] > 0
assert p["memory_kb"]["VmRSS"] > 0
assert objs[1]["pid"] == int(sys.argv[4]), objs[1]
assert "TCP.inuse" in objs[2]["system"]["sockstat"]
PY
# a pid that exits: reported as gone, exit 1, the others still printed
gone=4000000
while kill -0 $gone 2>/dev/null; do gone=$((gone + 1)); done
"$scry" ps $pid $gone > "$tmp/o2" 2> "$tmp/e2"
[ $? -eq 1 ] || fail "ps with a missing pid did not exit 1"
grep -q "^$pid mkfds" "$tmp/o2" || fail "ps lost the live pid"
grep -q "no process $gone" "$tmp/e2" || fail "ps: $(cat "$tmp/e2")"
[ $fails -eq 0 ] || exit 1
