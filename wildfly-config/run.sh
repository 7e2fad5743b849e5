#!/usr/bin/env bash
# Deploys the WAR at / and starts WildFly in the foreground (Ctrl-C stops it).
set -euo pipefail
home=${1:?usage: run.sh WILDFLY_HOME WAR}
war=${2:?usage: run.sh WILDFLY_HOME WAR}
rm -f "$home"/standalone/deployments/ROOT.war.*
cp "$war" "$home/standalone/deployments/ROOT.war"
exec "$home/bin/standalone.sh" -b "${DAILIES_BIND_ADDRESS:-127.0.0.1}"
