#!/usr/bin/env bash
# Stops the broker that start.sh started for KAFKA_PORT (default 19092): SIGTERM, then SIGKILL after KAFKA_STOP_TIMEOUT seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PORT="${KAFKA_PORT:-19092}"
exec bash "$ROOT/scripts/servers/stop-process.sh" "Kafka broker on 127.0.0.1:$PORT" "$ROOT/.cache/servers/kafka/run-$PORT/kafka.pid" "${KAFKA_STOP_TIMEOUT:-30}"
