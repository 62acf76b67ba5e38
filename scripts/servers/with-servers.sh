#!/usr/bin/env bash
# Runs a command with real servers on 127.0.0.1: a Kafka broker (Maven Central, KRaft) and FerretDB (MongoDB
# wire protocol, built from the Go module proxy), fetched once into .cache/servers/, stopped afterwards.
# Usage: bash scripts/servers/with-servers.sh npm test
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

stop() {
  bash "$here/kafka/stop.sh" >/dev/null 2>&1 || true
  bash "$here/ferretdb/stop.sh" >/dev/null 2>&1 || true
}
trap stop EXIT

# Only the address lines: Maven may leave colour codes on stdout before them.
kafka="$(bash "$here/kafka/start.sh" | grep -o 'KAFKA_BROKERS=[^[:space:]]*' | tail -n 1)"
mongo="$(bash "$here/ferretdb/start.sh" | grep -o 'MONGODB_URL=[^[:space:]]*' | tail -n 1)"
[[ "$kafka" == KAFKA_BROKERS=* ]] || { echo "with-servers.sh: Kafka did not start ($kafka)" >&2; exit 1; }
[[ "$mongo" == MONGODB_URL=* ]] || { echo "with-servers.sh: FerretDB did not start ($mongo)" >&2; exit 1; }
export "${kafka?}" "${mongo?}"
echo "with-servers.sh: $kafka, $mongo"
"$@"
