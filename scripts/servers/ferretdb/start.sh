#!/usr/bin/env bash
# Starts FerretDB v1 (SQLite handler) on 127.0.0.1 for the tests that need a real MongoDB-wire server,
# building it first if needed (Go; modules from the Go module proxy) into .cache/servers/ferretdb/.
#
#   eval "$(scripts/servers/ferretdb/start.sh)"     # sets MONGODB_URL
#   MONGODB_URL=… npx jest test/contract/read-store.mongo
#   scripts/servers/ferretdb/stop.sh [--wipe]
#
# Prints only `MONGODB_URL=mongodb://127.0.0.1:PORT/` on stdout (progress goes to stderr). Already running on
# that port (its PID file names a live process that answers): prints the URL again and exits 0.
# Environment:
#   FERRETDB_PORT           port, default 27017
#   FERRETDB_DATA_DIR       directory of the SQLite files, default .cache/servers/ferretdb/data-PORT
#   FERRETDB_START_TIMEOUT  seconds to wait for the server to answer a ping, default 30
#   FERRETDB_DEBUG=1        log at debug level (log: .cache/servers/ferretdb/ferretdb-PORT.log)
# Telemetry: the embedded FerretDB package never starts its reporter and locks telemetry off.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
version="v1.24.2" # keep in step with go.mod
cache="$root/.cache/servers/ferretdb"
binary="$cache/ferretdb-$version"
port="${FERRETDB_PORT:-27017}"
data="${FERRETDB_DATA_DIR:-$cache/data-$port}"
timeout="${FERRETDB_START_TIMEOUT:-30}"
pidfile="$cache/ferretdb-$port.pid"
log="$cache/ferretdb-$port.log"
url="mongodb://127.0.0.1:$port/"

say() { echo "ferretdb: $*" >&2; }
fail() { say "error: $*"; exit 1; }

[[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || fail "FERRETDB_PORT must be a port number, got '$port'"
[[ "$timeout" =~ ^[0-9]+$ ]] || fail "FERRETDB_START_TIMEOUT must be a number of seconds, got '$timeout'"
command -v node >/dev/null || fail "node is needed to check that the server answers"
[[ -d "$root/node_modules/mongodb" ]] || fail "the project's node_modules/mongodb is missing: run npm install first"

# Answers 0 when a server on the port answers a MongoDB ping within a second or two.
ping_server() {
  (cd "$root" && node -e '
    const { MongoClient } = require("mongodb");
    const client = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 1500, connectTimeoutMS: 1500 });
    client.db("admin").command({ ping: 1 })
      .then((reply) => process.exit(reply.ok === 1 ? 0 : 1), () => process.exit(1))
      .finally(() => client.close());
  ' "$url") >/dev/null 2>&1
}

alive() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

mkdir -p "$cache"

if alive; then
  ping_server || fail "PID $(cat "$pidfile") from $pidfile is alive but $url does not answer (see $log)"
  say "already running (PID $(cat "$pidfile"))"
  echo "MONGODB_URL=$url"
  exit 0
fi
rm -f "$pidfile"

# Build once; again only when the Go sources change.
if [[ ! -x "$binary" || "$here/main.go" -nt "$binary" || "$here/go.mod" -nt "$binary" || "$here/go.sum" -nt "$binary" ]]; then
  command -v go >/dev/null || fail "Go is needed to build FerretDB $version (go.mod: $here/go.mod)"
  say "building FerretDB $version into $binary (first time: a few minutes)…"
  started=$SECONDS
  (cd "$here" && GOFLAGS=-mod=readonly go build -trimpath -o "$binary.tmp" .) >&2 || fail "go build failed"
  mv -f "$binary.tmp" "$binary"
  say "built in $((SECONDS - started)) s"
fi

# Something else on the port? (bash's /dev/tcp: a connection that opens means it is taken.)
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  fail "port $port on 127.0.0.1 is already in use by another process: choose another with FERRETDB_PORT"
fi

mkdir -p "$data"
args=(-listen-addr="127.0.0.1:$port" -sqlite-dir="$data")
[[ "${FERRETDB_DEBUG:-}" == 1 ]] && args+=(-debug)
nohup "$binary" "${args[@]}" >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pidfile"

deadline=$((SECONDS + timeout))
until ping_server; do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$pidfile"
    tail -n 20 "$log" >&2 || true
    fail "FerretDB exited during start-up (log: $log)"
  fi
  if ((SECONDS >= deadline)); then
    kill "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    tail -n 20 "$log" >&2 || true
    fail "FerretDB did not answer a ping on $url within ${timeout} s (log: $log)"
  fi
  sleep 0.3
done

say "ready on $url (PID $pid, data in $data, log $log)"
echo "MONGODB_URL=$url"
