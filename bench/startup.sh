#!/usr/bin/env bash
# Start to ready and resident memory of the packaged hub on embedded PostgreSQL and Kafka.
# Usage: bench/startup.sh [runs] [fat|extracted|cds]
#   fat        java -jar on the Spring Boot fat jar
#   extracted  the jar extracted by Spring Boot's jarmode tools (plain class path, no nested jars)
#   cds        extracted, plus an AppCDS archive made by a training run that stops after refresh
# STARTUP_PORT=<port> moves the hub's public port (default 18300; its management port is +9); BENCH_JAR=<jar> measures another build.
# Loopback only; stops what it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
mode=${2:-fat}
jar=${BENCH_JAR:-target/chittyconnect-hub-0.1.0-SNAPSHOT.jar}
[ -f "$jar" ] || mvn -q -B -DskipTests package
port=${STARTUP_PORT:-18300}
management_port=$((port + 9))
data=$(mktemp -d /tmp/hub-startup.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT

launch=(java -jar "$jar")
if [ "$mode" != fat ]; then
  java -Djarmode=tools -jar "$jar" extract --destination "$data/app" >/dev/null
  launch=(java -jar "$data/app/$(basename "$jar")")
fi
if [ "$mode" = cds ]; then
  HUB_DATA_DIR=$data/training HUB_OPERATOR_PASSWORD=bench PORT=$port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
    java -XX:ArchiveClassesAtExit="$data/app.jsa" -Dspring.context.exit=onRefresh -jar "$data/app/$(basename "$jar")" \
      --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$data/training.log" 2>&1
  launch=(java -XX:SharedArchiveFile="$data/app.jsa" -jar "$data/app/$(basename "$jar")")
fi

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
# CPU seconds (utime + stime, and those of reaped children such as initdb) of one process, from /proc/<pid>/stat
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / hz}' "/proc/$1/stat"; }

for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  HUB_DATA_DIR=$data/hub HUB_OPERATOR_PASSWORD=bench PORT=$port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true "${launch[@]}" \
      --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$data/run-$run.log" 2>&1 &
  pid=$!
  # the banner first (a file read), then readiness: polling the actuator 20 times a second through the whole start
  # would load the hub with requests (on a busy machine as much CPU as its main thread spent meanwhile)
  until grep -q 'is ready (' "$data/run-$run.log" 2>/dev/null \
      && curl -fs "http://127.0.0.1:$management_port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "hub exited; see $data/run-$run.log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  jvm_cpu=$(cpu_s "$pid")
  pg_pids=$(pgrep -f "postgres -D $data" || true)
  pg_rss=$(for p in $pg_pids; do rss_mb "$p"; echo; done | awk '{s+=$1} END {print s+0}')
  pg_cpu=$(for p in $pg_pids; do cpu_s "$p"; echo; done | awk '{s+=$1} END {printf "%.2f", s}')
  echo "$mode run $run ($( [ "$run" = 1 ] && echo 'empty data dir' || echo 'existing data' )): ready in ${ready_ms} ms" \
    "($(grep -o 'is ready ([0-9.]* s)' "$data/run-$run.log" || echo 'no banner')); CPU ${jvm_cpu} s JVM + ${pg_cpu} s" \
    "PostgreSQL; JVM RSS $(rss_mb "$pid") MB; PostgreSQL RSS ${pg_rss} MB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
done
