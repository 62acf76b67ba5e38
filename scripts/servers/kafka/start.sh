#!/usr/bin/env bash
# Starts a throwaway single-node Apache Kafka broker (KRaft combined mode) on 127.0.0.1 for tests, without Docker.
# Usage: scripts/servers/kafka/start.sh            (KAFKA_PORT, default 19092; the controller takes KAFKA_PORT+1)
#        KAFKA_KEEP_DATA=1 scripts/servers/kafka/start.sh
#          restarts on the data directory and cluster of the previous start for that port (topics, offsets and
#          producer state survive), as after a broker restart in production; formats it only if it never was.
#          Without it (the default) each start wipes the data directory and formats a new cluster.
# Prints KAFKA_BROKERS=127.0.0.1:PORT once a client can list topics. Stop it with stop.sh (same KAFKA_PORT).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/scripts/servers/kafka"
CACHE="$ROOT/.cache/servers/kafka"
PORT="${KAFKA_PORT:-19092}"
CPORT="$((PORT + 1))"
TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
RUN="$CACHE/run-$PORT"
DATA="$CACHE/data-$PORT"
PIDFILE="$RUN/kafka.pid"

ready() {
  # The port accepting is not enough: the broker must answer metadata requests (controller elected, broker registered).
  (cd "$ROOT" && node -e '
    const { Kafka, logLevel } = require("kafkajs");
    const admin = new Kafka({ brokers: [process.argv[1]], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000, requestTimeout: 3000 }).admin();
    admin.connect().then(() => admin.listTopics()).then(() => admin.disconnect()).then(() => process.exit(0), () => process.exit(1));
  ' "127.0.0.1:$PORT") >/dev/null 2>&1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  if ready; then echo "KAFKA_BROKERS=127.0.0.1:$PORT"; exit 0; fi
  echo "start.sh: a broker (pid $(cat "$PIDFILE")) is already running for port $PORT but does not answer; run stop.sh first" >&2
  exit 1
fi
for p in "$PORT" "$CPORT"; do
  if port_open "$p"; then echo "start.sh: port $p on 127.0.0.1 is already in use; choose another KAFKA_PORT" >&2; exit 1; fi
done

"$HERE/fetch.sh"
CP="$CACHE/lib/*"

KEEP_DATA="${KAFKA_KEEP_DATA:-0}"
if [[ "$KEEP_DATA" == 1 ]]; then
  # A restart: the previous run's logs are kept too (log4j appends), to read both sides of the restart.
  rm -f "$PIDFILE"
else
  # A fresh log directory each start: the broker is for tests, nothing in it is meant to survive.
  rm -rf "$DATA" "$RUN"
fi
mkdir -p "$DATA" "$RUN/logs"

cat > "$RUN/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$CPORT
log.dirs=$DATA
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are created on purpose (the relay and the tests create theirs): a typo must not create one silently.
auto.create.topics.enable=false
PROPS

cat > "$RUN/log4j2.properties" <<LOG
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $RUN/logs/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = INFO
LOG

JAVA_LOG=(-Dlog4j2.configurationFile="$RUN/log4j2.properties" -Dkafka.logs.dir="$RUN/logs")
# meta.properties is written by the format: a kept directory that has it already belongs to a cluster.
if [[ ! -f "$DATA/meta.properties" ]]; then
  CLUSTER_ID="$(java "${JAVA_LOG[@]}" -cp "$CP" kafka.tools.StorageTool random-uuid)"
  java "${JAVA_LOG[@]}" -cp "$CP" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$RUN/server.properties" --standalone >"$RUN/logs/format.log" 2>&1 \
    || { echo "start.sh: formatting the KRaft storage failed:" >&2; cat "$RUN/logs/format.log" >&2; exit 1; }
fi

nohup java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true "${JAVA_LOG[@]}" -cp "$CP" kafka.Kafka "$RUN/server.properties" \
  >"$RUN/logs/stdout.log" 2>&1 </dev/null &
echo $! >"$PIDFILE"
PID="$(cat "$PIDFILE")"

deadline=$((SECONDS + TIMEOUT))
until port_open "$PORT" && ready; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "start.sh: the Kafka broker (pid $PID) exited while starting; last lines of its logs:" >&2
    tail -n 30 "$RUN/logs/stdout.log" "$RUN/logs/server.log" >&2 || true
    rm -f "$PIDFILE"
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "start.sh: the Kafka broker (pid $PID) did not answer on 127.0.0.1:$PORT within ${TIMEOUT}s; see $RUN/logs/server.log (stop it with stop.sh)" >&2
    exit 1
  fi
  sleep 0.5
done
echo "KAFKA_BROKERS=127.0.0.1:$PORT"
