#!/usr/bin/env bash
# Drill: a corpus of malformed requests to every door (bench/drills/malformed-corpus.txt). Passes when each is
# answered with a 4xx (for MCP: a JSON-RPC error, or a tool result with isError) and nothing was written: idempotency records, API keys, contexts and installations keep
# their row counts and the audit log gains no successful operation (refused attempts on audited capabilities are
# audited, by design), and no webhook reached the github-events topic's consumer. Upstreams point
# at a closed port, so a malformed request that slipped through validation would show up as a 502.
# Loopback only; bounded; stops what it starts (the machine's PostgreSQL keeps running).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

hub_port=18520
management_port=18529
psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS hub_drill_corpus' -c 'CREATE DATABASE hub_drill_corpus' \
    >/dev/null 2>&1
HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=drill PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true HUB_CONTEXT_INIT=false \
JDBC_URL=jdbc:postgresql://127.0.0.1:5432/hub_drill_corpus SPRING_DATASOURCE_USERNAME=postgres \
GITHUB_WEBHOOK_SECRET=drill-secret HUB_UPSTREAMS_DEFAULTS_RETRY_MAX_ATTEMPTS=1 \
  java -Xmx512m -jar "$jar" --hub.embedded.kafka.port=0 --hub.embedded.kafka.controller-port=0 \
      $(for s in $(sed -n 's/^      \(chitty[a-z]*\|notion\|openai\|google\|github\):$/\1/p' src/main/resources/application.yaml); do
          echo "--hub.upstreams.services.$s.base-url=http://127.0.0.1:9"; done) > "$work/hub.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$management_port/actuator/health/readiness"
key=$(new_key "http://127.0.0.1:$management_port" drill drill 1000000)
rows() {
  psql -h 127.0.0.1 -U postgres -d hub_drill_corpus -tAc "SELECT
    (SELECT count(*) FROM audit_log WHERE outcome = 'success') || ' successful audited operations, ' || (SELECT count(*) FROM idempotency_records) || ' idempotency, '
    || (SELECT count(*) FROM api_keys) || ' keys, ' || (SELECT count(*) FROM contexts) || ' contexts, '
    || (SELECT count(*) FROM installations) || ' installations, '
    || (SELECT count(*) FROM camel_messageprocessed) || ' processed deliveries'"
}

echo "malformed requests drill, $(date -u +%FT%TZ)"
before=$(rows)
# generated bodies the corpus refers to as @name
head -c 2000000 /dev/zero | tr '\0' 'a' | sed 's/^/{"entity":"/; s/$/"}/' > "$work/huge.json"
printf '%*s' 100000 '' | tr ' ' '[' > "$work/deep.json"
printf '{"entity":"PEO\xff\xfe"}' > "$work/latin.json"
printf 'X-Padding: %s\r\n' "$(head -c 20000 /dev/zero | tr '\0' x)" > "$work/long-header"

total=0; failures=()
while IFS='|' read -r label method path extra; do
  [[ -z "${label// }" || "$label" == \#* ]] && continue
  label=$(echo $label); method=$(echo $method); path=$(echo $path)
  extra=${extra//\$KEY/$key}
  extra=${extra//\$WORK/$work}
  eval "set -- $extra"
  code=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 15 -X "$method" "$@" \
      "http://127.0.0.1:$hub_port$path" 2>/dev/null || true)
  total=$((total + 1))
  # JSON-RPC answers a malformed call with an error object, and a refused tool call is a result with isError
  if [[ "$code" =~ ^4 ]]; then
    printf '  %s  %s\n' "$code" "$label"
  elif [[ "$code" == 200 ]] && grep -qE '"error" *:|"isError" *: *true' "$work/body"; then
    printf '  %s  %s: %s\n' "$code" "$label" "$(grep -oE '"(message|text)" *: *"[^"]{0,90}' "$work/body" | head -1)"
  else
    failures+=("$label ($code)")
    printf '  %s  %s  <-- %s\n' "$code" "$label" "$(head -c 200 "$work/body")"
  fi
done < bench/drills/malformed-corpus.txt
after=$(rows)
echo "  rows before: $before"
echo "  rows after:  $after"
psql -h 127.0.0.1 -U postgres -d hub_drill_corpus -tAc \
    "SELECT '  refused attempts audited: ' || operation || ' ' || outcome || ' ×' || count(*) FROM audit_log
     WHERE outcome <> 'success' GROUP BY operation, outcome ORDER BY 1"
[ "$before" = "$after" ] || failures+=("rows written")

if [ ${#failures[@]} -eq 0 ]; then
  echo "PASS malformed requests drill: $total requests, every one refused with a 4xx or a JSON-RPC error, nothing written"
else
  echo "FAIL malformed requests drill: ${failures[*]}"; exit 1
fi
