#!/usr/bin/env bash
# Runs the official MCP conformance suite (server scenarios) against a hub started from the packaged jar, and
# compares the result with scripts/mcp-conformance-baseline.yaml (scenarios expected to fail, one reason each).
# Exit status: 0 when every failure is in the baseline and nothing in the baseline passes unexpectedly.
#
#   scripts/mcp-conformance.sh            # builds the jar if missing; needs Java 17+, Maven, Node 20 and npx
#
# The suite (0.1.13; later versions need Node 22) cannot send an authentication header, so it talks to a small
# local proxy (scripts/mcp-auth-proxy.mjs) that adds an API key created for this run through the admin API;
# Host and Origin pass through, so dns-rebinding-protection tests the hub's own Origin check.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-18551}
PROXY_PORT=${PROXY_PORT:-18552}
DATA_DIR=${DATA_DIR:-$(mktemp -d /tmp/hub-mcp-conformance.XXXXXX)}
OUT_DIR=${OUT_DIR:-target/mcp-conformance}
SUITE_VERSION=0.1.13
export HUB_OPERATOR_PASSWORD=${HUB_OPERATOR_PASSWORD:-conformance-$RANDOM$RANDOM}

jar=$(ls target/chittyconnect-hub-*.jar 2>/dev/null | grep -v original | head -n1 || true)
if [[ -z "$jar" ]]; then
  mvn -B -q -DskipTests package
  jar=$(ls target/chittyconnect-hub-*.jar | grep -v original | head -n1)
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

PORT=$PORT HUB_DATA_DIR=$DATA_DIR java -Dhub.embedded.kafka.port=0 -Dhub.embedded.kafka.controller-port=0 \
  -jar "$jar" > "$DATA_DIR/hub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null \
  || { echo "hub did not become ready; see $DATA_DIR/hub.log" >&2; exit 1; }

MCP_API_KEY=$(curl -fs -u "operator:$HUB_OPERATOR_PASSWORD" -H 'X-Requested-By: cli' -H 'Content-Type: application/json' \
  -d '{"name":"mcp-conformance","rateLimit":100000}' "http://127.0.0.1:$PORT/admin/api-keys" \
  | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[[ -n "$MCP_API_KEY" ]] || { echo "could not create an API key" >&2; exit 1; }
MCP_API_KEY=$MCP_API_KEY node scripts/mcp-auth-proxy.mjs "$PROXY_PORT" "$PORT" &
pids+=($!)
sleep 1

mkdir -p "$OUT_DIR"
npx -y "@modelcontextprotocol/conformance@$SUITE_VERSION" server \
  --url "http://localhost:$PROXY_PORT/mcp" \
  --expected-failures scripts/mcp-conformance-baseline.yaml \
  -o "$OUT_DIR" 2>&1 | tee "$OUT_DIR/summary.txt"
