# Trace context (issue 16, item 2): a client's traceparent, forged, malformed or oversized, never fails a request and
# never reaches an upstream verbatim: the upstream sees a well-formed traceparent whose parent is the hub's own span
# (a valid one keeps its trace id, which is the point of propagation).
attack_tracing_client_traceparent_never_passed_verbatim() {
  local client_span=00f067aa0ba902b7 trace_id=4bf92f3577b34da6a3ce929d0e0e4736 status tp sent
  local oversized
  oversized="00-$(printf 'a%.0s' $(seq 1 3000))-$client_span-01"
  curl -s -X DELETE "$(stand_in chittyid)/__admin/requests" >/dev/null
  for tp in "00-$trace_id-$client_span-01" "zz-not-a-traceparent\"; x=1" "$oversized"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -m 20 -X POST "$hub/api/chittyid/mint" \
        -H "X-ChittyOS-API-Key: $key" -H 'Content-Type: application/json' -H "traceparent: $tp" \
        -d '{"entity":"PEO"}')
    [ "${status:0:1}" = 2 ] || { reason "traceparent ${tp:0:30}… answered $status"; return 1; }
  done
  sent=$(curl -s "$(stand_in chittyid)/__admin/requests" \
      | jq -r '.requests[] | select(.request.url == "/v1/mint") | .request.headers.traceparent // "none"')
  [ "$(wc -l <<< "$sent")" = 3 ] || { reason "the stand-in saw $(wc -l <<< "$sent") mint calls, not 3"; return 1; }
  grep -qvE '^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$' <<< "$sent" && { reason "an upstream got: $sent"; return 1; }
  grep -q "$client_span" <<< "$sent" && { reason "the client's span id reached the upstream"; return 1; }
  grep -q "^00-$trace_id-" <<< "$sent" || { reason "a valid caller's trace id was not continued"; return 1; }
  return 0
}
