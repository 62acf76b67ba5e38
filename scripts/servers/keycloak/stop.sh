#!/usr/bin/env bash
# Stops the Keycloak that start.sh started for KEYCLOAK_PORT (default 18080): SIGTERM to its process group (the kc.sh
# launcher and its JVM, start.sh made it a group leader), then SIGKILL after KEYCLOAK_STOP_TIMEOUT seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PORT="${KEYCLOAK_PORT:-18080}"
exec bash "$ROOT/scripts/servers/stop-process.sh" "Keycloak on 127.0.0.1:$PORT" "$ROOT/.cache/servers/keycloak/run-$PORT/keycloak.pid" "${KEYCLOAK_STOP_TIMEOUT:-30}" --group
