#!/usr/bin/env bash
# Stops the broker that start.sh started for KAFKA_PORT (default 19092): SIGTERM, then SIGKILL after KAFKA_STOP_TIMEOUT seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PORT="${KAFKA_PORT:-19092}"
TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
PIDFILE="$ROOT/.cache/servers/kafka/run-$PORT/kafka.pid"

if [[ ! -f "$PIDFILE" ]]; then echo "stop.sh: no Kafka broker started for port $PORT" >&2; exit 0; fi
PID="$(cat "$PIDFILE")"
if ! kill -0 "$PID" 2>/dev/null; then rm -f "$PIDFILE"; echo "stop.sh: Kafka broker (pid $PID) was not running" >&2; exit 0; fi

kill -TERM "$PID"
deadline=$((SECONDS + TIMEOUT))
while kill -0 "$PID" 2>/dev/null; do
  if ((SECONDS >= deadline)); then
    echo "stop.sh: Kafka broker (pid $PID) still running after ${TIMEOUT}s; sending SIGKILL" >&2
    kill -KILL "$PID" 2>/dev/null || true
    break
  fi
  sleep 0.2
done
rm -f "$PIDFILE"
echo "stop.sh: Kafka broker on 127.0.0.1:$PORT stopped" >&2
