package cc.chitty.connect.hub.mcp;

import java.util.Map;

import cc.chitty.connect.hub.security.Client;
import cc.chitty.connect.hub.security.ClientAuthentication;
import cc.chitty.connect.hub.web.RequestIdFilter;
import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who makes an MCP call: the client the security chain accepted (an API key or an access token), and the request id
 * to trace it by.
 */
record Caller(Client client, String requestId) {

    private static final String CONTEXT_KEY = "hub.caller";

    static Caller of(HttpServletRequest request) {
        if (!(request.getUserPrincipal() instanceof ClientAuthentication authentication)) {
            // the API-key chain covers every MCP path; reaching here unauthenticated is a configuration error
            throw new IllegalStateException("MCP request without an API key or access token");
        }
        return new Caller(authentication.client(), request.getHeader(RequestIdFilter.HEADER));
    }

    /** What the SDK's transports hand to every handler of the request. */
    static McpTransportContext contextOf(HttpServletRequest request) {
        return McpTransportContext.create(Map.of(CONTEXT_KEY, of(request)));
    }

    static Caller of(McpTransportContext context) {
        return (Caller) context.get(CONTEXT_KEY);
    }
}
