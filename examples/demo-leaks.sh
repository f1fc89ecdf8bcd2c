#!/bin/sh
# make demo: a server that leaks a file descriptor on one error path, a client that drives it,
# and `scry leaks -p` on the running server for 10 seconds: the report names the function and
# the line that opened the leaked files. The server keeps running until the demo stops it.
# usage: examples/demo-leaks.sh [SCRY]
set -e
SCRY=${1:-build/scry}
EX=$(dirname "$SCRY")/examples
SECONDS_=${DEMO_SECONDS:-10}
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT

mkfifo "$tmp/port"
"$EX/upload-server" > "$tmp/port" &
server=$!
read -r _ port < "$tmp/port"
echo "upload-server (pid $server) listens on 127.0.0.1:$port; upload-client sends 50 uploads/s,"
echo "one in five shorter than it announced"
"$EX/upload-client" "$port" $((SECONDS_ + 2)) 50 > "$tmp/client" &
client=$!
echo
echo "\$ scry leaks -p $server --duration $SECONDS_ --min-age 1"
"$SCRY" leaks -p "$server" --duration "$SECONDS_" --min-age 1
wait $client
cat "$tmp/client"
if kill -0 $server 2>/dev/null; then
	echo "upload-server is still running after scry leaks stopped (pid $server); stopping it"
fi
