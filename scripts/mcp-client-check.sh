#!/usr/bin/env bash
# The TypeScript MCP SDK clients against the packaged hub: lists the tools and calls one over each revision the hub
# serves (scripts/mcp-check/client-check.mjs). Run by .ci/run after the Maven build; exit status 0 when all passed.
#
#   scripts/mcp-client-check.sh        # PORT (default 18553) and HUB_MANAGEMENT_PORT (18554) for the hub; builds
#                                      # the jar if missing
set -euo pipefail
PORT=${PORT:-18553}
HUB_MANAGEMENT_PORT=${HUB_MANAGEMENT_PORT:-18554}
source "$(dirname "$0")/packaged-hub.sh"

[[ -d scripts/mcp-check/node_modules ]] \
  || (cd scripts/mcp-check && npm ci --no-audit --no-fund --loglevel=error)
(cd scripts/mcp-check && node client-check.mjs)
