#!/usr/bin/env bash
# Stops the FerretDB that start.sh started on FERRETDB_PORT (default 27017), by the PID it wrote.
#   --wipe   also deletes its data directory (FERRETDB_DATA_DIR, default .cache/servers/ferretdb/data-PORT)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cache="$root/.cache/servers/ferretdb"
port="${FERRETDB_PORT:-27017}"
data="${FERRETDB_DATA_DIR:-$cache/data-$port}"
pidfile="$cache/ferretdb-$port.pid"

say() { echo "ferretdb: $*" >&2; }

wipe=false
for arg in "$@"; do
  case "$arg" in
    --wipe) wipe=true ;;
    *) say "error: unknown argument '$arg' (usage: stop.sh [--wipe])"; exit 2 ;;
  esac
done

bash "$root/scripts/servers/stop-process.sh" "FerretDB on 127.0.0.1:$port" "$pidfile" 10

if $wipe; then
  rm -rf "$data"
  say "wiped $data"
fi
