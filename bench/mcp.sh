#!/usr/bin/env bash
# MCP versus REST on the same capability: tools/call of chitty_registry_discover (JSON-RPC over the stateless
# Streamable HTTP transport at /mcp) versus GET /api/registry/services, both running direct:chittyregistry.list
# against the WireMock registry stand-in (registry cache off, so every call reaches the stand-in). Servers on
# CPU 0, wrk on CPU 1; loopback only; everything started here is stopped on exit. Prints a markdown table.
# Usage: bench/mcp.sh [seconds per run, default 20] [connections, default 16] [warm-up seconds, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-16}
warmup=${3:-40}
stand_in_port=18411
hub_port=18410
. bench/lib.sh

# wrk's summary as "req/s|p50|p99"; extra arguments go to wrk (e.g. -s script.lua)
measure() {
  local url=$1; shift
  taskset -c 1 wrk -t1 -c"$conns" -d"${warmup}s" -H "X-ChittyOS-API-Key: $key" "$@" "$url" >/dev/null
  taskset -c 1 wrk -t1 -c"$conns" -d"${secs}s" --latency -H "X-ChittyOS-API-Key: $key" "$@" "$url" > "$work/wrk.txt"
  if grep -q 'Non-2xx' "$work/wrk.txt"; then echo "non-2xx answers: $(grep Non-2xx "$work/wrk.txt")" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")|$(awk '$1=="50%" {print $2}' "$work/wrk.txt")|$(awk '$1=="99%" {print $2}' "$work/wrk.txt")"
}

taskset -c 0 java -Xmx256m -jar "$wiremock" --port "$stand_in_port" --bind-address 127.0.0.1 \
    --root-dir src/test/resources/standins/chittyregistry --no-request-journal --disable-request-logging \
    --async-response-enabled true > "$work/stand-in.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$stand_in_port/__admin/health"

HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=bench PORT=$hub_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
HUB_REGISTRY_CACHE_TTL=0 \
HUB_UPSTREAMS_SERVICES_CHITTYREGISTRY_BASE_URL=http://127.0.0.1:$stand_in_port \
HUB_UPSTREAMS_SERVICES_CHITTYREGISTRY_TOKEN=bench-token \
  taskset -c 0 java -Xms256m -Xmx512m -jar "$jar" \
    --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$work/hub.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$hub_port/actuator/health/readiness"
key=$(new_key "http://127.0.0.1:$hub_port" bench bench 1000000000)

# a JSON-RPC error would still be HTTP 200: check one answer is a successful tool result first
answer=$(curl -fs -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' --data "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p;s/^    \.\. '\(.*\)'$/\1/p" bench/mcp-tools-call.lua | tr -d '\n')" \
    "http://127.0.0.1:$hub_port/mcp")
echo "$answer" | grep -q '"isError":false' || { echo "tools/call did not succeed: $answer" >&2; exit 1; }

rest=$(measure "http://127.0.0.1:$hub_port/api/registry/services")
mcp=$(measure "http://127.0.0.1:$hub_port/mcp" -s bench/mcp-tools-call.lua)

row() { IFS='|' read -r r p50 p99 <<< "$2"; echo "| $1 | $r | $p50 | $p99 |"; }
echo "wrk -t1 -c$conns -d${secs}s after ${warmup}s of warm-up, servers on CPU 0, wrk on CPU 1, $(nproc) cores, $(date -u +%F)"
echo
echo "| door (direct:chittyregistry.list → stand-in) | req/s | p50 | p99 |"
echo "|---|---|---|---|"
row "REST: GET /api/registry/services" "$rest"
row "MCP: tools/call chitty_registry_discover" "$mcp"
