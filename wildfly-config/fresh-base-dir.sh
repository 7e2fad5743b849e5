#!/usr/bin/env bash
# Makes fresh server base dirs for integration tests from the configured standalone/ folder:
# same configuration, no data, so tests never see (or touch) a developer's data. The provider
# emulator is deployed beside the product, as README's first command does; the tests deploy the
# product themselves.
set -euo pipefail
home=${1:?usage: fresh-base-dir.sh WILDFLY_HOME EMULATOR_WAR BASE_DIR...}
emulator=${2:?usage: fresh-base-dir.sh WILDFLY_HOME EMULATOR_WAR BASE_DIR...}
shift 2
for base in "$@"; do
  rm -rf "$base"
  mkdir -p "$base/deployments" "$base/data" "$base/log" "$base/tmp"
  cp -r "$home/standalone/configuration" "$base/configuration"
  rm -rf "$base/configuration/standalone_xml_history"
  cp "$emulator" "$base/deployments/emulator.war"
done
