#!/usr/bin/env bash
# The hub next to its peers, interleaved in one run so that a machine changing speed mid-run affects all alike:
#   D    nginx serving bench/peers/registry-services.json (~1 KiB, the registry list answer) directly
#   N    an nginx reverse proxy in front of D, upstream keep-alive
#   G    Spring Cloud Gateway Server MVC (bench/peers/gateway-mvc, defaults, one plain route to D)
#   C    Camel's floor inside the hub: a route bench/peers/camel-floor.camel.yaml adds (platform-http on the public
#        port -> camel-http to D), with none of the hub's policies, connector or capability route; what is left of H
#        once everything the hub adds is taken away, measured in the same JVM
#   H    the hub's GET /api/registry/services to D (API key with its scope, limiter and breaker on, registry cache off)
#   MCP  the hub's tools/call of chitty_registry_discover, the same capability (bench/mcp-tools-call.lua, 2025-11-25)
#   MCP26  the same tools/call in revision 2026-07-28 (bench/mcp-2026-tools-call.lua: _meta, Mcp-Method, Mcp-Name)
#   and the hub's public GET /health.
# Each target is warmed up in turn, then measured in rounds (D, N, G, H, MCP, /health, repeated); the table gives
# per target the medians over the rounds of req/s, p50, p99 and the server's CPU per request: utime + stime from
# /proc/<pid>/stat of the server process and its descendants (nginx's master and worker; the JVM and any child of
# it, and for the hub its embedded PostgreSQL) over the measured window, divided by the requests wrk completed.
# Servers pinned to CPU 0, wrk -t1 -c32 on CPU 1; loopback only; everything started here is stopped on exit.
# Prints a markdown table; non-2xx answers are counted in it (wrk counts them as requests), not hidden.
# Needs nginx (apt-get install -y nginx); builds the hub's jar and G's jar when they are missing.
# Usage: bench/peers.sh [seconds per measured run, default 20] [warm-up seconds per target, default 60]
#        [rounds, default 5]   (a smoke run of about two minutes: bench/peers.sh 2 2 1)
# PEERS_TARGETS="H MCP MCP26" measures only those (all are still started); BENCH_JAR=<jar> measures another hub
# build (before/after comparisons). HUB_JAVA_OPTS adds JVM options to the hub (a profile: HUB_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/h.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
warmup=${2:-60}
rounds=${3:-5}
conns=32
hub_port=18600
d_port=18601
n_port=18602
g_port=18603
# the hub's management port (admin API, actuator)
management_port=18604
command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx" >&2; exit 1; }
for port in $hub_port $d_port $n_port $g_port $management_port; do
  ! (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "port $port is in use" >&2; exit 1; }
done
. bench/lib.sh
# BENCH_JAR: the hub jar to measure instead of target/'s (before/after comparisons)
jar=${BENCH_JAR:-$jar}
gateway_jar=bench/peers/gateway-mvc/target/gateway-mvc-1.jar
[ -f "$gateway_jar" ] || mvn -q -B -f bench/peers/gateway-mvc/pom.xml -DskipTests package
# nginx's workers run as nobody and must reach the files under the work directory
chmod 711 "$work"

