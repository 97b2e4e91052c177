# Attacks on the operator surface through an operator's browser, which holds the cached Basic login: another site's
# page forging admin writes, and Jolokia used to stop routes or dump the heap (issue 12, items 7 and 8).
# Sourced by bench/drills/attacks.sh.

_operator_timer='org.apache.camel:context=chittyconnect-hub,type=routes,name=%22github.processed-cleanup.timer%22'

# a field-less <form method=post> on another site: credentials, an empty form body, the other site's Origin
attack_cross_site_form_revokes_a_key() {
  local created id key status
  created=$(curl -fs -u "operator:$operator_password" -H 'X-Requested-By: drill' -H 'Content-Type: application/json' \
      -d '{"name":"csrf-victim","scopes":["chittyid:read"]}' "$management/admin/api-keys") \
      || { reason "could not create the victim key"; return 1; }
  id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<< "$created")
  key=$(sed -E 's/.*"key":"([^"]+)".*/\1/' <<< "$created")
  status=$(curl -s -o /dev/null -w '%{http_code}' -u "operator:$operator_password" -X POST \
      -H 'Origin: https://attacker.example' -H 'Content-Type: application/x-www-form-urlencoded' \
      "$management/admin/api-keys/$id/revoke")
  [ "$status" = 403 ] || { reason "the forged revoke answered $status"; return 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-ChittyOS-API-Key: $key" "$hub/api/health")
  [ "$status" = 200 ] || { reason "the victim's key answered $status after the forged revoke"; return 1; }
}

# an <img src=".../actuator/jolokia/exec/...stop()"> on another site: a GET carries no CSRF token
attack_jolokia_get_stops_a_route() {
  local path status
  for path in "/actuator/jolokia/exec/$_operator_timer/stop()" "/actuator/jolokia/?p=/exec/$_operator_timer/stop()" \
      "/actuator/hawtio/jolokia/exec/$_operator_timer/stop()"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -u "operator:$operator_password" \
        -H 'Referer: https://attacker.example/cat.html' "$management$path")
    [ "$status" = 403 ] || { reason "GET $path answered $status on the management port"; return 1; }
    status=$(curl -s -o /dev/null -w '%{http_code}' -u "operator:$operator_password" "$hub$path")
    [ "$status" = 404 ] || { reason "GET $path answered $status on the public port"; return 1; }
  done
  curl -s -u "operator:$operator_password" -H "Origin: $management" "$management/actuator/jolokia/read/$_operator_timer/State" \
      | grep -q '"Started"' \
      || { reason "the route is no longer started"; return 1; }
}

# what the console itself may send (token, own origin) must still not dump the heap, which holds the App key
attack_jolokia_dumps_the_heap() {
  local token answer dump="$work/heap.hprof"
  curl -s -o /dev/null -c "$work/operator.cookies" -u "operator:$operator_password" "$management/actuator/hawtio/"
  token=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$work/operator.cookies")
  [ -n "$token" ] || { reason "no CSRF token from the console"; return 1; }
  for request in "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\",\"operation\":\"dumpHeap(java.lang.String,boolean)\",\"arguments\":[\"$dump\",true]}" \
      "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\",\"operation\":\"gcHeapDump([Ljava.lang.String;)\",\"arguments\":[[\"$dump\"]]}"; do
    answer=$(curl -s -b "$work/operator.cookies" -u "operator:$operator_password" -H "X-XSRF-TOKEN: $token" \
        -H "Origin: $management" -H 'Content-Type: application/json' -d "$request" "$management/actuator/jolokia/")
    grep -q '"status":403' <<< "$answer" || { reason "a dump was not refused: ${answer:0:200}"; return 1; }
  done
  [ ! -e "$dump" ] || { reason "a heap dump was written"; return 1; }
}

# another site's script, even holding a token, is refused by Jolokia's strict origin check
attack_jolokia_from_another_origin() {
  local token answer
  curl -s -o /dev/null -c "$work/operator.cookies" -u "operator:$operator_password" "$management/actuator/hawtio/"
  token=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$work/operator.cookies")
  answer=$(curl -s -b "$work/operator.cookies" -u "operator:$operator_password" -H "X-XSRF-TOKEN: $token" \
      -H 'Origin: https://attacker.example' -H 'Content-Type: application/json' \
      -d '{"type":"read","mbean":"java.lang:type=Runtime","attribute":"InputArguments"}' "$management/actuator/jolokia/")
  grep -q '"status":403' <<< "$answer" || { reason "another origin was answered: ${answer:0:200}"; return 1; }
}
