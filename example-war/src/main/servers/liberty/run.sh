#!/usr/bin/env bash
# Runs the demo on Open Liberty in the foreground until Ctrl+C: a server "demo" made of server.xml and server.env
# (copied over on every run), then `server run`.
# Usage: run.sh WLP_HOME WAR PORT
set -euo pipefail
home=$1 war=$2 port=$3
here=$(dirname "$0")
server=$home/usr/servers/demo
mkdir -p "$server"
cp "$here/server.xml" "$here/server.env" "$server/"
export DEMO_HTTP_PORT=$port DEMO_WAR=$(realpath "$war")
exec "$home/bin/server" run demo
