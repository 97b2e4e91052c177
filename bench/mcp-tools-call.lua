-- wrk: POST a JSON-RPC tools/call to the stateless Streamable HTTP endpoint (no session, no initialize needed)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call",'
    .. '"params":{"name":"chitty_registry_discover","arguments":{}}}'
