#!/usr/bin/env bash
# Two hub instances on one standalone Kafka (docker/kafka-local.sh) and one PostgreSQL (the machine's, database
# hub_two, or TWO_INSTANCES_DB): one global rate limit, one idempotency store, MCP served by either instance, resource
# subscriptions (an SSE session, a 2025-11-25 Streamable HTTP session) on one instance told of a change the other
# instance found, and the webhook
# consumer group rebalancing when an instance is killed, with no webhook lost. Each check prints ok/FAIL and the
# script ends in a PASS/FAIL line. Loopback only; bounded; stops what it starts. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

# TWO_INSTANCES_PORTS=<base> moves every port to base .. base+5 (Kafka on base+4 and base+5)
base=${TWO_INSTANCES_PORTS:-18600}
db=${TWO_INSTANCES_DB:-hub_two}
kafka_port=19092
[ -z "${TWO_INSTANCES_PORTS:-}" ] || kafka_port=$((base + 4))
stand_in_port=$((base + 2))
github_port=$((base + 3))
secret=two-webhook-secret
ports=($base $((base + 1)))
# their management ports (admin API, actuator)
management_ports=($((base + 6)) $((base + 7)))
hubs=()
failures=()
check() { if eval "$2"; then echo "  ok   $1"; else echo "  FAIL $1"; failures+=("$1"); fi; }

export KAFKA_PORT=$kafka_port KAFKA_CONTROLLER_PORT=$((kafka_port + 1)) KAFKA_LOCAL_DATA=$work/kafka
docker/kafka-local.sh start >/dev/null
trap 'docker/kafka-local.sh stop >/dev/null 2>&1 || true; cleanup' EXIT
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1

java -Xmx128m -jar "$wiremock" --port "$stand_in_port" --bind-address 127.0.0.1 \
    --root-dir src/test/resources/standins/chittyid --disable-request-logging > "$work/stand-in.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$stand_in_port/__admin/health"
python3 bench/drills/github_recorder.py "$github_port" > "$work/github.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$github_port/health"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/app.pem" 2>/dev/null

start_hub() {
  local i=$1
  HUB_DATA_DIR=$work/hub-$i HUB_OPERATOR_PASSWORD=two PORT=${ports[$i]} HUB_MANAGEMENT_PORT=${management_ports[$i]} SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
  JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATASOURCE_USERNAME=postgres \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port HUB_RATE_LIMIT_STORE=postgres HUB_CONTEXT_INIT=false \
  HUB_UPSTREAMS_SERVICES_CHITTYID_BASE_URL=http://127.0.0.1:$stand_in_port HUB_UPSTREAMS_SERVICES_CHITTYID_TOKEN=two \
  GITHUB_WEBHOOK_SECRET=$secret GITHUB_APP_ID=1 GITHUB_APP_PK="$(cat "$work/app.pem")" GITHUB_REDELIVERY_INTERVAL=0 \
  GITHUB_API_URL=http://127.0.0.1:$github_port CHITTYCHRONICLE_SERVICE_URL=http://127.0.0.1:$github_port \
    java -Xmx512m -jar "$jar" > "$work/hub-$i.log" 2>&1 &
  hubs[$i]=$!
  pids+=("${hubs[$i]}")
}
start_hub 0
start_hub 1
# two hubs starting at once on a busy 2-core machine can take minutes
wait_for "http://127.0.0.1:${management_ports[0]}/actuator/health/readiness" 300
wait_for "http://127.0.0.1:${management_ports[1]}/actuator/health/readiness" 300
url() { echo "http://127.0.0.1:${ports[$1]}${2:-}"; }
management_url() { echo "http://127.0.0.1:${management_ports[$1]}${2:-}"; }
echo "two instances on one Kafka and one PostgreSQL, $(date -u +%FT%TZ)"

