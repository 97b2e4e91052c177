# Attacks on the GitHub doors, the evidence fetch's egress, the OpenAI bill and the production defaults (issue 12
# items 6, 12, 16, 17, 18); sourced by bench/drills/attacks.sh. Each function returns 0 when the hub held.

# the request count in a WireMock /__admin/requests/count answer (pretty-printed JSON)
journal_count() { tr -d ' \n' | sed -E 's/.*"count":([0-9]+).*/\1/'; }

# POSTs a body signed with the drill's webhook secret: signed_delivery <delivery id> <event> <body>; prints status
signed_delivery() {
  local signature
  signature=$(printf '%s' "$3" | openssl dgst -sha256 -hmac drill-secret -r | cut -d' ' -f1)
  curl -s --max-time 30 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-GitHub-Delivery: $1" \
      -H "X-GitHub-Event: $2" -H "X-Hub-Signature-256: sha256=$signature" --data-binary "$3" \
      "$hub/integrations/github/webhook"
}

# Item 6: GitHub's own events (digits in the name) and its redeliveries (same GUID) are accepted; malformed refused
attack_github_real_events_are_accepted() {
  local id body status event
  body='{"action":"edited","projects_v2_item":{"id":7}}'
  for event in projects_v2 projects_v2_item projects_v2_status_update security_and_analysis merge_group \
      repository_vulnerability_alert; do
    id=$(cat /proc/sys/kernel/random/uuid)
    status=$(signed_delivery "$id" "$event" "$body")
    [ "$status" = 202 ] || { reason "$event answered $status, not 202"; return 1; }
  done
  status=$(signed_delivery "$id" "$event" "$body")
  [ "$status" = 202 ] || { reason "a redelivery (same GUID) answered $status, not 202"; return 1; }
  status=$(signed_delivery "$(cat /proc/sys/kernel/random/uuid)" "Push_Event" "$body")
  [ "$status" = 400 ] || { reason "a malformed event name answered $status, not 400"; return 1; }
}

# Item 12: the install callback tells an anonymous caller nothing, and concurrent calls mint at most one ChittyID
attack_install_callback_reveals_nothing_and_mints_once() {
  local installation=77$RANDOM body i
  body=$(curl -s --max-time 30 "$hub/integrations/github/callback?installation_id=$installation&setup_action=install")
  if grep -qiE 'chittyid|"account"|permissions|CTX-' <<<"$body"; then
    reason "the callback answered an anonymous caller: $body"; return 1
  fi
  local callers=()
  for i in $(seq 1 8); do
    curl -s --max-time 30 -o /dev/null "$hub/integrations/github/callback?installation_id=$installation" &
    callers+=($!)
  done
  wait "${callers[@]}"   # only these: the runner's own processes are background jobs of this shell too
  local mints
  local pattern="{\"method\":\"POST\",\"url\":\"/v1/mint\",\"bodyPatterns\":[{\"matchesJsonPath\":"
  pattern+="{\"expression\":\"\$.metadata.installationId\",\"equalTo\":\"$installation\"}}]}"
  mints=$(curl -s --max-time 30 -X POST -d "$pattern" "$(stand_in chittyid)/__admin/requests/count" | journal_count)
  # without GitHub App credentials in the drill's hub nothing is registered (0); with them, exactly one
  [ "${mints:-x}" -le 1 ] 2>/dev/null || { reason "$mints ChittyIDs minted for one installation"; return 1; }
}

