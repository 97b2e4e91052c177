#!/usr/bin/env bash
# Drill: PostgreSQL restarted under load. The hub runs on the machine's PostgreSQL (127.0.0.1:5432, a fresh
# database hub_drill) with rate-limit buckets in PostgreSQL, so every request touches the database; wrk reads
# GET /api/chittyid/{id} for 40 s and the server is restarted 10 s in. Passes when the hub, never restarted, is
# ready and answers 20 requests in a row with 200 once the load ends, and no client got a 5xx other than 503
# (database unavailable, with Retry-After) meanwhile. Loopback only; bounded; stops what it starts (the database server keeps running).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

stand_in_port=18511
hub_port=18510
management_port=18519
id=03-1-USA-5537-P-2602-0-38
cluster=$(ls /etc/postgresql)
psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS hub_drill' -c 'CREATE DATABASE hub_drill' >/dev/null

java -Xmx128m -jar "$wiremock" --port "$stand_in_port" --bind-address 127.0.0.1 --no-request-journal \
    --root-dir src/test/resources/standins/chittyid --disable-request-logging > "$work/stand-in.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$stand_in_port/__admin/health"
HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=drill PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true HUB_CONTEXT_INIT=false \
JDBC_URL=jdbc:postgresql://127.0.0.1:5432/hub_drill SPRING_DATASOURCE_USERNAME=postgres HUB_RATE_LIMIT_STORE=postgres \
HUB_UPSTREAMS_SERVICES_CHITTYID_BASE_URL=http://127.0.0.1:$stand_in_port HUB_UPSTREAMS_SERVICES_CHITTYID_TOKEN=drill \
  java -Xmx512m -jar "$jar" --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$work/hub.log" 2>&1 &
hub=$!
pids+=("$hub")
wait_for "http://127.0.0.1:$management_port/actuator/health/readiness"
key=$(new_key "http://127.0.0.1:$management_port" drill drill 1000000000)
status() { curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" "http://127.0.0.1:$hub_port/api/chittyid/$id"; }

echo "PostgreSQL restart drill, $(date -u +%FT%TZ)"
cat > "$work/count.lua" <<'EOF'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() statuses = {} end
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
function done()
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do io.write(string.format("status %d: %d\n", status, count)) end
  end
end
EOF
wrk -t1 -c8 -d40s -s "$work/count.lua" -H "X-ChittyOS-API-Key: $key" \
    "http://127.0.0.1:$hub_port/api/chittyid/$id" > "$work/wrk.txt" 2>&1 &
load=$!
sleep 10
pg_ctlcluster --skip-systemctl-redirect "$cluster" main restart
back=$(date +%s)
echo "  PostgreSQL $cluster restarted at $(date -u +%T)"
wait "$load"
grep -E '^status|Requests/sec|Socket errors' "$work/wrk.txt" | sed 's/^/  wrk: /'

recovered=no
while [ $(( $(date +%s) - back )) -lt 70 ]; do
  ok=0
  for _ in $(seq 1 20); do [ "$(status)" = 200 ] && ok=$((ok + 1)); done
  [ "$ok" = 20 ] && curl -fs "http://127.0.0.1:$management_port/actuator/health/readiness" | grep -q '"UP"' \
      && { recovered=yes; break; }
  sleep 1
done
kill -0 "$hub" 2>/dev/null || recovered="no (the hub exited)"
server_errors=$(awk '$1 == "status" && $2 ~ /^5/ && $2 != "503:" {n += $3} END {print n + 0}' "$work/wrk.txt")
{ grep '"level":"ERROR"' "$work/hub.log" || true; } | sed -E 's/.*"message":"([^"]{0,120}).*/  hub ERROR: \1/' | sort | uniq -c
if [ "$recovered" = yes ] && [ "$server_errors" = 0 ]; then
  echo "PASS PostgreSQL restart drill: 503 (never another 5xx) while the database was away, then 200 again without a hub restart"
else
  echo "FAIL PostgreSQL restart drill: recovered=$recovered, 5xx other than 503: $server_errors"; exit 1
fi
