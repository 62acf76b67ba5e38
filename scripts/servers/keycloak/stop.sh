#!/usr/bin/env bash
# Stops the Keycloak that start.sh started for KEYCLOAK_PORT (default 18080): SIGTERM to its session (the kc.sh
# launcher and its JVM), then SIGKILL after KEYCLOAK_STOP_TIMEOUT seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PORT="${KEYCLOAK_PORT:-18080}"
TIMEOUT="${KEYCLOAK_STOP_TIMEOUT:-30}"
PIDFILE="$ROOT/.cache/servers/keycloak/run-$PORT/keycloak.pid"

if [[ ! -f "$PIDFILE" ]]; then echo "stop.sh: no Keycloak started for port $PORT" >&2; exit 0; fi
PID="$(cat "$PIDFILE")"
if ! kill -0 "$PID" 2>/dev/null; then rm -f "$PIDFILE"; echo "stop.sh: Keycloak (pid $PID) was not running" >&2; exit 0; fi

# start.sh made PID the leader of its own process group: the negative id reaches the JVM too.
kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID"
deadline=$((SECONDS + TIMEOUT))
while kill -0 -- "-$PID" 2>/dev/null; do
  if ((SECONDS >= deadline)); then
    echo "stop.sh: Keycloak (pid $PID) still running after ${TIMEOUT}s; sending SIGKILL" >&2
    kill -KILL -- "-$PID" 2>/dev/null || true
    break
  fi
  sleep 0.2
done
rm -f "$PIDFILE"
echo "stop.sh: Keycloak on 127.0.0.1:$PORT stopped" >&2
