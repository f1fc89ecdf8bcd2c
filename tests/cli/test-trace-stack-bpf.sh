#!/bin/sh
# scry trace -k with the bpf backend (registers and stack top captured in the kernel, unwound
# later) against the ptrace backend (the stopped thread unwound live): the same stack lines,
# with and without frame pointers. The target runs its call chain many times so that it is
# still alive when its first record is consumed (its modules are read from /proc then).
# usage: test-trace-stack-bpf.sh SCRY HELPERS_DIR
scry=$(realpath "$1") helpers=$(realpath "$2")
[ "$(id -u)" -eq 0 ] || { echo "SKIP: the bpf backend needs root"; exit 77; }
"$scry" --version | grep -qw bpf || { echo "SKIP: built without the bpf backend"; exit 77; }
# only a build without libdw lacks -k; a -k that fails in a libdw build is a failure
"$scry" --version | grep -q "stack-trace=libdw" || { echo "SKIP: built without libdw (no -k)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# the distinct lines of a log, with getppid's result (a pid) replaced
lines() { sed 's/= [0-9][0-9]*$/= PID/' "$1" | sort -u; }

for variant in nofp fp; do
	for backend in ptrace bpf; do
		if ! "$scry" trace --backend=$backend -k -e trace=getppid -o "$tmp/$backend.log" \
			"$helpers/unwind-target-$variant" 2000 > /dev/null 2> "$tmp/err"; then
			echo "FAIL $variant $backend: scry failed"; cat "$tmp/err"; fails=$((fails + 1))
		fi
	done
	n=$(grep -c '^getppid()' "$tmp/bpf.log")
	k=$(grep -c '(inner+0x' "$tmp/bpf.log")
	if [ "$n" -ne 2000 ] || [ "$k" -ne 2000 ]; then
		echo "FAIL $variant: bpf printed $n getppid lines and $k stacks through inner() (want 2000 each)"
		fails=$((fails + 1))
	fi
	lines "$tmp/ptrace.log" > "$tmp/ptrace.lines"
	lines "$tmp/bpf.log" > "$tmp/bpf.lines"
	if ! diff -u "$tmp/ptrace.lines" "$tmp/bpf.lines"; then
		echo "FAIL $variant: the stack lines differ (- ptrace, + bpf)"
		fails=$((fails + 1))
	fi
done
# The kernel sends the mappings with the stacks: a process that exits right after its one
# call, one that calls from a library it dlopen()ed, and one that execs, all unwound after
# they are gone, as the ptrace backend unwinds them live.
plugin=$helpers/libunwind-plugin.so
for args in "1" "1 dlopen $plugin" "1 mangled"; do
	for backend in ptrace bpf; do
		"$scry" trace --backend=$backend -k -e trace=getppid -o "$tmp/$backend.log" \
			"$helpers/unwind-target-nofp" $args > /dev/null 2> "$tmp/err" ||
			{ echo "FAIL '$args' $backend: scry failed"; cat "$tmp/err"; fails=$((fails + 1)); }
	done
	lines "$tmp/ptrace.log" > "$tmp/ptrace.lines"
	lines "$tmp/bpf.log" > "$tmp/bpf.lines"
	if ! grep -q '(inner+0x' "$tmp/bpf.lines" || ! diff -u "$tmp/ptrace.lines" "$tmp/bpf.lines"; then
		echo "FAIL '$args': the stack lines differ (- ptrace, + bpf)"
		fails=$((fails + 1))
	fi
done
# the launched command's own execve: the new image's stack, as ptrace (and strace) show it,
# not scry's code that ran the exec
for backend in ptrace bpf; do
	"$scry" trace --backend=$backend -k -e trace=execve -o "$tmp/$backend.log" \
		"$helpers/unwind-target-nofp" 1 > /dev/null 2>&1
done
grep '^ > ' "$tmp/ptrace.log" > "$tmp/ptrace.lines"
grep '^ > ' "$tmp/bpf.log" > "$tmp/bpf.lines"
if [ ! -s "$tmp/bpf.lines" ] || grep -q 'scry(' "$tmp/bpf.lines" ||
   ! diff -u "$tmp/ptrace.lines" "$tmp/bpf.lines"; then
	echo "FAIL first execve: the stack lines differ (- ptrace, + bpf)"
	fails=$((fails + 1))
fi
"$scry" trace --backend=bpf -k -e trace=getppid -ff -o "$tmp/exec" \
	sh -c "$helpers/unwind-target-nofp 1; exec $helpers/unwind-target-fp 1" > /dev/null 2>&1
for variant in nofp fp; do
	grep -l "unwind-target-$variant(inner+0x" "$tmp"/exec.* > /dev/null ||
		{ echo "FAIL exec: no stack through unwind-target-$variant"; fails=$((fails + 1)); }
done
[ $fails -eq 0 ] || exit 1
echo ok
