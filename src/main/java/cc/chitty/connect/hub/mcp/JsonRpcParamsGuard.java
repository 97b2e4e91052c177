package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import cc.chitty.connect.hub.web.BufferedBodyRequest;
import cc.chitty.connect.hub.web.FilterOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The MCP SDK reads a request's params into its own request type on the request thread, outside its error
 * handling, so params of the wrong shape (tool arguments that are a string, a name that is a number) became an
 * HTTP 500 quoting Jackson. This guard reads them into the same types first and answers a mismatch as JSON-RPC
 * says: error -32602 naming the method, over HTTP 200. Everything else passes to the SDK untouched, with the
 * message as parsed here ({@link #messageOf}), so that what comes after need not parse it again. A plain tools/call
 * the public port answers itself ({@link PublicToolCalls}) is checked there by the same methods, and handed here,
 * unanswered, when they find it wanting.
 */
@Component
@Order(FilterOrder.MCP_JSON_RPC_PARAMS)
class JsonRpcParamsGuard extends OncePerRequestFilter {

    private static final String MESSAGE = JsonRpcParamsGuard.class.getName() + ".message";
    private static final Set<String> PATHS = Set.of("/mcp", "/mcp/message");
    private static final Map<String, Class<?>> PARAMS = Map.of(
            McpSchema.METHOD_INITIALIZE, McpSchema.InitializeRequest.class,
            McpSchema.METHOD_TOOLS_CALL, McpSchema.CallToolRequest.class,
            McpSchema.METHOD_TOOLS_LIST, McpSchema.PaginatedRequest.class,
            McpSchema.METHOD_RESOURCES_READ, McpSchema.ReadResourceRequest.class,
            McpSchema.METHOD_RESOURCES_LIST, McpSchema.PaginatedRequest.class,
            McpSchema.METHOD_PROMPT_GET, McpSchema.GetPromptRequest.class,
            McpSchema.METHOD_PROMPT_LIST, McpSchema.PaginatedRequest.class,
            McpSchema.METHOD_COMPLETION_COMPLETE, McpSchema.CompleteRequest.class);

    private final ObjectMapper mapper;

    JsonRpcParamsGuard(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATHS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode message = parsed(body);
        String invalid = invalidParams(message);
        if (invalid != null) {
            ObjectNode answer = mapper.createObjectNode().put("jsonrpc", McpSchema.JSONRPC_VERSION);
            answer.set("id", message.get("id"));
            answer.putObject("error").put("code", McpSchema.ErrorCodes.INVALID_PARAMS)
                    .put("message", "Invalid params: " + invalid);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), answer);
            return;
        }
        if (message != null) {
            request.setAttribute(MESSAGE, message);
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /**
     * The JSON of a POST this guard passed, as it parsed it (not to be changed); null when the body was no JSON or
     * the guard did not see the request. The body itself stays readable.
     */
    static JsonNode messageOf(HttpServletRequest request) {
        return (JsonNode) request.getAttribute(MESSAGE);
    }

    /** The body as JSON; null when it is none. The public port's {@link PublicToolCalls} parses with it too. */
    JsonNode parsed(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException notJson) {
            return null; // the SDK answers a parse error itself
        }
    }

    /**
     * Why the params of this JSON-RPC request do not fit its method, or null when they do (or it is not one): what
     * this guard answers -32602 for, and the public port's {@link PublicToolCalls} leaves to it.
     */
    String invalidParams(JsonNode message) {
        if (message == null || !message.path("method").isTextual() || !message.hasNonNull("params")) {
            return null;
        }
        Class<?> type = PARAMS.get(message.get("method").asText());
        if (type == null) {
            return null;
        }
        try {
            mapper.treeToValue(message.get("params"), type);
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "the params of " + message.get("method").asText() + " do not have the shape the method takes";
        }
    }
}
