#!/usr/bin/env bash
# Runs the demo on GlassFish in the foreground until Ctrl+C. GlassFish needs no configuration: only a domain of
# the demo's own whose ports start at PORT - 80 (http PORT, https PORT + 1, admin PORT - 32, none on 4848), and
# the WAR deployed at / once the domain is up. `start-domain --verbose` keeps the domain in the foreground: Ctrl+C
# stops it.
# Usage: run.sh GLASSFISH_HOME WAR PORT
set -euo pipefail
home=$1 war=$2 port=$3
domains=$(dirname "$home")/domains-$port
asadmin=$home/bin/asadmin
admin=$((port - 32))
if [ ! -d "$domains/demo" ]; then
    "$asadmin" --user admin create-domain --nopassword=true --domaindir "$domains" --portbase $((port - 80)) demo
fi
# The domain redeploys what it was given last time; a new WAR is deployed once the domain's admin port answers.
deployed=$domains/demo/deployed-war.sha256
if [ "$(sha256sum <"$war")" != "$(cat "$deployed" 2>/dev/null)" ]; then
    rm -f "$deployed"
    (
        # $$ is asadmin below (exec): this stops with it, should Ctrl+C come first.
        while kill -0 $$ 2>/dev/null && ! (: <"/dev/tcp/localhost/$admin") 2>/dev/null; do sleep 1; done
        if kill -0 $$ 2>/dev/null && "$asadmin" --port "$admin" --user admin deploy --force=true --contextroot / \
                --name sticky-uploads-example "$war" >/dev/null; then
            sha256sum <"$war" >"$deployed"
            echo "The demo is deployed at http://localhost:$port/"
        fi
    ) &
fi
exec "$asadmin" start-domain --domaindir "$domains" --verbose demo
