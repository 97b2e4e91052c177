# Sourced by the scripts that check the hub from outside (mcp-conformance.sh, mcp-client-check.sh): starts the packaged
# jar (built when missing) with embedded PostgreSQL and Kafka on $PORT (public) and $HUB_MANAGEMENT_PORT (admin API,
# actuator) and a fresh data directory (or DATA_DIR), waits until it is ready, creates an API key through the admin API,
# and on exit stops the hub and removes the directory it made. Sets HUB_URL (public), MANAGEMENT_URL, MCP_API_KEY,
# DATA_DIR, and the pids array that the exit trap kills (add your own processes).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${PORT:?set PORT}
HUB_MANAGEMENT_PORT=${HUB_MANAGEMENT_PORT:?set HUB_MANAGEMENT_PORT}
own_data_dir=
[[ -n "${DATA_DIR:-}" ]] || { DATA_DIR=$(mktemp -d /tmp/hub-check.XXXXXX); own_data_dir=$DATA_DIR; }
export HUB_OPERATOR_PASSWORD=${HUB_OPERATOR_PASSWORD:-check-$RANDOM$RANDOM}
HUB_URL="http://127.0.0.1:$PORT"
MANAGEMENT_URL="http://127.0.0.1:$HUB_MANAGEMENT_PORT"

jar=$(ls target/chittyconnect-hub-*.jar 2>/dev/null | grep -v original | head -n1 || true)
if [[ -z "$jar" ]]; then
  mvn -B -q -DskipTests package
  jar=$(ls target/chittyconnect-hub-*.jar | grep -v original | head -n1)
fi

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -z "$own_data_dir" ]] || rm -rf "$own_data_dir"
}
trap stop_all EXIT

PORT=$PORT HUB_MANAGEMENT_PORT=$HUB_MANAGEMENT_PORT HUB_DATA_DIR=$DATA_DIR HUB_EMBEDDED=true java -Dhub.embedded.kafka.port=0 \
  -Dhub.embedded.kafka.controller-port=0 -jar "$jar" > "$DATA_DIR/hub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  if curl -fs "$MANAGEMENT_URL/actuator/health/readiness" > /dev/null; then break; fi
  sleep 1
done
curl -fs "$MANAGEMENT_URL/actuator/health/readiness" > /dev/null \
  || { tail -n 40 "$DATA_DIR/hub.log" >&2; echo "hub did not become ready (its log's end above)" >&2; exit 1; }

MCP_API_KEY=$(curl -fs -u "operator:$HUB_OPERATOR_PASSWORD" -H 'X-Requested-By: cli' \
  -H 'Content-Type: application/json' -d '{"name":"mcp-check","rateLimit":100000,"scopes":["*"]}' "$MANAGEMENT_URL/admin/api-keys" \
  | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[[ -n "$MCP_API_KEY" ]] || { echo "could not create an API key" >&2; exit 1; }
export MCP_API_KEY HUB_URL
