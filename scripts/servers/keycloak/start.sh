#!/usr/bin/env bash
# Starts a throwaway Keycloak (start-dev, H2 file database) on 127.0.0.1 for tests, without Docker, with the realm
# `alveole` imported from realm-alveole.json.
# Usage: scripts/servers/keycloak/start.sh          (KEYCLOAK_PORT, default 18080)
#        KEYCLOAK_KEEP_DATA=1 scripts/servers/keycloak/start.sh
#          restarts on the database of the previous start for that port (the realm is then not imported again);
#          without it (the default) each start wipes the database and imports the realm afresh.
# Needs Java 21+: KEYCLOAK_JAVA_HOME, else JAVA_HOME or the `java` on PATH if 21+, else the newest /usr/lib/jvm/* 21+.
# The master realm's admin: KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD (default admin / admin).
# Prints OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET once the realm's discovery document answers.
# Stop it with stop.sh (same KEYCLOAK_PORT).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/scripts/servers/keycloak"
CACHE="$ROOT/.cache/servers/keycloak"
REALM_FILE="$HERE/realm-alveole.json"
PORT="${KEYCLOAK_PORT:-18080}"
TIMEOUT="${KEYCLOAK_START_TIMEOUT:-240}"
RUN="$CACHE/run-$PORT"
DATA="$CACHE/data-$PORT"
PIDFILE="$RUN/keycloak.pid"
ISSUER="http://127.0.0.1:$PORT/realms/alveole"

# The discovery document of the imported realm, not the port: Keycloak listens before the realm is imported.
ready() { curl -fsS --max-time 3 "$ISSUER/.well-known/openid-configuration" 2>/dev/null | grep -qF "\"issuer\":\"$ISSUER\""; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The client the tests log in with, read from the realm file so that it is written once.
announce() {
  echo "OIDC_ISSUER=$ISSUER"
  node -e '
    const { clients } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const api = clients.find((c) => c.clientId === "alveole-api");
    console.log(`OIDC_CLIENT_ID=${api.clientId}\nOIDC_CLIENT_SECRET=${api.secret}`);
  ' "$REALM_FILE"
}

java_major() {
  local v
  v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  v="${v#1.}"
  echo "${v%%[!0-9]*}"
}
is_jdk21() { [[ -n "$1" && -x "$1/bin/java" ]] && (($(java_major "$1") >= 21)); }

find_java_home() {
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    is_jdk21 "$KEYCLOAK_JAVA_HOME" && { echo "$KEYCLOAK_JAVA_HOME"; return; }
    echo "start.sh: KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME is not a Java 21+ home (no bin/java, or an older version)" >&2
    return 1
  fi
  if is_jdk21 "${JAVA_HOME:-}"; then echo "$JAVA_HOME"; return; fi
  local on_path best="" best_major=0 home major
  if on_path="$(command -v java)"; then
    home="$(dirname "$(dirname "$(readlink -f "$on_path")")")"
    if is_jdk21 "$home"; then echo "$home"; return; fi
  fi
  for home in /usr/lib/jvm/*; do
    [[ -x "$home/bin/java" && ! -L "$home" ]] || continue
    major="$(java_major "$home")"
    if ((major >= 21 && major > best_major)); then best="$home" best_major="$major"; fi
  done
  [[ -n "$best" ]] && { echo "$best"; return; }
  echo "start.sh: Keycloak needs Java 21 or later, and none was found (JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
  echo "start.sh: install one (e.g. apt-get install openjdk-21-jdk-headless) or set KEYCLOAK_JAVA_HOME to its home" >&2
  return 1
}

if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  if ready; then announce; exit 0; fi
  echo "start.sh: a Keycloak (pid $(cat "$PIDFILE")) is already running for port $PORT but does not answer; run stop.sh first" >&2
  exit 1
fi
if port_open "$PORT"; then echo "start.sh: port $PORT on 127.0.0.1 is already in use; choose another KEYCLOAK_PORT" >&2; exit 1; fi

JAVA_HOME="$(find_java_home)"
export JAVA_HOME
"$HERE/fetch.sh"
KC_HOME="$(echo "$CACHE"/dist/keycloak-*)"

if [[ "${KEYCLOAK_KEEP_DATA:-0}" == 1 ]]; then
  # A restart: the previous run's log is kept too (appended), to read both sides of the restart.
  rm -f "$PIDFILE"
else
  # A fresh database each start: the server is for tests, nothing in it is meant to survive.
  rm -rf "$DATA" "$RUN"
fi
mkdir -p "$DATA" "$RUN/logs"
# --import-realm reads the distribution's data/import only: it holds this realm file and nothing else.
rm -rf "$KC_HOME/data/import"
mkdir -p "$KC_HOME/data/import"
cp "$REALM_FILE" "$KC_HOME/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
echo "start.sh: starting Keycloak on 127.0.0.1:$PORT with Java $(java_major "$JAVA_HOME") ($JAVA_HOME)" >&2
# Its own session, so that stop.sh can end the launcher script and its JVM together.
# --hostname fixes the issuer, whatever host name a client uses to reach it.
setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 --http-port="$PORT" --hostname="http://127.0.0.1:$PORT" \
  --db=dev-file --db-url="jdbc:h2:file:$DATA/keycloakdb;NON_KEYWORDS=VALUE" \
  --import-realm \
  >>"$RUN/logs/stdout.log" 2>&1 </dev/null &
echo $! >"$PIDFILE"
PID="$(cat "$PIDFILE")"

deadline=$((SECONDS + TIMEOUT))
until ready; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "start.sh: Keycloak (pid $PID) exited while starting; last lines of its log:" >&2
    tail -n 30 "$RUN/logs/stdout.log" >&2 || true
    rm -f "$PIDFILE"
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "start.sh: Keycloak (pid $PID) did not serve $ISSUER within ${TIMEOUT}s; see $RUN/logs/stdout.log (stop it with stop.sh)" >&2
    exit 1
  fi
  sleep 1
done
announce
