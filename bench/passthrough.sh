#!/usr/bin/env bash
# REST pass-through: one read through the hub versus the same WireMock stand-in called directly, and the hub with
# its rate limiter and circuit breaker on versus off. Servers share CPU 0, wrk runs on CPU 1; loopback only; bounded
# runs; everything started here is stopped on exit. Prints a markdown table.
# Usage: [BENCH_TARGET=registry|chittyid] bench/passthrough.sh [seconds per run, default 20] [connections, default 16]
#        [warm-up seconds, default 40]   (one core needs about a minute of load before the JIT has compiled the path)
# registry (default): GET /api/registry/services with the hub's registry cache off (HUB_REGISTRY_CACHE_TTL=0);
# chittyid: GET /api/chittyid/{id}.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-16}
warmup=${3:-40}
case ${BENCH_TARGET:-registry} in
  registry) service=chittyregistry; upstream_path=/api/services; hub_path=/api/registry/services ;;
  chittyid) service=chittyid; upstream_path=/v1/03-1-USA-5537-P-2602-0-38
            hub_path=/api/chittyid/03-1-USA-5537-P-2602-0-38 ;;
  *) echo "BENCH_TARGET must be registry or chittyid" >&2; exit 2 ;;
esac
service_env=$(echo "$service" | tr '[:lower:]' '[:upper:]')
stand_in_port=18401
hub_port=18400
management_port=18409
. bench/lib.sh

# wrk's summary as "req/s|p50|p99"
measure() {
  local url=$1 header=$2
  taskset -c 1 wrk -t1 -c"$conns" -d"${warmup}s" -H "$header" "$url" >/dev/null
  taskset -c 1 wrk -t1 -c"$conns" -d"${secs}s" --latency -H "$header" "$url" > "$work/wrk.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  if grep -q 'Non-2xx' "$work/wrk.txt"; then echo "non-2xx answers: $(grep Non-2xx "$work/wrk.txt")" >&2; exit 1; fi
  echo "$rps|$p50|$p99"
}

start_hub() {
  local limiter=$1 breakers=$2
  HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=bench PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
  HUB_RATE_LIMIT_ENABLED=$limiter HUB_BREAKERS_ENABLED=$breakers HUB_REGISTRY_CACHE_TTL=0 HUB_CONTEXT_INIT=false \
    env "HUB_UPSTREAMS_SERVICES_${service_env}_BASE_URL=http://127.0.0.1:$stand_in_port" \
    "HUB_UPSTREAMS_SERVICES_${service_env}_TOKEN=bench-token" \
    taskset -c 0 java -Xms256m -Xmx512m -jar "$jar" \
      --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$work/hub.log" 2>&1 &
  hub_pid=$!
  pids+=("$hub_pid")
  wait_for "http://127.0.0.1:$management_port/actuator/health/readiness"
  key=$(new_key "http://127.0.0.1:$management_port" bench bench 1000000000)
}

stop_hub() { kill "$hub_pid"; wait "$hub_pid" 2>/dev/null || true; }

taskset -c 0 java -Xmx256m -jar "$wiremock" --port "$stand_in_port" --bind-address 127.0.0.1 \
    --root-dir src/test/resources/standins/$service --no-request-journal --disable-request-logging \
    --async-response-enabled true > "$work/stand-in.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$stand_in_port/__admin/health"

direct=$(measure "http://127.0.0.1:$stand_in_port$upstream_path" "Authorization: Bearer bench-token")

start_hub true true
on=$(measure "http://127.0.0.1:$hub_port$hub_path" "X-ChittyOS-API-Key: $key")
memory=$(awk '/VmRSS/ {r = $2} /VmHWM/ {h = $2} END {printf "%.0f MB resident, %.0f MB at its peak", r / 1024, h / 1024}' \
    "/proc/$hub_pid/status")
stop_hub
start_hub false false
off=$(measure "http://127.0.0.1:$hub_port$hub_path" "X-ChittyOS-API-Key: $key")
stop_hub

rps() { echo "${1%%|*}"; }
ratio() { awk -v a="$(rps "$1")" -v b="$(rps "$direct")" 'BEGIN {printf "%.2f", a / b}'; }
row() { IFS='|' read -r r p50 p99 <<< "$2"; echo "| $1 | $r | $p50 | $p99 | $3 |"; }

echo "GET $hub_path, wrk -t1 -c$conns -d${secs}s after ${warmup}s of warm-up, servers on CPU 0, wrk on CPU 1, $(nproc) cores, $(date -u +%F)"
echo
echo "| target | req/s | p50 | p99 | ÷ direct |"
echo "|---|---|---|---|---|"
row "stand-in directly (WireMock)" "$direct" "1.00"
row "hub, limiter + breaker on" "$on" "$(ratio "$on")"
row "hub, limiter + breaker off" "$off" "$(ratio "$off")"
echo
awk -v on="$(rps "$on")" -v off="$(rps "$off")" \
    'BEGIN {printf "limiter + breaker cost: %.1f %% of throughput\n", (off - on) / off * 100}'
echo "hub memory after the limiter-on run (-Xmx512m): $memory"
