#!/usr/bin/env bash
# MCP tools/call next to REST, the same capability (chitty_registry_discover / GET /api/registry/services to the
# nginx stand-in D): revision 2026-07-28 (MCP26), 2025-11-25 (MCP) and the REST door (H), interleaved in one run by
# bench/peers.sh, which prints req/s, p50, p99 and CPU per request, and the ratios MCP ÷ H and MCP26 ÷ MCP.
# Usage: bench/mcp.sh [seconds per measured run, default 20] [warm-up seconds per target, default 60] [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS_TARGETS="H MCP MCP26" exec bench/peers.sh "$@"
