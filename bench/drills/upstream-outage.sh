#!/usr/bin/env bash
# Drill: an upstream down, then slow, then back. The ChittyID stand-in (WireMock) is stopped, restarted with a
# delay longer than the hub's timeout, then made fast again, while a client reads GET /api/chittyid/{id}.
# Passes when: the breaker opens in each outage; while open every answer is a fast 503 with Retry-After and the
# stand-in receives no call; the hub recovers by itself once the service is back; and the hub's live threads (apart
# from Tomcat's bounded pool of request workers) are back to their starting count and its connections to the
# stand-in stay within the client's pool. Loopback only; bounded; stops what it starts.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

stand_in_port=18501
hub_port=18500
management_port=18509
id=03-1-USA-5537-P-2602-0-38
failures=()
check() { if eval "$2"; then echo "  ok   $1"; else echo "  FAIL $1"; failures+=("$1"); fi; }

start_stand_in() {
  java -Xmx128m -jar "$wiremock" --port "$stand_in_port" --bind-address 127.0.0.1 \
      --root-dir src/test/resources/standins/chittyid --disable-request-logging > "$work/stand-in.log" 2>&1 &
  stand_in=$!
  pids+=("$stand_in")
  wait_for "http://127.0.0.1:$stand_in_port/__admin/health"
}
upstream_calls() {
  curl -fs -X POST -d '{"method":"GET","urlPathPattern":"/v1/.*"}' \
      "http://127.0.0.1:$stand_in_port/__admin/requests/count" | tr -d ' \n' | sed -E 's/.*"count":([0-9]+).*/\1/'
}
status() { curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" "http://127.0.0.1:$hub_port/api/chittyid/$id"; }
millis() { curl -s -o /dev/null -w '%{time_total}' -H "X-ChittyOS-API-Key: $key" \
    "http://127.0.0.1:$hub_port/api/chittyid/$id" | awk '{printf "%d", $1 * 1000}'; }
# the hub's live threads by name, numbers folded ("http-nio-N-exec-N"), counted per name
thread_names() { jstack "$hub_pid" | sed -nE 's/^"([^"]*)".*/\1/p' | sed -E 's/[0-9]+/N/g' | sort | uniq -c; }
# Tomcat's request workers are a bounded pool (server.tomcat.threads.max) that grows with the clients waiting on a
# slow upstream, since the request thread makes the upstream call: counted apart from every other thread
threads() { thread_names | awk '$2 !~ /-exec-N$/ {n += $1} END {print n}'; }
workers() { thread_names | awk '$2 ~ /-exec-N$/ {n += $1} END {print n + 0}'; }
connections() { ss -Htn state established "( dport = :$stand_in_port )" | wc -l; }
breaker() { curl -fs -u operator:drill "http://127.0.0.1:$management_port/admin/breakers" \
    | sed -E 's/.*"chittyid":"([a-z_]+)".*/\1/'; }
until_open() { for _ in $(seq 1 20); do status >/dev/null; [ "$(breaker)" = open ] && return 0; done; return 1; }

start_stand_in
HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=drill PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true HUB_CONTEXT_INIT=false \
HUB_UPSTREAMS_SERVICES_CHITTYID_BASE_URL=http://127.0.0.1:$stand_in_port HUB_UPSTREAMS_SERVICES_CHITTYID_TOKEN=drill \
HUB_UPSTREAMS_SERVICES_CHITTYID_TIMEOUT=1s HUB_UPSTREAMS_SERVICES_CHITTYID_BREAKER_OPEN_DURATION=5s \
  java -Xmx512m -jar "$jar" --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$work/hub.log" 2>&1 &
hub_pid=$!
pids+=($hub_pid)
wait_for "http://127.0.0.1:$management_port/actuator/health/readiness"
key=$(new_key "http://127.0.0.1:$management_port" drill drill 1000000)

# 64 clients at once, so the request and connection pools have grown to their working size before counting
burst() { seq 1 640 | xargs -P 64 -I{} curl -s -o /dev/null -H "X-ChittyOS-API-Key: $key" \
    "http://127.0.0.1:$hub_port/api/chittyid/$id"; }

echo "upstream outage drill, $(date -u +%FT%TZ)"
burst
sleep 2
threads_before=$(threads); connections_before=$(connections); thread_names > "$work/threads-before"
check "healthy upstream answers 200" '[ "$(status)" = 200 ]'

echo "down: stand-in stopped"
kill "$stand_in"; wait "$stand_in" 2>/dev/null || true
check "breaker opens" until_open
times=$(for _ in $(seq 1 21); do millis; echo; done | sort -n)
median_ms=$(echo "$times" | sed -n 11p); slowest_ms=$(echo "$times" | tail -1)
check "while open: 503 with Retry-After" \
    'curl -s -D - -o /dev/null -H "X-ChittyOS-API-Key: $key" http://127.0.0.1:$hub_port/api/chittyid/$id | grep -qi "^retry-after"'
check "while open: median of 21 answers ${median_ms} ms (< 50 ms; slowest ${slowest_ms} ms)" '[ "$median_ms" -lt 50 ]'

echo "slow: stand-in back with a 3 s delay (the hub waits 1 s)"
start_stand_in
curl -fs -X POST -d '{"fixedDelay":3000}' "http://127.0.0.1:$stand_in_port/__admin/settings" >/dev/null
# an operator's reset, so the slow answers meet a closed breaker rather than the half-open trial
curl -fs -X POST -u operator:drill -H 'X-Requested-By: drill' "http://127.0.0.1:$management_port/admin/breakers/chittyid/reset"
check "a slow answer is 504 timeout" '[ "$(status)" = 504 ]'
check "breaker opens again" until_open
calls_before=$(upstream_calls)
for _ in $(seq 1 20); do status >/dev/null; done
calls_after=$(upstream_calls)
check "while open: no call reached the stand-in ($calls_before → $calls_after)" '[ "$calls_before" = "$calls_after" ]'

echo "back: delay removed"
curl -fs -X POST -d '{"fixedDelay":0}' "http://127.0.0.1:$stand_in_port/__admin/settings" >/dev/null
recovered=no
for _ in $(seq 1 30); do [ "$(status)" = 200 ] && { recovered=yes; break; }; sleep 0.5; done
check "recovers without intervention" '[ "$recovered" = yes ]'
check "breaker closed" '[ "$(breaker)" = closed ]'
burst
sleep 5
threads_after=$(threads); connections_after=$(connections); workers_after=$(workers)
check "live threads other than request workers back: $threads_before → $threads_after" \
    '[ "$threads_after" -le $((threads_before + 2)) ]'
check "request workers within Tomcat's pool: $workers_after (≤ 200)" '[ "$workers_after" -le 200 ]'
thread_names | diff "$work/threads-before" - | sed -n 's/^[<>]/  threads &/p' || true
# like the workers, the kept-alive connections grow with the clients waiting at once: a leak would hold them at the
# pool's cap (hub.upstreams.defaults.max-connections, 100) and the recovery above would fail
check "connections to the stand-in within the pool: $connections_before → $connections_after (≤ 100)" \
    '[ "$connections_after" -le 100 ]'

if [ ${#failures[@]} -eq 0 ]; then echo "PASS upstream outage drill"; else echo "FAIL upstream outage drill: ${failures[*]}"; exit 1; fi
