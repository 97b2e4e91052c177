#!/usr/bin/env bash
# A real single-node KRaft Kafka broker for machines without Docker, built only
# from Maven Central jars (fetched once with mvn into a cache folder).
#
# Usage: docker/kafka-local.sh start|stop|run|status
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
#   KAFKA_LOCAL_DATA (./data/kafka-local), KAFKA_LOCAL_HOME (~/.cache/chittyconnect/kafka-local)
set -euo pipefail

KAFKA_VERSION=4.1.1
# Kafka 4.x logs through slf4j 1.7 into log4j2 (log4j-core comes with it); this is
# the same binding Kafka's own distribution ships.
LOG4J_VERSION=2.24.3

HOME_DIR="${KAFKA_LOCAL_HOME:-$HOME/.cache/chittyconnect/kafka-local}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
DATA_DIR="${KAFKA_LOCAL_DATA:-./data/kafka-local}"
LIB="$HOME_DIR/lib"
RUN_DIR="$HOME_DIR/run-$PORT"   # one broker per port: config, pid and log live here
PID_FILE="$RUN_DIR/kafka.pid"
LOG_FILE="$RUN_DIR/kafka.log"
CONFIG="$RUN_DIR/server.properties"
JAVA=(java -Dlog4j2.configurationFile="$RUN_DIR/log4j2.properties" -cp "$LIB/*")

die() { echo "kafka-local: $*" >&2; exit 1; }

port_open() { (: </dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; }

running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid=$(<"$PID_FILE")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

fetch_jars() {
  local marker="$LIB/.kafka-$KAFKA_VERSION-log4j-$LOG4J_VERSION"
  [[ -f "$marker" ]] && return 0
  command -v mvn >/dev/null || die "mvn is needed to fetch Kafka from Maven Central"
  mkdir -p "$HOME_DIR"
  cat >"$HOME_DIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>kafka-local</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>$LOG4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  echo "kafka-local: fetching Kafka $KAFKA_VERSION jars into $LIB" >&2
  rm -rf "$LIB"
  mvn -B -f "$HOME_DIR/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIB" >"$HOME_DIR/fetch.log" 2>&1 ||
    { tail -n 30 "$HOME_DIR/fetch.log" >&2; die "fetching jars failed, log: $HOME_DIR/fetch.log"; }
  touch "$marker"
}

write_config() {
  mkdir -p "$RUN_DIR" "$DATA_DIR"
  DATA_DIR=$(cd "$DATA_DIR" && pwd)
  cat >"$CONFIG" <<EOF
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
broker.session.timeout.ms=3000
# the default 128 MiB cleaner buffer is most of a small heap
log.cleaner.dedupe.buffer.size=8388608
EOF
  cat >"$RUN_DIR/log4j2.properties" <<'EOF'
rootLogger.level=${sys:kafka.local.log.level:-INFO}
rootLogger.appenderRef.out.ref=out
appender.out.type=Console
appender.out.name=out
appender.out.target=SYSTEM_ERR
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=[%d] %p %m (%c)%n
EOF
}

format_once() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local cluster_id
  cluster_id=$("${JAVA[@]}" -Dkafka.local.log.level=WARN kafka.tools.StorageTool random-uuid)
  "${JAVA[@]}" -Dkafka.local.log.level=WARN kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG" --ignore-formatted >&2
}

prepare() {
  local pid
  if pid=$(running_pid); then die "already running on 127.0.0.1:$PORT (pid $pid)"; fi
  port_open && die "port $PORT is already taken by another process"
  fetch_jars
  write_config
  format_once
}

cmd_run() {
  prepare
  echo $$ >"$PID_FILE"
  exec "${JAVA[@]}" -Xmx512m kafka.Kafka "$CONFIG"
}

cmd_start() {
  prepare
  nohup "${JAVA[@]}" -Xmx512m kafka.Kafka "$CONFIG" >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  local pid=$! i
  for ((i = 0; i < 600; i++)); do
    port_open && { echo "127.0.0.1:$PORT"; return 0; }
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG_FILE" >&2; die "broker exited, log: $LOG_FILE"; }
    sleep 0.1
  done
  die "port $PORT not open after 60 s, log: $LOG_FILE"
}

cmd_stop() {
  local pid i
  pid=$(running_pid) || { echo "kafka-local: not running"; rm -f "$PID_FILE"; return 0; }
  kill "$pid"
  # a controlled shutdown flushes the logs; give it time before forcing
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; echo "kafka-local: stopped"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  echo "kafka-local: killed after 30 s"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    echo "running: pid $pid, bootstrap 127.0.0.1:$PORT"
  else
    echo "not running"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  run) cmd_run ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|run|status" >&2; exit 2 ;;
esac
