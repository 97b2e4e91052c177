# Attacks on request bodies and what platform-http makes of a request (issue 12, items 1, 9 (webhook), 13, 14).
# Sourced by bench/drills/attacks.sh, which runs the hub with -Xmx512m on the database hub_drill_attacks
# (attack_db overrides the name).

# prints the status of a chunked POST of <bytes> zero bytes after <prelude>, streamed from /dev/zero (never held)
_bodies_chunked() {
  local path=$1 bytes=$2 prelude=$3; shift 3
  { printf '%b' "$prelude"; head -c "$bytes" /dev/zero; } \
    | curl -s -o "$work/bodies-answer.json" -w '%{http_code}' --max-time 60 -X POST -T - -H 'Expect:' \
        -H 'Transfer-Encoding: chunked' "$@" "$hub$path" 2>/dev/null || true
}

_bodies_hub_answers() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "X-ChittyOS-API-Key: $key" "$hub/api/health")" = 200 ]
}

_bodies_upload() {
  _bodies_chunked /api/chittyevidence/ingest $((1536 * 1024 * 1024)) \
    '--drill\r\nContent-Disposition: form-data; name="file"; filename="zero.bin"\r\n\r\n' \
    -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: multipart/form-data; boundary=drill' "$@"
}

# item 1: a 1.5 GB chunked multipart upload once ended the hub (-Xmx768m) with an OutOfMemoryError
attack_chunked_upload_of_1_5_gb() {
  local status; status=$(_bodies_upload)
  [ "$status" = 413 ] || { reason "1.5 GB chunked upload answered $status, not 413"; return 1; }
  grep -q 'payload-too-large' "$work/bodies-answer.json" || { reason "the 413 is not the problem+json"; return 1; }
  _bodies_hub_answers || { reason "the hub stopped answering after the upload"; return 1; }
}

# item 1: the Idempotency-Key path read the whole body again to fingerprint it
attack_chunked_upload_of_1_5_gb_with_idempotency_key() {
  local status; status=$(_bodies_upload -H "Idempotency-Key: drill-upload-$RANDOM")
  [ "$status" = 413 ] || { reason "1.5 GB chunked upload with Idempotency-Key answered $status, not 413"; return 1; }
  _bodies_hub_answers || { reason "the hub stopped answering after the upload"; return 1; }
}

# item 9 (webhook): unsigned deliveries just under GitHub's 25 MB cap were each held whole before the signature
# check; 16 at once no longer fit a 512 MB heap. Each must be refused (401, or 429 where anonymous callers are
# limited), one past the cap 413, and the hub must live on.
attack_webhook_unsigned_bodies_held_before_the_signature_check() {
  local i statuses=() pids_here=()
  for i in $(seq 1 16); do
    _bodies_chunked /integrations/github/webhook $((24 * 1024 * 1024)) '{"zeros":"' \
      -H "X-GitHub-Delivery: drill-unsigned-$i" -H 'X-GitHub-Event: push' -H 'Content-Type: application/json' \
      -H "X-Hub-Signature-256: sha256=$(printf '0%.0s' $(seq 1 64))" > "$work/bodies-webhook-$i.status" &
    pids_here+=($!)
  done
  wait "${pids_here[@]}" || true
  for i in $(seq 1 16); do statuses+=("$(cat "$work/bodies-webhook-$i.status")"); done
  [ -z "$(printf '%s\n' "${statuses[@]}" | grep -vxE '401|429')" ] \
    || { reason "unsigned deliveries got ${statuses[*]}"; return 1; }
  local over; over=$(_bodies_chunked /integrations/github/webhook $((40 * 1024 * 1024)) '{"zeros":"' \
      -H 'X-GitHub-Delivery: drill-unsigned-over' -H 'X-GitHub-Event: push' -H 'Content-Type: application/json' \
      -H "X-Hub-Signature-256: sha256=$(printf '0%.0s' $(seq 1 64))")
  [ "$over" = 413 ] || { reason "a 40 MB chunked delivery answered $over, not 413"; return 1; }
  _bodies_hub_answers || { reason "the hub stopped answering after the deliveries"; return 1; }
}