# One rate limit: a key allowed 20 requests a minute, used on both instances in turn. Two separate limits would
# let all 30 through; one lets 20 through, plus the tokens that refill (one every 3 s) while the calls run.
limited=$(new_key "$(management_url 0)" two limited 20)
started=$(date +%s%N)
answers=$(for n in $(seq 1 30); do
  curl -s -o /dev/null -w '%{http_code}\n' -H "X-ChittyOS-API-Key: $limited" \
      "$(url $((n % 2)) /api/chittyid/03-1-USA-5537-P-2602-0-38)"
done | sort | uniq -c | tr '\n' ' ')
refilled=$(( ($(date +%s%N) - started) / 3000000000 ))
allowed=$(echo "$answers" | grep -o '[0-9]* 200' | cut -d' ' -f1)
check "one rate limit across instances: 30 calls alternating, $allowed allowed of 20 + $refilled refilled ($answers)" \
    '[ "${allowed:-0}" -ge 20 ] && [ "${allowed:-0}" -le $((20 + refilled)) ]'

# One idempotency store: the same Idempotency-Key on instance 0, then 1.
key=$(new_key "$(management_url 0)" two client 1000000)
mint() {
  curl -s -D "$work/headers-$1" -o "$work/body-$1" -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" \
      -H 'Content-Type: application/json' -H 'Idempotency-Key: two-instances-1' \
      -d '{"entity":"PEO"}' "$(url "$1" /api/chittyid/mint)"
}
mints_before=$(curl -fs -X POST -d '{"method":"POST","url":"/v1/mint"}' \
    "http://127.0.0.1:$stand_in_port/__admin/requests/count" | tr -d ' \n' | sed -E 's/.*"count":([0-9]+).*/\1/')
first=$(mint 0); second=$(mint 1)
mints_after=$(curl -fs -X POST -d '{"method":"POST","url":"/v1/mint"}' \
    "http://127.0.0.1:$stand_in_port/__admin/requests/count" | tr -d ' \n' | sed -E 's/.*"count":([0-9]+).*/\1/')
check "one idempotency store: instance 1 replays instance 0's mint ($first, $second, upstream mints $((mints_after - mints_before)))" \
    '[ "$first" = 201 ] && [ "$second" = 201 ] && grep -qi "^idempotent-replayed: true" "$work/headers-1" \
     && cmp -s "$work/body-0" "$work/body-1" && [ $((mints_after - mints_before)) = 1 ]'

# MCP served by either instance: initialize on instance 0, then a tool call on instance 1 (stateless: no session).
mcp() {
  curl -s -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' -H 'MCP-Protocol-Version: 2025-06-18' \
      -H 'Accept: application/json, text/event-stream' -d "$2" "$(url "$1" /mcp)"
}
initialized=$(mcp 0 '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"two-instances","version":"1"}}}')
called=$(mcp 1 '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"chittyid_mint","arguments":{"entity":"PEO"}}}')
check "MCP: initialize on instance 0, tools/call on instance 1" \
    '[[ "$initialized" == *"\"protocolVersion\":\"2025-06-18\""* && "$called" == *"\"isError\":false"* ]]'

# Resource subscriptions across instances: an SSE session on instance 0 subscribes to chitty://services/status;
# ChittyID's health check starts failing and instance 1 runs the status checks; the change reaches instance 0
# through PostgreSQL (LISTEN/NOTIFY) and the session is sent notifications/resources/updated.
curl -s "$(url 1 /api/services/status)" -H "X-ChittyOS-API-Key: $key" > /dev/null
curl -sN -H "X-ChittyOS-API-Key: $key" "$(url 0 /mcp/sse)" > "$work/sse.txt" &
sse=$!
pids+=($sse)
for _ in $(seq 1 100); do grep -q 'sessionId=' "$work/sse.txt" && break; sleep 0.1; done
endpoint=$(grep -o '/mcp/message?sessionId=[0-9A-Za-z-]*' "$work/sse.txt" | head -n1)
sse_post() {
  curl -s -o /dev/null -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' -d "$1" "$(url 0 "$endpoint")"
}
sse_post '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"two-instances","version":"1"}}}'
sse_post '{"jsonrpc":"2.0","method":"notifications/initialized"}'
sse_post '{"jsonrpc":"2.0","id":2,"method":"resources/subscribe","params":{"uri":"chitty://services/status"}}'
for _ in $(seq 1 100); do grep -q '"id":2' "$work/sse.txt" && break; sleep 0.1; done
curl -fs -X POST -d '{"request":{"method":"GET","urlPath":"/health"},"response":{"status":503},"priority":1}' \
    "http://127.0.0.1:$stand_in_port/__admin/mappings" > /dev/null
