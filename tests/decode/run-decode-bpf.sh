#!/bin/sh
# Runs one decode test under the bpf backend (see run-decode.sh).
# usage: run-decode-bpf.sh SCRY SOURCE.c PROGRAM
# Exit 77 (skip) only when this machine cannot load BPF programs at all (no root, no CAP_BPF,
# no BPF support); any other failure of the backend fails the test.
scry=$1
here=$(dirname "$0")
if ! err=$("$scry" trace --backend=bpf -qq -e trace=none -o /dev/null /bin/true 2>&1); then
	case $err in
	*"cannot load the BPF programs"* | *"cannot open the BPF object"* | *"not built into"*)
		echo "SKIP: $err"
		exit 77 ;;
	esac
	echo "bpf backend probe failed: $err" >&2
	exit 1
fi
shift
exec "$here/run-decode.sh" "$scry" bpf "$@"