# item 13: ?Cache-Control=public,max-age=86400 marked an authenticated answer as cacheable by shared caches
attack_query_parameter_cache_control() {
  local headers
  headers=$(curl -s -D - -o /dev/null --max-time 10 -H "X-ChittyOS-API-Key: $key" \
      "$hub/api/health?Cache-Control=public,max-age=86400&Location=https://evil.example")
  grep -q '^HTTP/1.1 200' <<< "$headers" || { reason "GET /api/health did not answer 200"; return 1; }
  if grep -qiE '^(cache-control:.*public|location:)' <<< "$headers"; then
    reason "a query parameter became a response header"; return 1
  fi
}

# item 13: ?X-Hub-Client=... wrote into the audit actor
attack_query_parameter_audit_actor() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H "X-ChittyOS-API-Key: $key" \
      -H 'Content-Type: application/json' -d '{"entity":"PEO","metadata":{"name":"Drill"}}' \
      "$hub/api/chittyid/mint?X-Hub-Client=key:forged-by-query")
  [ "$status" = 200 ] || [ "$status" = 201 ] || { reason "the mint answered $status"; return 1; }
  if curl -s --max-time 10 -u "operator:$operator_password" "$management/admin/audit?operation=chittyid.mint" \
      | grep -q 'forged-by-query'; then
    reason "the query parameter is in the audit log"; return 1
  fi
}

# item 14: a claim taken over after abandon-after was overwritten by the original request's late completion
attack_idempotency_late_completion_of_a_taken_over_claim() {
  local admin idem first second replay
  admin=$(stand_in chittyid)/__admin
  idem="drill-takeover-$RANDOM"
  # the first mint is slow and answers "first"; every later one answers "second" at once
  curl -s -o /dev/null -X POST "$admin/mappings" -d '{"priority":1,"scenarioName":"takeover",
      "requiredScenarioState":"Started","newScenarioState":"later","request":{"method":"POST","urlPath":"/v1/mint"},
      "response":{"status":201,"fixedDelayMilliseconds":4000,"headers":{"Content-Type":"application/json"},
      "jsonBody":{"chittyId":"first"}}}'
  curl -s -o /dev/null -X POST "$admin/mappings" -d '{"priority":1,"scenarioName":"takeover",
      "requiredScenarioState":"later","request":{"method":"POST","urlPath":"/v1/mint"},
      "response":{"status":201,"headers":{"Content-Type":"application/json"},"jsonBody":{"chittyId":"second"}}}'
  _bodies_mint() {
    curl -s --max-time 20 -H "X-ChittyOS-API-Key: $key" -H "Idempotency-Key: $idem" \
      -H 'Content-Type: application/json' -d '{"entity":"PEO"}' "$hub/api/chittyid/mint"
  }
  _bodies_mint > "$work/bodies-first.json" &
  first=$!
  sleep 1
  # the first request's instance looks dead: its lease was last renewed longer ago than abandon-after (5 min)
  psql -h 127.0.0.1 -U postgres -d "${attack_db:-hub_drill_attacks}" -qc "UPDATE idempotency_records
      SET renewed_at = now() - interval '10 minutes' WHERE idempotency_key = '$idem'" >/dev/null
  second=$(_bodies_mint)
  wait "$first" || true
  replay=$(_bodies_mint)
  curl -s -o /dev/null -X POST "$admin/mappings/reset"
  curl -s -o /dev/null -X POST "$admin/scenarios/reset"
  grep -q '"second"' <<< "$second" || { reason "the takeover did not run: $second"; return 1; }
  grep -q '"second"' <<< "$replay" || { reason "the late completion overwrote the stored answer: $replay"; return 1; }
}