curl -s "$(url 1 /api/services/status)" -H "X-ChittyOS-API-Key: $key" > /dev/null
for _ in $(seq 1 300); do grep -q 'notifications/resources/updated' "$work/sse.txt" && break; sleep 0.1; done
kill "$sse" 2>/dev/null || true
check "MCP: a subscription on instance 0 is told of a status change found by instance 1" \
    'grep -q "notifications/resources/updated.*chitty://services/status" "$work/sse.txt"'

# The same for a 2025-11-25 Streamable HTTP session on instance 0 (Mcp-Session-Id, resources/subscribe, the
# session's GET stream); the health check now answers 502 and instance 1 runs the status checks again.
session=$(curl -s -D - -o /dev/null -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"two-instances","version":"1"}}}' \
    "$(url 0 /mcp)" | tr -d '\r' | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: //p')
in_session() {
  curl -s -H "X-ChittyOS-API-Key: $key" -H 'MCP-Protocol-Version: 2025-11-25' -H "Mcp-Session-Id: $session" \
      -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' "$@" "$(url 0 /mcp)"
}
in_session -o /dev/null -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
in_session -o /dev/null -d '{"jsonrpc":"2.0","id":2,"method":"resources/subscribe","params":{"uri":"chitty://services/status"}}'
in_session -N -D "$work/session-headers.txt" > "$work/session.txt" &
stream=$!
pids+=($stream)
for _ in $(seq 1 100); do grep -q ' 200' "$work/session-headers.txt" 2>/dev/null && break; sleep 0.1; done
curl -fs -X POST -d '{"request":{"method":"GET","urlPath":"/health"},"response":{"status":502},"priority":1}' \
    "http://127.0.0.1:$stand_in_port/__admin/mappings" > /dev/null
curl -s "$(url 1 /api/services/status)" -H "X-ChittyOS-API-Key: $key" > /dev/null
for _ in $(seq 1 300); do grep -q 'notifications/resources/updated' "$work/session.txt" && break; sleep 0.1; done
kill "$stream" 2>/dev/null || true
check "MCP: a 2025-11-25 session on instance 0 is told of a status change found by instance 1" \
    '[ -n "$session" ] && grep -q "notifications/resources/updated.*chitty://services/status" "$work/session.txt"'

# The webhook consumer group: 3,000 deliveries spread over both instances; instance 0 is killed with kill -9 a
# third of the way through; its partitions move to instance 1 and every accepted delivery is applied once.
python3 bench/drills/webhook_deliveries.py send --targets "$(url 0),$(url 1)" --count 3000 --secret "$secret" \
    --prefix two --out "$work/deliveries.txt" &
sender=$!
until [ "$(cat "$work/deliveries.txt" 2>/dev/null | wc -l)" -ge 1000 ]; do sleep 0.2; done
kill -9 "${hubs[0]}"
wait "$sender"
python3 bench/drills/webhook_deliveries.py wait --stand-in "http://127.0.0.1:$github_port" --out "$work/deliveries.txt"
check "webhooks: instance 0 killed mid-stream, instance 1 takes over its partitions" \
    'python3 bench/drills/webhook_deliveries.py verify --stand-in "http://127.0.0.1:$github_port" --out "$work/deliveries.txt"'

if [ ${#failures[@]} -eq 0 ]; then echo "PASS two instances"; else echo "FAIL two instances: ${failures[*]}"; exit 1; fi
