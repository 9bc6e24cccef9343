#!/usr/bin/env bash
# Runs the demo on WildFly in the foreground until Ctrl+C: configure (idempotent), deploy at /, start.
# Usage: run.sh WILDFLY_HOME WAR PORT
set -euo pipefail
home=$1 war=$2 port=$3
JBOSS_HOME=$home "$home/bin/jboss-cli.sh" --file="$(dirname "$0")/configure.cli"
rm -rf "$home/standalone/deployments/ROOT.war"*
cp "$war" "$home/standalone/deployments/ROOT.war" # ROOT.war is deployed at /
exec "$home/bin/standalone.sh" -Djboss.http.port="$port" -Djboss.https.port=$((port + 363)) \
    -Djboss.management.http.port=$((port + 1910)) -Djboss.management.https.port=$((port + 1913))
