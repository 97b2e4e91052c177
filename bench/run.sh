#!/usr/bin/env bash
# The benchmark runner: every benchmark of bench/ in turn, on loopback, each starting and stopping what it needs,
# and the outputs gathered into bench/RESULTS.md with the command that produced each figure and the machine.
# Usage: bench/run.sh [seconds per measured run, default 20] [warm-up seconds, default 60] [rounds of the peers'
#        comparison, default 5] [start-up runs per layout, default 3] [seconds of each webhook run, default 60: the
#        target is received -> processed at a fixed 500/s for 60 s]
# Takes about 45 minutes with the defaults; run it on an otherwise idle machine. A smoke run: bench/run.sh 2 2 1 1 2.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
warmup=${2:-60}
rounds=${3:-5}
startups=${4:-3}
webhook_secs=${5:-60}
results=${BENCH_RESULTS:-bench/RESULTS.md}
log=$(mktemp /tmp/hub-bench-run.XXXXXX)
trap 'rm -f "$log"' EXIT

mvn -q -B -DskipTests package

# runs a benchmark, keeps its output for the report and echoes it as it goes
section() {
  local title=$1 command=$2
  echo "== $title: $command" >&2
  {
    echo "## $title"
    echo
    echo "\`$command\`"
    echo
    # Maven's colour codes out first, so that progress lines (starting with "[") are left out too
    bash -c "$command" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep -v '^\[' | tee /dev/stderr
    echo
  } >> "$log"
}

section "The hub next to nginx and Spring Cloud Gateway, interleaved" "bench/peers.sh $secs $warmup $rounds"
if [ -x bench/webhooks.sh ]; then
  section "Signed webhooks (fixed rate 500/s, the target's)" "bench/webhooks.sh $webhook_secs 16 500 $warmup"
  # at a rate the hub keeps up with, received -> processed is a latency rather than the age of a growing queue
  section "Signed webhooks (fixed rate 200/s)" "bench/webhooks.sh $webhook_secs 16 200 $warmup"
fi
section "Start to ready, fat jar" "bench/startup.sh $startups fat"
section "Start to ready, extracted jar with an AppCDS archive" "bench/startup.sh $startups cds"

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
java_version=$(java -version 2>&1 | head -1)
{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh $secs $warmup $rounds $startups $webhook_secs\` at commit $(git rev-parse --short HEAD) on $(date -u +%FT%TZ): $cpu, $(nproc) cores, $memory,"
  echo "$java_version, Linux $(uname -r). Servers pinned to CPU 0, the load generator to CPU 1; loopback only."
  echo "Each section names the command that produced it; ratios compare runs of the same session."
  echo
  cat "$log"
} > "$results"
echo "wrote $results" >&2
