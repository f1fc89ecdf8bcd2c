#!/bin/sh
# scry trace -k against strace -k (6.1 as installed): the same stack lines byte for byte.
# Both run with ASLR off (setarch -R) so addresses match; only pids, the getppid results,
# CPU times in siginfo, getrandom's bytes and execve's envp pointer (an address in the tracer's own stack) are normalised.
# usage: test-trace-stack.sh SCRY HELPERS_DIR
scry=$(realpath "$1") helpers=$(realpath "$2")
command -v strace >/dev/null || { echo "strace is not installed"; exit 77; }
strace -V | grep -q 'stack-trace' || { echo "this strace has no -k"; exit 77; }
# only a build without libdw lacks -k; a -k that fails in a libdw build is a failure
"$scry" --version | grep -q "stack-trace=libdw" || { echo "SKIP: built without libdw (no -k)"; exit 77; }
setarch -R true 2>/dev/null || { echo "setarch -R does not work here"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# Pids (and getppid's results) become P1, P2... in order of appearance.
normalise() {
	python3 -c '
import re, sys
pids = {}
def pid(m):
    p = m.group(0)
    pids.setdefault(p, "P%d" % (len(pids) + 1))
    return pids[p]
for line in sys.stdin:
    line = re.sub(r"si_utime=.*?si_stime=\d+( /\* [^*]* \*/)?", "TIMES", line)
    line = re.sub(r"^== out\.\d+$", "== out.PID", line)
    line = re.sub(r"\], 0x[0-9a-f]+ /\* ", "], ENVP /* ", line)
    line = re.sub(r"^(\S+ )?getrandom\(\x22[^\x22]*\x22", r"\1getrandom(BYTES", line)
    line = re.sub(r"(?<![\w.])\d{3,7}(?![\w.])", pid, line)
    sys.stdout.write(line)
'
}

# compare NAME OPTIONS... -- COMMAND... (with -ff: one file per process, in pid order, so
# that the scheduling of threads and children cannot change the order of the lines)
compare() {
	name=$1
	shift
	rm -rf "$tmp/strace" "$tmp/scry"
	mkdir "$tmp/strace" "$tmp/scry"
	(cd "$tmp" && setarch -R strace -k -o "$tmp/strace/out" "$@" > /dev/null 2>&1)
	(cd "$tmp" && setarch -R "$scry" trace -k -o "$tmp/scry/out" "$@" > /dev/null 2>&1)
	for who in strace scry; do
		for f in $(ls "$tmp/$who" | sort -t. -k2 -n); do
			echo "== $f"
			cat "$tmp/$who/$f"
		done | normalise > "$tmp/$who.norm"
	done
	if ! grep -q '^ > ' "$tmp/strace.norm"; then
		echo "FAIL $name: strace printed no stack"
		fails=$((fails + 1))
	elif ! diff -u "$tmp/strace.norm" "$tmp/scry.norm" > "$tmp/diff"; then
		echo "FAIL $name: -k $* (- strace, + scry):"
		sed 's/^/  /' "$tmp/diff" | head -40
		fails=$((fails + 1))
	else
		echo "ok   $name ($(grep -c '^ > ' "$tmp/scry.norm") frame lines)"
	fi
}

nofp=$helpers/unwind-target-nofp
fp=$helpers/unwind-target-fp
# every syscall of a whole run: the dynamic loader's, libc's start-up, exit_group's queued stack
compare whole-run-nofp -- "$nofp" 2
compare whole-run-fp -- "$fp" 1
compare whole-run-ls -- ls /
# a syscall filter (scry's seccomp filter must still let mapping changes through)
compare filtered -e trace=getppid -- "$nofp" 3
# signal lines have stacks too; a thread's exit; a child's exit_group after its +++ line
compare follow -ff -e trace=getppid,exit,exit_group,wait4,rt_sigreturn -- "$nofp" 1 more
compare follow-process -ff -e trace=%process,getppid -- "$fp" 1 more
# a thread that outlives the main thread (/proc/TGID/maps is empty then)
compare orphan-thread -ff -e trace=getppid -- "$nofp" 1 orphan
# a C++ name, demangled as strace (built with libiberty) prints it
if strace -V | grep -q stack-demangle && "$scry" --version | grep -q stack-demangle; then
	compare demangled -e trace=getppid -- "$nofp" 1 mangled
	grep -q 'demo::Outer::call(long)+0x' "$tmp/scry.norm" || { echo "FAIL demangled: no demo::Outer::call(long) frame"; fails=$((fails + 1)); }
fi
# execve from a running program: the stack is taken before the new image replaces it
compare exec -ff -e trace=execve,getppid -- sh -c "$nofp; exec $fp"

# --json -k: each getppid object has the chain with libdw's names and the call sites' lines
src=$(dirname "$(realpath "$0")")/../helpers/unwind-target.c
"$scry" trace -k --json -e trace=getppid -o "$tmp/json" "$nofp" 2 > /dev/null 2>&1
if python3 - "$tmp/json" "$src" <<'PY'
import json, sys
src = open(sys.argv[2]).read().split("\n")
def line_of(callee):
    return next(i + 1 for i, l in enumerate(src) if "/* CALL:%s */" % callee in l)
want = [("inner", "syscall"), ("middle", "inner"), ("outer", "middle"), ("main", "outer")]
objs = [json.loads(l) for l in open(sys.argv[1])]
calls = [o for o in objs if o.get("syscall") == "getppid"]
assert len(calls) == 2, calls
for o in calls:
    frames = o["stack"]
    assert frames[0]["symbol"] == "syscall", frames[0]
    for f, (fn, callee) in zip(frames[1:5], want):
        assert f["symbol"] == fn and f["line"] == line_of(callee), (f, fn)
        assert f["file"].endswith("unwind-target.c") and f["module"].endswith("nofp"), f
PY
then
	echo "ok   json"
else
	echo "FAIL json: the --json -k stacks of unwind-target-nofp"
	fails=$((fails + 1))
fi

[ $fails -eq 0 ] && echo "scry trace -k and strace -k agree"
exit $((fails > 0))
