#!/usr/bin/env bash
# GitHub webhooks through the hub: signed deliveries accepted per second (acks=all) with the p99 answer time,
# received -> processed latency (p50/p99) at a fixed rate, and Kafka's own ProducerPerformance on the same
# in-process broker as the ceiling. Hub and GitHub stand-in on CPU 0, load on CPU 1; loopback only; bounded runs;
# everything started here is stopped on exit. Prints a markdown table, with the CPU time each process spent per
# delivery (utime + stime from /proc over the run and its drain) and whether every accepted push was applied once.
# The fixed rate is paced by the clock (each request takes the next slot of 1/rate s), not by a fixed pause after
# each answer, so slow answers do not lower the offered rate while connections are free.
# Usage: bench/webhooks.sh [seconds per run, default 20] [connections, default 16] [fixed rate/s, default 50]
#        [warm-up seconds, default 30]
# BENCH_JFR_DIR=<dir>: a JFR recording of the hub per measured run, written there (BENCH_JFR_SETTINGS: a .jfc, default profile).
# BENCH_JAR=<jar>: the hub jar to measure instead of target/'s.
# BENCH_PORT_BASE=<port>: the hub's port (default 18500), the stand-in's and the broker's the two after it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-16}
rate=${3:-50}
warmup=${4:-30}
# BENCH_PORT_BASE: the hub's public port; the stand-in takes the next, the broker the one after, the management
# port (actuator) +9 (several benches at once)
hub_port=${BENCH_PORT_BASE:-18500}
management_port=$((hub_port + 9))
stand_in_port=$((hub_port + 1))
kafka_port=$((hub_port + 2))
secret=bench-webhook-secret
. bench/lib.sh
jar=${BENCH_JAR:-$jar}
tools=target/bench/kafka-tools
if [ ! -d "$tools" ]; then
  cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>kafka-tools</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId>
    <version>3.9.1</version></dependency></dependencies></project>
POM
  mvn -q -B -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$PWD/$tools"
fi

# one stand-in answers GitHub's token and check-run calls and ChittyChronicle's entries with fixed answers: an nginx,
# as peers.sh's D, so that its cost per delivery stays small next to the hub's (WireMock spent 1.1 ms of CPU 0 on
# each push, a fifth of the hub's own)
command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx" >&2; exit 1; }
chmod 711 "$work"
nginx_instance stand-in "server { listen 127.0.0.1:$stand_in_port; default_type application/json;
  location ~ ^/app/installations/[0-9]+/access_tokens\$ {
    return 201 '{\"token\":\"ghs_standin\",\"expires_at\":\"2099-01-01T00:00:00Z\",\"permissions\":{\"checks\":\"write\"}}'; }
  location ~ ^/repos/[^/]+/[^/]+/check-runs\$ { return 201 '{\"id\":4001,\"status\":\"completed\"}'; }
  location = /api/entries { return 201 '{\"id\":\"entry-1\"}'; }
  location = /health { return 200 '{}'; } }"
stand_in_pid=${pids[-1]}
wait_for "http://127.0.0.1:$stand_in_port/health"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/app.pem" 2>/dev/null
HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=bench PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
HUB_RATE_LIMIT_ENABLED=false GITHUB_WEBHOOK_SECRET=$secret GITHUB_APP_ID=1 GITHUB_APP_PK="$(cat "$work/app.pem")" \
GITHUB_API_URL=http://127.0.0.1:$stand_in_port CHITTYCHRONICLE_SERVICE_URL=http://127.0.0.1:$stand_in_port \
GITHUB_REDELIVERY_INTERVAL=0 \
  taskset -c 0 java -Xms256m -Xmx512m -jar "$jar" \
    --hub.embedded.kafka.port=$kafka_port --hub.embedded.kafka.controller-port=0 > "$work/hub.log" 2>&1 &
hub_pid=$!
pids+=("$hub_pid")
# a shared, loaded machine can take minutes to start the hub
wait_for "http://127.0.0.1:$management_port/actuator/health/readiness" 300

