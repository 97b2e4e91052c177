# Shared set-up of the load benchmarks (sourced): a work directory and process list cleaned up on exit, wrk, the
# packaged jar and the WireMock standalone jar, wait_for <url> [seconds, default 60], and new_key <hub management url>
# <operator password> <name> <requests per minute> [scopes as a JSON array], which creates an API key through the
# admin API and prints it; nginx_instance <name> <server block> starts an nginx on CPU 0 (peers.sh's D and N, the
# webhook bench's stand-in).
work=$(mktemp -d /tmp/hub-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
jar=target/chittyconnect-hub-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || mvn -q -B -DskipTests package
wiremock=target/bench/wiremock-standalone-3.13.2.jar
[ -f "$wiremock" ] || mvn -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
    -DoutputDirectory=target/bench

wait_for() { for _ in $(seq 1 $((${2:-60} * 10))); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "timeout: $1" >&2; exit 1; }

new_key() {
  curl -fs -u "operator:$2" -H 'X-Requested-By: bench' -H 'Content-Type: application/json' \
      -d "{\"name\":\"$3\",\"rateLimit\":$4,\"scopes\":${5:-[\"*\"]}}" \
      "$1/admin/api-keys" | sed -E 's/.*"key":"([^"]+)".*/\1/'
}

# nginx <name> <server block>: its own prefix, configuration, pid file, logs and temp directories under $work
nginx_instance() {
  local dir=$work/$1
  mkdir -p "$dir"
  cat > "$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events {}
http {
  access_log off;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  $2
}
CONF
  taskset -c 0 nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" -g 'daemon off;' &
  pids+=($!)
}