# Item 16: caseId is checked before the file is fetched; addresses that carry IPv4 for a gateway are refused
attack_evidence_fetch_checks_case_id_before_fetching() {
  local answer
  local call='{"name":"chitty_evidence_ingest","arguments":'
  call+='{"fileUrl":"https://files.example.org/a.pdf","caseId":"../../admin"}}'
  answer=$(curl -s --max-time 30 -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' -d "$call" \
      "$hub/mcp/tools/call")
  grep -q '"caseId"' <<<"$answer" || { reason "a traversal caseId was not refused by name: $answer"; return 1; }
}

attack_evidence_fetch_refuses_gateway_addresses() {
  local url answer
  # with the drill's empty allow-list these are refused by host too; listed in HUB_MCP_EVIDENCE_HOSTS (through
  # ATTACK_HUB_ENV) they reach the address check
  for url in 'https://[64:ff9b::a9fe:a9fe]/x' 'https://[2002:7f00:1::1]/x' 'https://[::ffff:7f00:1]/x' \
      'https://[::127.0.0.1]/x' 'https://198.18.0.1/x' 'https://240.0.0.1/x'; do
    answer=$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" \
        -H 'Content-Type: application/json' \
        -d "{\"name\":\"chitty_evidence_ingest\",\"arguments\":{\"fileUrl\":\"$url\",\"caseId\":\"CASE-1\"}}" \
        "$hub/mcp/tools/call")
    [ "$answer" = 400 ] || { reason "$url answered $answer, not 400"; return 1; }
  done
}

# Item 17: a key holder cannot pick a model, a choice count or fields that run up the OpenAI bill
attack_openai_bill_cannot_be_run_up() {
  local body status hello='"messages":[{"role":"user","content":"drill-bill"}]'
  for body in "{$hello,\"model\":\"gpt-4-32k\"}" "{$hello,\"n\":128}" "{$hello,\"max_tokens\":1000000}" \
      "{$hello,\"logit_bias\":{\"50256\":100}}"; do
    status=$(curl -s --max-time 30 -o "$work/openai.json" -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" \
        -H 'Content-Type: application/json' -d "$body" "$hub/api/thirdparty/openai/chat")
    [ "$status" = 400 ] || { reason "$body answered $status, not 400"; return 1; }
    grep -q '"field"' "$work/openai.json" || { reason "the refusal of $body names no field"; return 1; }
  done
  local sent
  local pattern='{"method":"POST","url":"/v1/chat/completions","bodyPatterns":[{"contains":"drill-bill"}]}'
  sent=$(curl -s --max-time 30 -X POST -d "$pattern" "$(stand_in openai)/__admin/requests/count" | journal_count)
  [ "$sent" = 0 ] || { reason "$sent refused calls still reached OpenAI"; return 1; }
}

# Item 18: the prod jar refuses to start without an operator password or external servers; no-scope keys get none
attack_prod_refuses_to_start_unconfigured() {
  local port=18799 code
  # external servers named (nothing listens there), so the missing password is the one reason to refuse
  env -u HUB_OPERATOR_PASSWORD -u HUB_EMBEDDED SPRING_PROFILES_ACTIVE=prod KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 \
      JDBC_URL=jdbc:postgresql://127.0.0.1:1/none HUB_DATA_DIR="$work/prod-refusal" PORT=$port HUB_MANAGEMENT_PORT=$((port + 1)) \
      timeout 60 java -Xmx256m -jar "$jar" > "$work/prod-refusal.log" 2>&1
  code=$?
  [ "$code" -ne 0 ] && [ "$code" -ne 124 ] || { reason "prod without a password exited $code"; return 1; }
  grep -q HUB_OPERATOR_PASSWORD "$work/prod-refusal.log" || { reason "no word of HUB_OPERATOR_PASSWORD"; return 1; }
  env -u KAFKA_BOOTSTRAP_SERVERS -u JDBC_URL -u HUB_EMBEDDED SPRING_PROFILES_ACTIVE=prod HUB_OPERATOR_PASSWORD=x \
      HUB_DATA_DIR="$work/prod-refusal" PORT=$port HUB_MANAGEMENT_PORT=$((port + 1)) timeout 60 java -Xmx256m -jar "$jar" > "$work/prod-refusal.log" 2>&1
  code=$?
  [ "$code" -ne 0 ] && [ "$code" -ne 124 ] || { reason "prod on unrequested embedded servers exited $code"; return 1; }
  grep -q KAFKA_BOOTSTRAP_SERVERS "$work/prod-refusal.log" || { reason "no word of KAFKA_BOOTSTRAP_SERVERS"; return 1; }
  [ ! -d "$work/prod-refusal/postgres" ] || { reason "an embedded PostgreSQL was started"; return 1; }
}

attack_key_without_scopes_gets_none() {
  local created no_scopes status
  created=$(curl -s --max-time 30 -u "operator:$operator_password" -H 'X-Requested-By: drill' \
      -H 'Content-Type: application/json' -d '{"name":"drill-no-scopes"}' "$management/admin/api-keys")
  no_scopes=$(sed -E 's/.*"key":"([^"]+)".*/\1/' <<<"$created")
  status=$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $no_scopes" \
      -H 'Content-Type: application/json' -d '{"entity":"PEO"}' "$hub/api/chittyid/mint")
  [ "$status" = 403 ] || { reason "a key created without scopes minted: $status"; return 1; }
}