# one payload per event type, signed once: the signature covers the body only; each request gets its own
# delivery id from the Lua script, so the consumer processes every one
# push deliveries come from 16 repositories, as an App installed across an organisation sees them: the record key
# is the repository, so one repository's deliveries stay in order on one partition
push_for() { echo '{"ref":"refs/heads/main","after":"0123456789abcdef0123456789abcdef01234567","commits":[{"id":"0123456789abcdef0123456789abcdef01234567","message":"feat: bench","added":["src/A.java"],"modified":[]}],"repository":{"id":'"$1"',"name":"bench-'"$1"'","full_name":"acme/bench-'"$1"'"},"installation":{"id":1},"sender":{"login":"bench"}}'; }
ping='{"zen":"Practicality beats purity.","hook_id":1,"repository":{"id":2,"full_name":"acme/bench"}}'
sign() { printf '%s' "$1" | openssl dgst -sha256 -hmac "$secret" | awk '{print "sha256=" $NF}'; }
lua() { # event rate body... : each request takes the next body (signed once each); every run gets fresh delivery
  # ids, or the consumer would skip them as duplicates; rate 0: as fast as the connections allow
  local event=$1 rate=$2 bodies=""
  shift 2
  for body in "$@"; do bodies+="  { [[$body]], \"$(sign "$body")\" },"$'\n'; done
  cat > "$work/$event.lua" <<LUA
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local now = ffi.new("bench_timespec")
local function millis() ffi.C.clock_gettime(1, now); return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6 end
local rate = $rate
local slot = nil
local counter = 0
local bodies = {
$bodies}
local prefix = "bench-$event-" .. string.format("%d", os.time()) .. "-"
function request()
  counter = counter + 1
  local body = bodies[counter % #bodies + 1]
  return wrk.format("POST", "/integrations/github/webhook", {
    ["Content-Type"] = "application/json", ["X-GitHub-Event"] = "$event", ["X-GitHub-Delivery"] = prefix .. counter,
    ["X-Hub-Signature-256"] = body[2] }, body[1])
end
-- the next free slot of the schedule; a request late for its slot goes at once
function delay()
  if rate == 0 then return 0 end
  local t = millis()
  slot = slot and math.max(slot + 1000 / rate, t) or t
  return math.floor(slot - t)
end
LUA
}
run() { # script seconds -> wrk output file
  case $1 in
    push) bodies=(); for r in $(seq 1 16); do bodies+=("$(push_for "$r")"); done
          lua push "$rate" "${bodies[@]}" ;;
    ping) lua ping 0 "$ping" ;;
  esac
  sleep 1
  [ -z "${BENCH_JFR_DIR:-}" ] || jcmd "$hub_pid" JFR.start name="$1" settings="${BENCH_JFR_SETTINGS:-profile}" >/dev/null
  taskset -c 1 wrk -t1 -c"$conns" -d"$2s" --latency -s "$work/$1.lua" "http://127.0.0.1:$hub_port" > "$work/$1.txt"
  [ -z "${BENCH_JFR_DIR:-}" ] || jcmd "$hub_pid" JFR.stop name="$1" filename="$BENCH_JFR_DIR/$1-$(date +%s).jfr" >/dev/null
  if grep -q 'Non-2xx' "$work/$1.txt"; then echo "non-2xx answers: $(grep Non-2xx "$work/$1.txt")" >&2; exit 1; fi
}
ticks() { # CPU clock ticks (utime + stime) of a process and its children's threads: pid [pid…]
  local total=0 p
  for p in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
all_postgres() { # the embedded PostgreSQL's postmaster (its data directory is under the work directory) and its backends
  local master; master=$(pgrep -f "postgres.*-D $work" | head -1 || true)
  [ -z "$master" ] || echo "$master" $(pgrep -P "$master" || true)
}
stand_in_pids() { echo "$stand_in_pid" $(pgrep -P "$stand_in_pid" || true); } # nginx's master and its worker
cpu_start() { cpu0_hub=$(ticks "$hub_pid"); cpu0_pg=$(ticks $(all_postgres)); cpu0_si=$(ticks $(stand_in_pids)); }
cpu_per() { # deliveries -> "hub X µs, PostgreSQL Y µs, stand-in Z µs"
  local hz; hz=$(getconf CLK_TCK)
  awk -v n="$1" -v hz="$hz" -v h="$(( $(ticks "$hub_pid") - cpu0_hub ))" -v p="$(( $(ticks $(all_postgres)) - cpu0_pg ))" \
      -v s="$(( $(ticks $(stand_in_pids)) - cpu0_si ))" \
      'BEGIN {printf "hub %.0f µs, PostgreSQL %.0f µs, stand-in %.0f µs", h*1e6/hz/n, p*1e6/hz/n, s*1e6/hz/n}'
}
field() { awk -v k="$2" '$1==k {print $2}' "$work/$1.txt"; }
processed() {
  curl -fs -u operator:bench "http://127.0.0.1:$management_port/actuator/prometheus" \
    | awk '/^hub_github_events_total\{/ {n += $2} END {printf "%d", n}'
}
accepted() { # deliveries the hub answered 202, by its own count (wrk does not count answers still in flight at its end):
  # the door's counter, whatever engine serves it; a build from before it counted them in http_server_requests only
  curl -fs -u operator:bench "http://127.0.0.1:$management_port/actuator/prometheus" \
    | awk '/^hub_github_webhooks_total\{/ && /outcome="accepted"/ {door += $2; counted = 1}
           /^http_server_requests_seconds_count\{/ && /uri="\/integrations\/github\/webhook"/ && /status="202"/ {http += $2}
           END {printf "%d", counted ? door : http}'
}
sent() { awk '/requests in/ {print $1}' "$work/$1.txt"; }
drain() { # wait until the consumer has applied every accepted delivery
  for _ in $(seq 1 6000); do [ "$(processed)" -ge "$1" ] && return 0; sleep 0.1; done
  echo "the consumer did not catch up" >&2; exit 1
}
quantile() {
  curl -fs -u operator:bench "http://127.0.0.1:$management_port/actuator/prometheus" \
    | awk -v q="$1" '/^hub_github_event_latency_seconds\{/ && /event="push"/ && $0 ~ "quantile=\"" q "\"" {printf "%.1f ms", $2 * 1000}'
}

# warm-up at the fixed rate, then received -> processed at that rate (push: check run, chronicle entry each),
# read once the consumer has applied every accepted delivery
run push "$warmup"
total=$(sent push)
drain "$total"
cpu_start
run push "$secs"
total=$((total + $(sent push)))
drain "$total"
push_cpu=$(cpu_per "$(sent push)")
sleep 2
applied=$(processed)
pushes=$(accepted)
fixed_rps=$(awk '/Requests\/sec/ {print $2}' "$work/push.txt")
p50_processed=$(quantile 0.5)
p99_processed=$(quantile 0.99)
# accepted per second, as fast as one loaded connection pool can send (ping: no automation)
start=$(date +%s.%N)
cpu_start
run ping "$secs"
max_rps=$(awk '/Requests\/sec/ {print $2}' "$work/ping.txt")
total=$((total + $(sent ping)))
drain "$total"
drained=$(awk -v s="$start" -v e="$(date +%s.%N)" -v n="$(sent ping)" 'BEGIN {printf "%.0f", n / (e - s)}')
ping_cpu=$(cpu_per "$(sent ping)")

ceiling=$(taskset -c 1 java -cp "$tools/*" org.apache.kafka.tools.ProducerPerformance --topic bench-ceiling \
  --num-records 200000 --record-size 400 --throughput -1 \
  --producer-props bootstrap.servers=127.0.0.1:$kafka_port acks=all enable.idempotence=true 2>/dev/null | tail -1)

echo "wrk -t1 -c$conns -d${secs}s after ${warmup}s of warm-up; hub and stand-in on CPU 0, load on CPU 1; $(nproc) cores; $(date -u +%F)"
echo
echo "| measure | result |"
echo "|---|---|"
echo "| signed webhooks accepted (ping, acks=all) | $max_rps/s, p50 $(field ping 50%), p99 $(field ping 99%) |"
echo "| fixed rate (push, target $rate/s) | $fixed_rps/s, answer p99 $(field push 99%) |"
echo "| received -> processed at that rate | p50 $p50_processed, p99 $p99_processed |"
echo "| pushes accepted (202, the hub's count) / applied (hub_github_events_total), warm-up and run | $pushes / $applied |"
echo "| CPU per push, accepted and applied | $push_cpu |"
echo "| CPU per ping, accepted and applied | $ping_cpu |"
echo "| consumer: the accepted pings applied, per second of load + drain | $drained/s |"
echo "| Kafka ProducerPerformance, same broker, 400 B, acks=all | $ceiling |"
