package cc.chitty.connect.hub.mcp;

import cc.chitty.connect.hub.web.FilterOrder;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The SDK's stateless transport ignores the {@code MCP-Protocol-Version} header; the specification says a server
 * should answer 400 to a version it does not support. So a POST to {@code /mcp} naming a version outside the
 * transport's own list is answered here: HTTP 400 with a JSON-RPC invalid-request error. No header passes (the
 * specification has the server assume 2025-03-26 then). Runs after authentication, so an anonymous caller learns
 * nothing from it.
 */
@Component
@Order(FilterOrder.MCP_PROTOCOL_VERSION)
class ProtocolVersionGuard extends OncePerRequestFilter {

    private final List<String> supported;
    private final ObjectMapper mapper;

    ProtocolVersionGuard(HttpServletStatelessServerTransport transport, ObjectMapper mapper) {
        this.supported = transport.protocolVersions();
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/mcp".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String version = request.getHeader(HttpHeaders.PROTOCOL_VERSION);
        if (version == null || supported.contains(version)) {
            chain.doFilter(request, response);
            return;
        }
        // the header is not echoed: it is the caller's text
        ObjectNode answer = mapper.createObjectNode().put("jsonrpc", McpSchema.JSONRPC_VERSION).putNull("id");
        answer.putObject("error").put("code", McpSchema.ErrorCodes.INVALID_REQUEST).put("message",
                "Unsupported " + HttpHeaders.PROTOCOL_VERSION + " header; this server supports "
                        + String.join(", ", supported));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), answer);
    }
}
