#!/usr/bin/env bash
# Makes fresh server base dirs for integration tests from the configured standalone/ folder:
# same configuration, no deployments, no data, so tests never see (or touch) a developer's data.
set -euo pipefail
home=${1:?usage: fresh-base-dir.sh WILDFLY_HOME BASE_DIR...}
shift
for base in "$@"; do
  rm -rf "$base"
  mkdir -p "$base/deployments" "$base/data" "$base/log" "$base/tmp"
  cp -r "$home/standalone/configuration" "$base/configuration"
  rm -rf "$base/configuration/standalone_xml_history"
done
