#!/usr/bin/env bash
# Stops a server started by one of the start.sh scripts, by the pid file it wrote: SIGTERM, then SIGKILL after
# TIMEOUT seconds. Usage: stop-process.sh NAME PIDFILE TIMEOUT [--group]
#   --group   signals the pid's whole process group (a launcher script and the JVM it started)
set -euo pipefail
NAME="$1" PIDFILE="$2" TIMEOUT="$3" GROUP="${4:-}"

if [[ ! -f "$PIDFILE" ]]; then echo "stop.sh: no $NAME started ($PIDFILE)" >&2; exit 0; fi
PID="$(cat "$PIDFILE")"
TARGET="$PID"
[[ "$GROUP" == --group ]] && TARGET="-$PID"
if ! kill -0 -- "$TARGET" 2>/dev/null; then rm -f "$PIDFILE"; echo "stop.sh: $NAME (pid $PID) was not running" >&2; exit 0; fi

kill -TERM -- "$TARGET" 2>/dev/null || kill -TERM "$PID"
deadline=$((SECONDS + TIMEOUT))
while kill -0 -- "$TARGET" 2>/dev/null; do
  if ((SECONDS >= deadline)); then
    echo "stop.sh: $NAME (pid $PID) still running after ${TIMEOUT}s; sending SIGKILL" >&2
    kill -KILL -- "$TARGET" 2>/dev/null || true
    break
  fi
  sleep 0.2
done
rm -f "$PIDFILE"
echo "stop.sh: $NAME stopped" >&2
