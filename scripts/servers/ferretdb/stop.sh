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

if [[ -f "$pidfile" ]]; then
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "PID $pid still running after 10 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    say "stopped (PID $pid)"
  else
    say "PID $pid from $pidfile was not running"
  fi
  rm -f "$pidfile"
else
  say "not running on port $port (no $pidfile)"
fi

if $wipe; then
  rm -rf "$data"
  say "wiped $data"
fi
