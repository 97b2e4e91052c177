#!/usr/bin/env bash
# Drill: the attacks of the hardening issue, each against one running hub (the packaged jar, prod profile, the
# machine's PostgreSQL, an in-process Kafka, WireMock stand-ins for the services the attacks touch). Each file in
# bench/drills/attacks/ defines one or more functions named attack_<name>; each is run once and prints one
# PASS/FAIL line; the drill ends with "N passed, N failed". Loopback only; bounded; stops what it starts.
#
# What an attack file may use: $hub (base URL), $key (an API key with every scope and a high limit),
# $operator_password, $work (a scratch directory), stand_in <service> (the stand-in's base URL, for its
# /__admin API), new_key (bench/lib.sh), and reason "<text>" to say why an attack failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

hub_port=18700
hub=http://127.0.0.1:$hub_port
# the management port: admin API, actuator, Hawtio, Jolokia
management_port=18699
management=http://127.0.0.1:$management_port
operator_password=drill-operator
# the services the attacks call; each gets its own WireMock on 18701, 18702, …
stand_ins=(chittyid chittyregistry chittyevidence openai github)
declare -A stand_in_port
stand_in() { echo "http://127.0.0.1:${stand_in_port[$1]}"; }
# attacks name their own client address in X-Forwarded-For, as clients behind a proxy are named
hub_args=(--hub.rate-limit.trusted-proxies=127.0.0.1)
port=18701
for service in "${stand_ins[@]}"; do
  stand_in_port[$service]=$port
  java -Xmx96m -jar "$wiremock" --port "$port" --bind-address 127.0.0.1 \
      --root-dir "src/test/resources/standins/$service" --disable-request-logging > "$work/$service.log" 2>&1 &
  pids+=($!)
  hub_args+=("--hub.upstreams.services.$service.base-url=http://127.0.0.1:$port"
             "--hub.upstreams.services.$service.token=drill-token")
  port=$((port + 1))
done
for service in "${stand_ins[@]}"; do wait_for "$(stand_in "$service")/__admin/health"; done

psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS hub_drill_attacks' -c 'CREATE DATABASE hub_drill_attacks' \
    >/dev/null 2>&1
HUB_DATA_DIR=$work/data HUB_OPERATOR_PASSWORD=$operator_password PORT=$hub_port HUB_MANAGEMENT_PORT=$management_port SPRING_PROFILES_ACTIVE=prod HUB_EMBEDDED=true \
HUB_CONTEXT_INIT=false JDBC_URL=jdbc:postgresql://127.0.0.1:5432/hub_drill_attacks SPRING_DATASOURCE_USERNAME=postgres \
GITHUB_WEBHOOK_SECRET=drill-secret ${ATTACK_HUB_ENV:-} \
  java -Xmx512m ${ATTACK_HUB_JAVA_OPTS:-} -jar "$jar" --hub.embedded.kafka.port=0 \
      --hub.embedded.kafka.controller-port=0 "${hub_args[@]}" > "$work/hub.log" 2>&1 &
hub_pid=$!
pids+=($hub_pid)
wait_for "$management/actuator/health/readiness" 180
key=$(new_key "$management" "$operator_password" attacks 1000000)

why=""
reason() { why="$*"; }
passed=0; failed=0
echo "attack drill, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)"
for file in bench/drills/attacks/*.sh; do source "$file"; done
for attack in $(declare -F | awk '{print $3}' | grep '^attack_' | sort); do
  why=""
  if "$attack"; then
    passed=$((passed + 1)); echo "PASS ${attack#attack_}"
  else
    failed=$((failed + 1)); echo "FAIL ${attack#attack_}: ${why:-see $work/hub.log}"
  fi
  kill -0 "$hub_pid" 2>/dev/null || { echo "FAIL the hub process died"; failed=$((failed + 1)); break; }
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
