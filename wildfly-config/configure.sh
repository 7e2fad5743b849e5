#!/usr/bin/env bash
# Applies the CLI scripts of wildfly-config/ to an unpacked WildFly, offline.
# Idempotent: keeps the pristine standalone.xml and re-applies only when a script changed.
set -euo pipefail
home=${1:?usage: configure.sh WILDFLY_HOME}
here=$(cd "$(dirname "$0")" && pwd)
conf="$home/standalone/configuration"
marker="$conf/.dailies-config.sha256"
want=$(cat "$here"/*.cli "$0" | sha256sum | cut -d' ' -f1)
if [[ -f "$marker" && "$(cat "$marker")" == "$want" ]]; then
  echo "WildFly at $home is configured"
  exit 0
fi
[[ -f "$conf/standalone.xml.pristine" ]] || cp "$conf/standalone.xml" "$conf/standalone.xml.pristine"
cp "$conf/standalone.xml.pristine" "$conf/standalone.xml"
rm -rf "$conf/standalone_xml_history"
echo "Configuring WildFly at $home"
"$home/bin/jboss-cli.sh" --file="$here/dailies.cli"
"$home/bin/jboss-cli.sh" --file="$here/emulator.cli"
"$home/bin/jboss-cli.sh" --file="$here/schedule.cli"
echo "$want" > "$marker"
