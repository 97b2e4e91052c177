# Attacks on who may call what and at what cost (issue 12, items 2, 9, 10, 11). Sourced by bench/drills/attacks.sh.
# Attackers name their own address in X-Forwarded-For (the runner trusts 127.0.0.1 as a proxy), so spending an
# address's budget here never locks out the other attacks, which come from 127.0.0.1.

# A key with the given scopes and no limit of its own (so the tiers apply); prints the key.
auth_key() {
  local name=$1; shift
  local scopes; scopes=$(printf '"%s",' "$@")
  curl -fs -u "operator:$operator_password" -H 'X-Requested-By: drill' -H 'Content-Type: application/json' \
      -d "{\"name\":\"$name\",\"scopes\":[${scopes%,}]}" "$management/admin/api-keys" | sed -E 's/.*"key":"([^"]+)".*/\1/'
}

# A random well-formed key, never issued.
random_key() { echo "chitty_$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"; }

# Item 2: /api/chittyid/%6Dint routes to mint; 12 of them must not make a 12th mint (429 on the 11th, or 400).
attack_auth_encoded_path_skips_mint_tier() {
  local k; k=$(auth_key encoded-mint chittyid:mint)
  local minted=0 late=""
  for i in $(seq 1 12); do
    local s; s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $k" \
        -H 'Content-Type: application/json' -d '{"entity":"PEO"}' "$hub/api/chittyid/%6Dint")
    [ "$s" = 201 ] && minted=$((minted + 1))
    [ "$i" -gt 10 ] && late="$late $s"
  done
  [ "$minted" -le 10 ] || { reason "$minted mints through /api/chittyid/%6Dint"; return 1; }
  for s in $late; do [ "$s" = 400 ] || [ "$s" = 429 ] || { reason "11th/12th answered$late"; return 1; }; done
}

# Item 2: a key without chittyid:mint must not mint through an encoded path.
attack_auth_encoded_path_skips_scope() {
  local k; k=$(auth_key writer-not-minter chittyid:write)
  local s; s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $k" \
      -H 'Content-Type: application/json' -d '{"entity":"PEO"}' "$hub/api/chittyid/%6Dint")
  [ "$s" != 201 ] || { reason "a chittyid:write key minted through %6Dint"; return 1; }
  s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $k" \
      -H 'Content-Type: application/json' -d '{"entity":"PEO"}' "$hub/api/chittyid/mint")
  [ "$s" = 403 ] || { reason "plain mint path answered $s, not 403"; return 1; }
}

# Item 2: /%6Dcp reaches the MCP servlet; it must not skip the /mcp guards (here the protocol-version guard).
attack_auth_encoded_mcp_path_skips_guards() {
  local s; s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" \
      -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
      -H 'MCP-Protocol-Version: 1999-01-01' -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' "$hub/%6Dcp")
  [ "$s" = 400 ] || { reason "POST /%6Dcp with a bad protocol version answered $s"; return 1; }
}

# Item 9: random well-formed keys from one address: 401s are budgeted, then 429 before any key lookup.
attack_auth_random_key_flood() {
  local address=198.51.100.201 s last="" n401=0
  for _ in $(seq 1 40); do
    s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $address" \
        -H "X-ChittyOS-API-Key: $(random_key)" "$hub/api/registry/services")
    [ "$s" = 401 ] && n401=$((n401 + 1))
    last=$s
  done
  [ "$last" = 429 ] || { reason "the 40th random key answered $last ($n401 x 401)"; return 1; }
  s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: 198.51.100.202" \
      -H "X-ChittyOS-API-Key: $(random_key)" "$hub/api/registry/services")
  [ "$s" = 401 ] || { reason "another address answered $s, not 401"; return 1; }
}

# Item 9: IPv6 clients of one /64 share one budget.
attack_auth_ipv6_address_rotation() {
  local s
  for i in $(seq 1 40); do
    s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: 2001:db8:9:9::$(printf '%x' "$i")" \
        -H "X-ChittyOS-API-Key: $(random_key)" "$hub/api/registry/services")
  done
  [ "$s" = 429 ] || { reason "the 40th address of one /64 answered $s"; return 1; }
}

