#!/bin/sh
# make demo: trace the bundled example with scry trace -f, then show its summary.
set -e
SCRY=${1:-build/scry}
PROG=$(dirname "$SCRY")/examples/fileserver
echo "\$ scry trace -f -e trace=%process,openat,write,close -e signal=none $PROG"
"$SCRY" trace -f -e trace=%process,openat,write,close -e signal=none "$PROG"
echo
echo "\$ scry trace -f -c $PROG"
"$SCRY" trace -f -c "$PROG"
