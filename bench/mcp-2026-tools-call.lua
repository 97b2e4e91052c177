-- wrk: POST a revision 2026-07-28 tools/call to /mcp: no initialize, no session; the version and client
-- capabilities in _meta, the method and tool name in the Mcp-Method / Mcp-Name headers the hub checks against it
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2026-07-28"
wrk.headers["Mcp-Method"] = "tools/call"
wrk.headers["Mcp-Name"] = "chitty_registry_discover"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call",'
    .. '"params":{"name":"chitty_registry_discover","arguments":{},'
    .. '"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}'