# Item 9: operator password guessing is throttled before the bcrypt check: 10 failures a minute per address (the
# budget refills smoothly, one guess per 6 s, so on a slow machine a guess or two more may get through).
attack_auth_operator_password_guessing() {
  local address=198.51.100.203 s n401=0
  for i in $(seq 1 20); do
    s=$(curl -s -D "$work/login-headers" -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $address" \
        -u "operator:guess-$i" "$management/admin/api-keys")
    [ "$s" = 401 ] && n401=$((n401 + 1))
  done
  [ "$s" = 429 ] || { reason "the 20th wrong password answered $s ($n401 x 401)"; return 1; }
  [ "$n401" -lt 20 ] || { reason "all 20 guesses were checked"; return 1; }
  grep -qi '^Retry-After:' "$work/login-headers" || { reason "no Retry-After"; return 1; }
}

# Item 10: another key holder who learns a legacy SSE session id cannot post into it.
attack_auth_sse_session_hijack() {
  local owner intruder; owner=$(auth_key sse-owner services:read); intruder=$(auth_key sse-intruder services:read)
  curl -s -N -m 8 -H "X-ChittyOS-API-Key: $owner" "$hub/mcp/sse" > "$work/sse-stream" &
  local stream=$!
  local id=""
  for _ in $(seq 1 50); do
    id=$(sed -nE 's/^data:.*sessionId=([0-9a-f-]+).*/\1/p' "$work/sse-stream" | head -1)
    [ -n "$id" ] && break; sleep 0.1
  done
  local s; s=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $intruder" \
      -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"ping"}' \
      "$hub/mcp/message?sessionId=$id")
  kill "$stream" 2>/dev/null; wait "$stream" 2>/dev/null || true
  [ -n "$id" ] || { reason "no session id in the stream"; return 1; }
  [ "$s" = 404 ] || [ "$s" = 403 ] || { reason "the intruder's post answered $s"; return 1; }
}

# Item 10: one key cannot hold more than its cap of open SSE streams (5).
attack_auth_sse_stream_hoarding() {
  local k; k=$(auth_key sse-hoarder services:read)
  local streams=() s
  for _ in $(seq 1 5); do
    curl -s -N -m 10 -o /dev/null -H "X-ChittyOS-API-Key: $k" "$hub/mcp/sse" & streams+=($!)
  done
  sleep 2
  s=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $k" "$hub/mcp/sse")
  for p in "${streams[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done
  [ "$s" = 429 ] || { reason "the 6th stream answered $s"; return 1; }
}

# Item 11: the awareness resource shows the registry: a key with services:read alone must not read it.
attack_auth_awareness_without_registry_scope() {
  local k; k=$(auth_key services-only services:read)
  local answer; answer=$(curl -s -H "X-ChittyOS-API-Key: $k" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' \
      -d '{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"chitty://context/awareness"}}' "$hub/mcp")
  echo "$answer" | grep -q '"error"' || { reason "awareness read without registry:read"; return 1; }
  echo "$answer" | grep -q 'registry:read' || { reason "refusal does not name registry:read: $answer"; return 1; }
}

# Item 11: resource reads spend the mcp_tools tier (30 a minute, refilled one per 2 s) like tool calls: 60 reads
# in a row must meet the limit, however slow the machine.
attack_auth_resource_reads_unmetered() {
  local k; k=$(auth_key resource-reader registry:read)
  local limited=0
  for _ in $(seq 1 60); do
    curl -s -H "X-ChittyOS-API-Key: $k" -H 'Content-Type: application/json' \
        -H 'Accept: application/json, text/event-stream' \
        -d '{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"chitty://registry/services"}}' \
        "$hub/mcp" | grep -q -- '-32029' && limited=$((limited + 1))
  done
  [ "$limited" -gt 0 ] || { reason "none of 60 resource reads in a row was rate limited"; return 1; }
}
