#!/usr/bin/env bash
# Deploys the product at / and the provider emulator at /emulator beside it, then starts WildFly in
# the foreground (Ctrl-C stops it). DAILIES_EMULATOR=off leaves the emulator out (a real provider).
set -euo pipefail
home=${1:?usage: run.sh WILDFLY_HOME WAR EMULATOR_WAR}
war=${2:?usage: run.sh WILDFLY_HOME WAR EMULATOR_WAR}
emulator=${3:?usage: run.sh WILDFLY_HOME WAR EMULATOR_WAR}
deployments="$home/standalone/deployments"
rm -f "$deployments"/ROOT.war.* "$deployments"/emulator.war.*
cp "$war" "$deployments/ROOT.war"
if [[ "${DAILIES_EMULATOR:-on}" == "off" ]]; then
  rm -f "$deployments/emulator.war"
else
  cp "$emulator" "$deployments/emulator.war"
fi
exec "$home/bin/standalone.sh" -b "${DAILIES_BIND_ADDRESS:-127.0.0.1}"
