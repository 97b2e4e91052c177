#!/usr/bin/env bash
# Public /health next to the REST pass-through, in one run on one hub (the packaged jar, or the jar named as $1;
# prod profile, embedded PostgreSQL and Kafka, -Xmx512m), servers on CPU 0 and wrk -t1 -c32 on CPU 1: after a
# warm-up of each, [rounds] rounds of [seconds] on GET /health then on GET /api/registry/services (API key, limiter,
# breaker on, registry cache off, WireMock stand-in as ChittyRegistry). Prints req/s, p50, p99 and the hub's CPU µs
# per request (utime + stime of the JVM, its in-process Kafka included, over the measured window ÷ requests) for
# each round, the ratio /health ÷ pass-through of the median rates, the JDBC connections borrowed during the /health
# rounds (hikaricp_connections_usage_seconds_count; a query per call would show here) and the hub's resident
# memory after start and after the load.
# Usage: bench/health.sh [jar] [seconds, default 10] [rounds, default 3] [warm-up seconds, default 20]
# Loopback only; everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
hub_port=18450
management_port=18459
stand_in_port=18451
. bench/lib.sh
jar=${1:-$jar}
secs=${2:-10}
rounds=${3:-3}
warmup=${4:-20}

cpu_ticks() { awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

taskset -c 0 java -Xmx256m -jar "$wiremock" --port "$stand_in_port" --bind-address 127.0.0.1 \
    --root-dir src/test/resources/standins/chittyregistry --no-request-journal --disable-request-logging \
    --async-response-enabled true > "$work/stand-in.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$stand_in_port/__admin/health"

HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=bench PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
  HUB_CONTEXT_INIT=false HUB_REGISTRY_CACHE_TTL=0 \
  HUB_UPSTREAMS_SERVICES_CHITTYREGISTRY_BASE_URL="http://127.0.0.1:$stand_in_port" \
  HUB_UPSTREAMS_SERVICES_CHITTYREGISTRY_TOKEN=bench-token \
  taskset -c 0 java -Xms256m -Xmx512m -jar "$jar" --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 \
  > "$work/hub.log" 2>&1 &
hub=$!
pids+=($hub)
# a busy machine can take minutes to start the hub
wait_for "http://127.0.0.1:$management_port/actuator/health/readiness" 600
echo "hub resident after start: $(rss_mb $hub) MB"
key=$(new_key "http://127.0.0.1:$management_port" bench bench 1000000000 '["registry:read"]')

pool_uses() {
  curl -fs -u operator:bench "http://127.0.0.1:$management_port/actuator/prometheus" \
    | awk '/^hikaricp_connections_usage_seconds_count/ {print $2}'
}
# one wrk run on CPU 1; prints "req/s p50 p99 cpu-µs-per-request"
measure() {
  local path=$1 secs=$2 before after
  before=$(cpu_ticks $hub)
  taskset -c 1 wrk -t1 -c32 -d"${secs}s" --latency -H "X-ChittyOS-API-Key: $key" "http://127.0.0.1:$hub_port$path" \
    > "$work/wrk.txt"
  after=$(cpu_ticks $hub)
  if grep -q 'Non-2xx' "$work/wrk.txt"; then echo "non-2xx answers on $path: $(grep Non-2xx "$work/wrk.txt")" >&2; fi
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
    /requests in/ {n = $1}
    END {printf "%s %s %s %.0f\n", rps, p50, p99, ticks / hz * 1e6 / n}' "$work/wrk.txt"
}

measure /health "$warmup" > /dev/null
measure /api/registry/services "$warmup" > /dev/null
pool_before=$(pool_uses)
printf '%-26s %10s %9s %9s %12s\n' target req/s p50 p99 'CPU µs/req'
: > "$work/health.txt"; : > "$work/rest.txt"
for round in $(seq 1 "$rounds"); do
  measure /health "$secs" | tee -a "$work/health.txt" | awk '{printf "%-26s %10s %9s %9s %12s\n", "GET /health", $1, $2, $3, $4}'
  measure /api/registry/services "$secs" | tee -a "$work/rest.txt" \
    | awk '{printf "%-26s %10s %9s %9s %12s\n", "REST pass-through", $1, $2, $3, $4}'
done
pool_after=$(pool_uses)
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
health_rps=$(awk '{print $1}' "$work/health.txt" | median)
rest_rps=$(awk '{print $1}' "$work/rest.txt" | median)
echo "median req/s: /health $health_rps, pass-through $rest_rps; ratio $(awk -v h="$health_rps" -v r="$rest_rps" 'BEGIN {printf "%.1f", h / r}')"
echo "database connections borrowed during the measured rounds: $(awk -v a="$pool_after" -v b="$pool_before" 'BEGIN {print a - b}')"
echo "hub resident after the load: $(rss_mb $hub) MB"
