package cc.chitty.connect.hub.mcp;

import java.util.List;

import cc.chitty.connect.hub.upstream.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletRequestUtils;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A {@code tools/call} of the {@code initialize} revisions naming no session, answered on the request's thread from
 * the message {@link JsonRpcParamsGuard} parsed, instead of by the SDK's stateless server, which would read the body
 * again, parse it twice more and run the call through Reactor: this is the one-POST call every stateless client
 * makes, and the hub's busiest MCP request. The answer is the SDK's, byte for byte: HTTP 200, {@code application/json},
 * the JSON-RPC result (the tool's output checked against its output schema, as the SDK checks it) or the error
 * {@link McpErrors} makes of a refusal, written by the same JSON mapper.
 * <p>
 * Guarantees: only a request the SDK would run the tool for is taken (JSON content, an {@code Accept} of both kinds,
 * a JSON-RPC request with an id, a tool the hub has); anything else is left to the SDK, untouched, to answer as it
 * does. Both engines answer through this class: Tomcat's {@link McpRevisionRouter}, and the public port's
 * {@link PublicToolCalls}, which takes the same requests (by {@link #taken}) without the hop to Tomcat.
 */
final class StatelessToolCall implements DirectToolCall {

    private final ToolDispatcher dispatcher;
    private final HubTools tools;
    private final ArgumentSchemas schemas;
    private final ObjectMapper mapper;
    private final McpJsonMapper json;

    StatelessToolCall(ToolDispatcher dispatcher, HubTools tools, ArgumentSchemas schemas, ObjectMapper mapper,
            McpJsonMapper json) {
        this.dispatcher = dispatcher;
        this.tools = tools;
        this.schemas = schemas;
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public ToolCallMessage taken(McpRequestHeaders headers, JsonNode message) {
        return isStatelessTransportRequest(headers) ? ToolCallMessage.of(message, tools) : null;
    }

    @Override
    public ToolCallAnswer answer(ToolCallMessage call, Caller caller) {
        McpSchema.JSONRPCResponse answer;
        try {
            McpSchema.CallToolResult result = dispatcher.call(call.tool().name(), call.arguments(), caller).result();
            answer = McpSchema.JSONRPCResponse.result(call.id(), checkedOutput(call.tool(), result));
        } catch (ToolCallRefused refused) {
            McpError error = McpErrors.of(refused);
            answer = McpSchema.JSONRPCResponse.error(call.id(), error.getJsonRpcError());
        }
        return new ToolCallAnswer(HttpServletResponse.SC_OK, ToolCallAnswer.write(json, answer));
    }

    /** Whether the SDK's stateless transport would take the request: JSON content, an Accept of both kinds. */
    private static boolean isStatelessTransportRequest(McpRequestHeaders headers) {
        String accept = headers.first(HttpHeaders.ACCEPT);
        return HttpServletRequestUtils.isJsonContentType(headers.first(HttpHeaders.CONTENT_TYPE)) && accept != null
                && accept.contains(MediaType.APPLICATION_JSON_VALUE)
                && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    /** The SDK's check of a tool's structured output against its output schema, with its answer when it fails. */
    private McpSchema.CallToolResult checkedOutput(HubTool tool, McpSchema.CallToolResult result) {
        if (tool.outputSchema() == null || Boolean.TRUE.equals(result.isError())
                || result.structuredContent() == null) {
            return result;
        }
        List<Fault.Violation> violations =
                schemas.violations(tool.outputSchema(), mapper.valueToTree(result.structuredContent()));
        if (violations.isEmpty()) {
            return result;
        }
        return McpSchema.CallToolResult.builder().content(List.of(McpSchema.TextContent.builder(
                "Tool (" + tool.name() + ") output validation failed: " + ArgumentSchemas.describe(violations))
                .build())).isError(true).build();
    }
}
