#!/usr/bin/env bash
# Runs a command with real servers on 127.0.0.1: a Kafka broker (Maven Central, KRaft), FerretDB (MongoDB wire
# protocol, built from the Go module proxy) and Keycloak (Maven Central, the alveole realm), fetched once into
# .cache/servers/, stopped afterwards; and Mustang, the Factur-X validator (a jar from Maven Central, no server).
# Usage: bash scripts/servers/with-servers.sh npm test
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
logs="$(mktemp -d)"

stop() {
  bash "$here/kafka/stop.sh" >/dev/null 2>&1 || true
  bash "$here/ferretdb/stop.sh" >/dev/null 2>&1 || true
  bash "$here/keycloak/stop.sh" >/dev/null 2>&1 || true
  rm -rf "$logs"
}
trap stop EXIT

# Keycloak takes the longest (one to two minutes): started first, in the background, while the others start.
bash "$here/keycloak/start.sh" >"$logs/keycloak.out" 2>"$logs/keycloak.err" &
keycloak_pid=$!

# Only the address lines: Maven may leave colour codes on stdout before them.
kafka="$(bash "$here/kafka/start.sh" | grep -o 'KAFKA_BROKERS=[^[:space:]]*' | tail -n 1)"
mongo="$(bash "$here/ferretdb/start.sh" | grep -o 'MONGODB_URL=[^[:space:]]*' | tail -n 1)"
[[ "$kafka" == KAFKA_BROKERS=* ]] || { echo "with-servers.sh: Kafka did not start ($kafka)" >&2; exit 1; }
[[ "$mongo" == MONGODB_URL=* ]] || { echo "with-servers.sh: FerretDB did not start ($mongo)" >&2; exit 1; }
if ! wait "$keycloak_pid"; then
  echo "with-servers.sh: Keycloak did not start:" >&2
  cat "$logs/keycloak.err" >&2
  exit 1
fi
issuer="$(grep -o 'OIDC_ISSUER=[^[:space:]]*' "$logs/keycloak.out" | tail -n 1)"
[[ "$issuer" == OIDC_ISSUER=* ]] || { echo "with-servers.sh: Keycloak printed no issuer" >&2; cat "$logs/keycloak.err" >&2; exit 1; }
keycloak="KEYCLOAK_URL=${issuer#OIDC_ISSUER=}"
keycloak="${keycloak%/realms/alveole}"
# The invoice documents' validation test is skipped, saying so, without it.
bash "$here/mustang/fetch.sh" >/dev/null || echo "with-servers.sh: Mustang not fetched, the Factur-X validation test will be skipped" >&2
export "${kafka?}" "${mongo?}" "${keycloak?}"
echo "with-servers.sh: $kafka, $mongo, $keycloak"
"$@"
