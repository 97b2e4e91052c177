# Attacks on the operator surface through an operator's browser, which holds the cached Basic login: another site's
# page forging admin writes, and Jolokia used to stop routes or dump the heap (issue 12, items 7 and 8).
# Sourced by bench/drills/attacks.sh.

# a field-less <form method=post> on another site: credentials, an empty form body, the other site's Origin
attack_cross_site_form_revokes_a_key() {
  local created id key status
  created=$(curl -fs -u "operator:$operator_password" -H 'X-Requested-By: drill' -H 'Content-Type: application/json' \
      -d '{"name":"csrf-victim","scopes":["chittyid:read"]}' "$hub/admin/api-keys") \
      || { reason "could not create the victim key"; return 1; }
  id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<< "$created")
  key=$(sed -E 's/.*"key":"([^"]+)".*/\1/' <<< "$created")
  status=$(curl -s -o /dev/null -w '%{http_code}' -u "operator:$operator_password" -X POST \
      -H 'Origin: https://attacker.example' -H 'Content-Type: application/x-www-form-urlencoded' \
      "$hub/admin/api-keys/$id/revoke")
  [ "$status" = 403 ] || { reason "the forged revoke answered $status"; return 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" "$hub/api/health")
  [ "$status" = 200 ] || { reason "the victim's key answered $status after the forged revoke"; return 1; }
}
