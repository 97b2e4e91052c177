# Attacks on health and probes (hardening issue items 3, 4, 5); sourced by bench/drills/attacks.sh.

# Item 3: ChittyID's /health answers 500 while /v1/mint answers; status checks and probes must not open the
# breaker that mints use.
attack_health_endpoint_failure_opens_the_mint_breaker() {
  local admin mapping status breaker
  admin="$(stand_in chittyid)/__admin/mappings"
  mapping=$(curl -fs -H 'Content-Type: application/json' -d \
      '{"priority":1,"request":{"method":"GET","urlPath":"/health"},"response":{"status":500}}' "$admin" \
      | sed -E 's/.*"id" *: *"([^"]+)".*/\1/')
  for _ in $(seq 1 8); do
    curl -s -o /dev/null -H "X-ChittyOS-API-Key: $key" "$hub/api/services/chittyid/status"
  done
  curl -s -o /dev/null -H "X-ChittyOS-API-Key: $key" "$hub/api/services/status"
  breaker=$(curl -fs -u "operator:$operator_password" "$management/admin/breakers" | sed -E 's/.*"chittyid":"([a-z_]+)".*/\1/')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' \
      -d '{"entity":"PEO"}' "$hub/api/chittyid/mint")
  curl -fs -X DELETE "$admin/$mapping" >/dev/null || true
  [ "$breaker" = closed ] || { reason "chittyid breaker is $breaker after 9 status checks of a failing /health"; return 1; }
  [ "${status:0:1}" = 2 ] || { reason "a mint got $status while only /health was failing"; return 1; }
}

# Item 4: a second hub starting up; while it starts, nothing it serves may answer 404, and /health must say 503
# starting until the doors serve. Polls every 0.1 s, bounded by 240 s.
attack_startup_answers_404_before_the_doors_serve() {
  local port=18790 pid code health seen_starting=no
  HUB_DATA_DIR=$work/startup HUB_OPERATOR_PASSWORD=$operator_password PORT=$port HUB_MANAGEMENT_PORT=$((port + 1)) SPRING_PROFILES_ACTIVE=prod \
  HUB_EMBEDDED=true HUB_CONTEXT_INIT=false java -Xmx384m -jar "$jar" --hub.embedded.kafka.port=0 \
      --hub.embedded.kafka.controller-port=0 > "$work/startup.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2400); do
    health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: nope" \
        "http://127.0.0.1:$port/api/registry/services" || true)
    [ "$health" = 503 ] && seen_starting=yes
    if [ "$code" = 404 ]; then
      kill "$pid"; wait "$pid" 2>/dev/null || true
      reason "/api/registry/services answered 404 during start-up (health $health)"; return 1
    fi
    [ "$health" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { reason "the second hub exited; see $work/startup.log"; return 1; }
    sleep 0.1
  done
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: nope" "http://127.0.0.1:$port/api/registry/services")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ "$health" = 200 ] || { reason "/health never answered 200 within 240 s"; return 1; }
  case $code in 401|429) ;; *) reason "after /health said 200, /api/registry/services answered $code"; return 1 ;; esac
  [ "$seen_starting" = yes ] || echo "  (note: no 503 starting seen; the poll may have missed the window)" >&2
}

# Item 5: 2000 anonymous /health calls must not cost 2000 database round trips (the readiness checks run in the
# background); the hub's JDBC pool counts every connection borrowed.
attack_health_calls_query_the_database() {
  local before after
  pool() { curl -fs -u "operator:$operator_password" "$management/actuator/prometheus" \
      | awk '/^hikaricp_connections_usage_seconds_count/ {s += $2} END {print s + 0}'; }
  before=$(pool)
  seq 1 2000 | xargs -P 16 -I{} curl -s -o /dev/null "$hub/health"
  after=$(pool)
  [ "$(awk -v a="$after" -v b="$before" 'BEGIN {print (a - b < 200)}')" = 1 ] \
      || { reason "2000 /health calls borrowed $(awk -v a="$after" -v b="$before" 'BEGIN {print a - b}') database connections"; return 1; }
}
