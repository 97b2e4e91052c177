#!/usr/bin/env bash
# Drills: webhooks while something dies. 10,000 signed push deliveries, each with its own commit, are sent to the
# hub (bench/drills/webhook_deliveries.py); each applied delivery creates one check run for its commit on the
# recording GitHub stand-in (github_recorder.py), which lists runs back as GitHub does and is the record of effects.
#   kill    the hub is killed with kill -9 a third of the way through and started again on the same data
#           (embedded Kafka and PostgreSQL);
#   broker  the hub runs on a standalone broker (docker/kafka-local.sh), which is stopped a third of the way
#           through and started again 5 s later.
# Passes when every delivery that got a 2xx was applied, none twice. Loopback only; bounded; stops what it starts.
# Usage: bench/drills/webhook-outage.sh kill|broker [deliveries, default 10000]
# DRILL_WAIT: seconds the accepted deliveries have to be applied after the sending (default 300).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
mode=${1:?kill or broker}
count=${2:-10000}
# DRILL_PORT_BASE: the hub's public port; the stand-in takes the next, the broker the one after, its controller
# +10, the management port (actuator) +9
hub_port=${DRILL_PORT_BASE:-18530}
management_port=$((hub_port + 9))
stand_in_port=$((hub_port + 1))
kafka_port=$((hub_port + 2))
secret=drill-webhook-secret

python3 bench/drills/github_recorder.py "$stand_in_port" > "$work/github.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$stand_in_port/health"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/app.pem" 2>/dev/null

kafka=(--hub.embedded.kafka.port=$kafka_port --hub.embedded.kafka.controller-port=0)
if [ "$mode" = broker ]; then
  export KAFKA_PORT=$kafka_port KAFKA_CONTROLLER_PORT=$((kafka_port + 10)) KAFKA_LOCAL_DATA=$work/kafka
  docker/kafka-local.sh start >/dev/null
  trap 'docker/kafka-local.sh stop >/dev/null 2>&1 || true; cleanup' EXIT
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port
  kafka=()
fi
start_hub() {
  HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=drill PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true HUB_CONTEXT_INIT=false \
  HUB_RATE_LIMIT_ENABLED=false GITHUB_WEBHOOK_SECRET=$secret GITHUB_APP_ID=1 GITHUB_APP_PK="$(cat "$work/app.pem")" \
  GITHUB_API_URL=http://127.0.0.1:$stand_in_port CHITTYCHRONICLE_SERVICE_URL=http://127.0.0.1:$stand_in_port \
  GITHUB_REDELIVERY_INTERVAL=0 \
    java -Xmx512m -jar "$jar" "${kafka[@]}" >> "$work/hub.log" 2>&1 &
  hub=$!
  pids+=("$hub")
  # a loaded machine can take minutes to start the hub; bounded all the same
  wait_for "http://127.0.0.1:$management_port/actuator/health/readiness" 300
}
start_hub
echo "webhook drill ($mode), $count deliveries, $(date -u +%FT%TZ)"

python3 bench/drills/webhook_deliveries.py send --targets "http://127.0.0.1:$hub_port" --count "$count" \
    --secret "$secret" --out "$work/deliveries.txt" &
sender=$!
until [ "$(cat "$work/deliveries.txt" 2>/dev/null | wc -l)" -ge $((count / 3)) ]; do sleep 0.2; done
if [ "$mode" = kill ]; then
  kill -9 "$hub"
  echo "  hub killed with kill -9 after $(wc -l < "$work/deliveries.txt") deliveries; restarting"
  start_hub
else
  docker/kafka-local.sh stop >/dev/null
  echo "  broker stopped after $(wc -l < "$work/deliveries.txt") deliveries"
  sleep 5
  docker/kafka-local.sh start >/dev/null
  echo "  broker started again"
fi
wait "$sender"
cp "$work/hub.log" "${DRILL_LOG:-/tmp/webhook-drill-$mode.log}"
awk '{n[$3]++} END {for (s in n) printf "  answers %s: %d\n", s, n[s]}' "$work/deliveries.txt" | sort
python3 bench/drills/webhook_deliveries.py wait --timeout "${DRILL_WAIT:-300}" --stand-in "http://127.0.0.1:$stand_in_port" \
    --out "$work/deliveries.txt"
if python3 bench/drills/webhook_deliveries.py verify --stand-in "http://127.0.0.1:$stand_in_port" \
    --out "$work/deliveries.txt"; then
  echo "PASS webhook drill ($mode): every accepted delivery applied exactly once"
else
  echo "FAIL webhook drill ($mode)"; exit 1
fi
