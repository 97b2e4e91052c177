#!/usr/bin/env bash
# Public /health under load: one hub (the packaged jar, or the jar named as $1, prod profile, embedded PostgreSQL
# and Kafka), then wrk -t1 -c32 -d10s on GET /health after a short warm-up. Prints wrk's summary and the number of
# SQL statements PostgreSQL ran during the measured run (pg_stat_database's xact_commit delta is not reachable
# from the jar, so the hub's own JDBC pool metric is read instead: hikaricp_connections_usage_seconds_count).
# Loopback only; everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
hub_port=18450
. bench/lib.sh
jar=${1:-$jar}

HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=bench PORT=$hub_port SPRING_PROFILES_ACTIVE=prod HUB_CONTEXT_INIT=false \
  java -Xms256m -Xmx512m -jar "$jar" --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 \
  > "$work/hub.log" 2>&1 &
pids+=($!)
# a busy machine can take minutes to start the hub; lib.sh's wait_for gives up after one
for _ in $(seq 1 3000); do curl -fs "http://127.0.0.1:$hub_port/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.2; done
pool_uses() {
  curl -fs -u operator:bench "http://127.0.0.1:$hub_port/actuator/prometheus" \
    | awk '/^hikaricp_connections_usage_seconds_count/ {print $2}'
}
wrk -t1 -c32 -d5s "http://127.0.0.1:$hub_port/health" > /dev/null
before=$(pool_uses)
wrk -t1 -c32 -d10s --latency "http://127.0.0.1:$hub_port/health"
after=$(pool_uses)
echo "database connections borrowed during the run: $(awk -v a="$after" -v b="$before" 'BEGIN {print a - b}')"