mkdir -p "$work/d/root/api"
cp bench/peers/registry-services.json "$work/d/root/api/services"
chmod -R a+rX "$work/d"
nginx_instance d "server { listen 127.0.0.1:$d_port; root $work/d/root; default_type application/json; }"
d_pid=${pids[-1]}
nginx_instance n "upstream d { server 127.0.0.1:$d_port; keepalive 32; }
  server { listen 127.0.0.1:$n_port; location / { proxy_pass http://d; proxy_http_version 1.1;
    proxy_set_header Connection \"\"; } }"
n_pid=${pids[-1]}

taskset -c 0 java -Xms256m -Xmx512m -jar "$gateway_jar" --server.address=127.0.0.1 --server.port=$g_port \
    --bench.upstream=http://127.0.0.1:$d_port > "$work/gateway.log" 2>&1 &
g_pid=$!
pids+=("$g_pid")

# the hub reads its routes from a copy of routes/ with C's route added
mkdir -p "$work/routes"
cp -r routes/. "$work/routes/"
sed "s/{{D_PORT}}/$d_port/" bench/peers/camel-floor.camel.yaml > "$work/routes/zz-bench-camel-floor.camel.yaml"
HUB_ROUTES_DIR=$work/routes HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=bench PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
HUB_RATE_LIMIT_ENABLED=true HUB_BREAKERS_ENABLED=true HUB_REGISTRY_CACHE_TTL=0 HUB_CONTEXT_INIT=false \
HUB_UPSTREAMS_SERVICES_CHITTYREGISTRY_BASE_URL=http://127.0.0.1:$d_port \
HUB_UPSTREAMS_SERVICES_CHITTYREGISTRY_TOKEN=bench-token \
  taskset -c 0 java -Xms256m -Xmx512m ${HUB_JAVA_OPTS:-} -jar "$jar" \
    --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 > "$work/hub.log" 2>&1 &
hub_pid=$!
pids+=("$hub_pid")

wait_for "http://127.0.0.1:$d_port/api/services"
wait_for "http://127.0.0.1:$n_port/api/services"
wait_for "http://127.0.0.1:$g_port/api/services" 180
wait_for "http://127.0.0.1:$management_port/actuator/health/readiness" 300
key=$(new_key "http://127.0.0.1:$management_port" bench bench 1000000000 '["registry:read"]')
# the embedded PostgreSQL daemonizes away from the JVM: its postmaster is counted with the hub
hub_pids="$hub_pid $(pgrep -o -f -- "-D $work/data/postgres" || true)"

# every target answers what it should before anything is measured (a JSON-RPC error would still be HTTP 200)
for port in $n_port $g_port; do
  curl -fs "http://127.0.0.1:$port/api/services" | cmp -s - bench/peers/registry-services.json \
    || { echo "port $port does not pass D's answer through" >&2; exit 1; }
done
curl -fs -H "X-ChittyOS-API-Key: $key" "http://127.0.0.1:$hub_port/api/registry/services" | grep -q chittyschema \
  || { echo "the hub does not pass D's answer through" >&2; exit 1; }
curl -fs "http://127.0.0.1:$hub_port/bench/camel-floor" | cmp -s - bench/peers/registry-services.json \
  || { echo "the hub's Camel floor route does not pass D's answer through" >&2; exit 1; }
tools_call=$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p;s/^    \.\. '\(.*\)'$/\1/p" bench/mcp-tools-call.lua | tr -d '\n')
answer=$(curl -fs -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' --data "$tools_call" "http://127.0.0.1:$hub_port/mcp")
echo "$answer" | grep -q '"isError":false' || { echo "tools/call did not succeed: $answer" >&2; exit 1; }
tools_call_2026=$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p;s/^    \.\. '\(.*\)'$/\1/p" bench/mcp-2026-tools-call.lua | tr -d '\n')
answer=$(curl -fs -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2026-07-28' \
    -H 'Mcp-Method: tools/call' -H 'Mcp-Name: chitty_registry_discover' --data "$tools_call_2026" \
    "http://127.0.0.1:$hub_port/mcp")
echo "$answer" | grep -q '"isError":false' || { echo "2026-07-28 tools/call did not succeed: $answer" >&2; exit 1; }
curl -fs "http://127.0.0.1:$hub_port/health" >/dev/null || { echo "the hub's /health does not answer 200" >&2; exit 1; }

# per target: its label, the server's pids, the url and wrk's arguments, where "-H key" stands for the API key
# header (wrk keeps a header only when its name is followed by ": ", which word splitting would break)
targets=(${PEERS_TARGETS:-D N G C H MCP MCP26 health})
declare -A label pid url args
label[D]="**D** nginx serving the ~1 KiB JSON file directly"; pid[D]=$d_pid
url[D]=http://127.0.0.1:$d_port/api/services; args[D]=
label[N]="**N** nginx reverse proxy → D (keep-alive)"; pid[N]=$n_pid
url[N]=http://127.0.0.1:$n_port/api/services; args[N]=
label[G]="**G** Spring Cloud Gateway Server MVC → D"; pid[G]=$g_pid
url[G]=http://127.0.0.1:$g_port/api/services; args[G]=
label[C]="**C** Camel's floor in the hub: platform-http → http to D, no policies"; pid[C]=$hub_pids
url[C]=http://127.0.0.1:$hub_port/bench/camel-floor; args[C]=
label[H]="**H** hub GET /api/registry/services → D"; pid[H]=$hub_pids
url[H]=http://127.0.0.1:$hub_port/api/registry/services; args[H]="-H key"
label[MCP]="hub MCP 2025-11-25 tools/call chitty_registry_discover → D"; pid[MCP]=$hub_pids
url[MCP]=http://127.0.0.1:$hub_port/mcp; args[MCP]="-H key -s bench/mcp-tools-call.lua"
label[MCP26]="hub MCP 2026-07-28 tools/call chitty_registry_discover → D"; pid[MCP26]=$hub_pids
url[MCP26]=http://127.0.0.1:$hub_port/mcp; args[MCP26]="-H key -s bench/mcp-2026-tools-call.lua"
label[health]="hub GET /health (public)"; pid[health]=$hub_pids
url[health]=http://127.0.0.1:$hub_port/health; args[health]=

# "pid ticks" for a process and all its descendants, utime + stime in clock ticks
ticks() {
  local p children
  [ -r "/proc/$1/stat" ] || return 0
  echo "$1 $(sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}')"
  children=$(cat /proc/"$1"/task/*/children 2>/dev/null || true)
  for p in $children; do ticks "$p"; done
}

# one wrk run of a target; with "measure", appends "target req/s p50-ms p99-ms cpu-µs-per-request non-2xx" to
# $work/samples
run() {
  local t=$1 duration=$2 mode=$3 p
  local options=()
  for p in ${args[$t]}; do [ "$p" = key ] && options+=("X-ChittyOS-API-Key: $key") || options+=("$p"); done
  if [ "$mode" = warm-up ]; then
    taskset -c 1 wrk -t1 -c$conns -d"${duration}s" "${options[@]}" "${url[$t]}" >/dev/null
    return
  fi
  for p in ${pid[$t]}; do ticks "$p"; done > "$work/ticks-before"
  taskset -c 1 wrk -t1 -c$conns -d"${duration}s" --latency "${options[@]}" "${url[$t]}" > "$work/wrk.txt"
  for p in ${pid[$t]}; do ticks "$p"; done > "$work/ticks-after"
  grep -h 'Socket errors' "$work/wrk.txt" | sed "s/^/$t: /" >&2 || true
  local used
  used=$(awk 'NR == FNR {before[$1] = $2; next} {sum += $2 - before[$1]} END {print sum + 0}' \
      "$work/ticks-before" "$work/ticks-after")
  # progress on stderr starts with "[", which bench/run.sh leaves out of RESULTS.md
  awk -v t="$t" -v used="$used" -v hz="$(getconf CLK_TCK)" '
    function ms(v) { return v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /m$/ ? v * 60000 : v * 1000 }
    /requests in/ {requests = $1} /Requests\/sec/ {rps = $2} $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)}
    /Non-2xx/ {failed = $NF}
    END {printf "%s %s %s %s %s %d\n", t, rps, p50, p99, requests ? used * 1e6 / hz / requests : 0, failed}' \
    "$work/wrk.txt" | tee -a "$work/samples" | sed 's/^/[peers] /' >&2
}

if [ "$warmup" -gt 0 ]; then
  for t in "${targets[@]}"; do echo "[peers] warm-up $t ${warmup}s" >&2; run "$t" "$warmup" warm-up; done
fi
for round in $(seq 1 "$rounds"); do
  for t in "${targets[@]}"; do run "$t" "$secs" measure; done
done

# median of column $2 of target $1's samples
median() {
  awk -v t="$1" -v c="$2" '$1 == t {print $c}' "$work/samples" | sort -g \
    | awk '{a[NR] = $1} END {print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}
spread() {
  awk -v t="$1" '$1 == t {print $2}' "$work/samples" | sort -g \
    | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.0f–%.0f", lo, hi}'
}
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {if (b <= 0) print "–"; else printf(a / b < 0.1 ? "%.3f\n" : "%.2f\n", a / b)}'
}
rss() {
  awk '/VmRSS/ {r = $2} /VmHWM/ {h = $2} END {printf "%.0f MB resident, %.0f MB at its peak", r / 1024, h / 1024}' \
      "/proc/$1/status"
}

declare -A rps_of
for t in D N G C H MCP MCP26 health; do rps_of[$t]=$(median "$t" 2); done
echo "Commit $(git describe --always --dirty), $(date -u +%F): wrk -t1 -c$conns, $rounds rounds of ${secs}s per target"
echo "interleaved (${targets[*]}) after ${warmup}s of warm-up each; servers on CPU 0, wrk on CPU 1, $(nproc) cores."
echo "Medians over the rounds; range = lowest–highest round's req/s; CPU = utime + stime of the server's processes"
echo "÷ requests."
echo
echo "| server on CPU 0 | req/s | range | p50 | p99 | CPU µs/req | ÷ D | ÷ N | ÷ G | non-2xx |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for t in "${targets[@]}"; do
  r=${rps_of[$t]}
  printf '| %s | %.0f | %s | %.2f ms | %.2f ms | %.0f | %s | %s | %s | %d |\n' "${label[$t]}" "$r" "$(spread "$t")" \
      "$(median "$t" 3)" "$(median "$t" 4)" "$(median "$t" 5)" \
      "$(ratio "$r" "${rps_of[D]}")" "$(ratio "$r" "${rps_of[N]}")" "$(ratio "$r" "${rps_of[G]}")" \
      "$(awk -v t="$t" '$1 == t {n += $6} END {print n + 0}' "$work/samples")"
done
echo
echo "H's CPU per request ÷ G's: $(ratio "$(median H 5)" "$(median G 5)"); C's ÷ G's: $(ratio "$(median C 5)" "$(median G 5)");" \
    "H's CPU per request − C's (what the hub adds to Camel's floor): $(awk -v h="$(median H 5)" -v c="$(median C 5)" 'BEGIN {printf "%.0f µs", h - c}');" \
    "MCP ÷ H req/s: $(ratio "${rps_of[MCP]}" "${rps_of[H]}");" \
    "MCP26 (2026-07-28) ÷ MCP (2025-11-25) req/s: $(ratio "${rps_of[MCP26]}" "${rps_of[MCP]}")."
echo "After the load (-Xms256m -Xmx512m each): hub $(rss "$hub_pid"); G $(rss "$g_pid")."
# wrk counts failed answers as requests: where there were any, which statuses 200 GETs, 32 at a time, get now
for t in D N G C H health; do
  if awk -v t="$t" '$1 == t && $6 > 0 {found = 1} END {exit !found}' "$work/samples"; then
    echo "$t answered non-2xx under load; 200 GETs, 32 at a time, now get: $(seq 200 | xargs -P32 -I{} \
        curl -s -o /dev/null -w '%{http_code}\n' -H "X-ChittyOS-API-Key: $key" "${url[$t]}" | sort | uniq -c | xargs)."
  fi
done
