#!/usr/bin/env bash
# Start to ready and resident memory of the packaged hub on embedded PostgreSQL and Kafka.
# Usage: bench/startup.sh [runs]   (builds the jar if missing; loopback only; stops what it starts)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/chittyconnect-hub-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
port=18300
data=$(mktemp -d /tmp/hub-startup.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  HUB_DATA_DIR=$data HUB_OPERATOR_PASSWORD=bench PORT=$port java -jar "$jar" \
      --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$data/run-$run.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "hub exited; see $data/run-$run.log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  pg_rss=$(pgrep -f "postgres -D $data" | while read -r p; do rss_mb "$p"; echo; done | awk '{s+=$1} END {print s+0}')
  echo "run $run ($( [ "$run" = 1 ] && echo 'empty data dir' || echo 'existing data' )): ready in ${ready_ms} ms; JVM RSS $(rss_mb "$pid") MB; PostgreSQL RSS ${pg_rss} MB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
