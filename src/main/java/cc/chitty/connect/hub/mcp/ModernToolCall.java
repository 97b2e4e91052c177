package cc.chitty.connect.hub.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cc.chitty.connect.hub.upstream.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.McpHttp;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.server.transport.HttpServletRequestUtils;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * A {@code tools/call} of revision 2026-07-28 answered on the request's thread from the message
 * {@link JsonRpcParamsGuard} parsed, instead of by the SDK's transport and server, which would read the body again,
 * parse it twice more (into a message, then a params map), run the call through Reactor and translate it between
 * the two generations' types: this is the revision's busiest request. The answer is the SDK's, byte for byte (a test
 * compares them): HTTP 200 with the tool's result, its {@code resultType} and the server's info in {@code _meta};
 * a refusal with the code and data of every revision, -32602 in an HTTP 400 and the hub's own codes in an HTTP 200,
 * as the SDK's transport sends them; an answer that breaks its tool's output schema is an internal error, as the SDK
 * makes it.
 * <p>
 * Guarantees: only a request the SDK would run the tool for is taken: JSON content; exactly one {@code Mcp-Method}
 * ({@code tools/call}), {@code MCP-Protocol-Version} (this revision) and {@code Mcp-Name} (the tool's name, as sent
 * or base64-encoded) header; {@code _meta} with this revision, client capabilities and at most client info, each of
 * its shape, and nothing else; no input responses or request state (a retry); a tool the hub has. Anything else is
 * left to the SDK, untouched, to answer or refuse as it does. Both engines answer through this class: Tomcat's
 * {@link McpRevisionRouter}, and the public port's {@link PublicToolCalls}, which takes the same requests (by
 * {@link #taken}) without the hop to Tomcat.
 */
final class ModernToolCall implements DirectToolCall {

    private static final Logger log = LoggerFactory.getLogger(ModernToolCall.class);
    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {
    };
    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";
    private static final Set<String> META_KEYS = Set.of(McpSchema.MetaKeys.PROTOCOL_VERSION,
            McpSchema.MetaKeys.CLIENT_CAPABILITIES, McpSchema.MetaKeys.CLIENT_INFO);

    private final ToolDispatcher dispatcher;
    private final HubTools tools;
    private final ArgumentSchemas schemas;
    private final ObjectMapper mapper;
    private final McpJsonMapper json;
    private final McpSchema.Implementation serverInfo;

    ModernToolCall(ToolDispatcher dispatcher, HubTools tools, ArgumentSchemas schemas, ObjectMapper mapper,
            McpJsonMapper json, McpSchema.Implementation serverInfo) {
        this.dispatcher = dispatcher;
        this.tools = tools;
        this.schemas = schemas;
        this.mapper = mapper;
        this.json = json;
        this.serverInfo = serverInfo;
    }

    @Override
    public ToolCallMessage taken(McpRequestHeaders headers, JsonNode message) {
        ToolCallMessage call = HttpServletRequestUtils.isJsonContentType(headers.first(HttpHeaders.CONTENT_TYPE))
                ? ToolCallMessage.of(message, tools) : null;
        return call == null || !headersAgree(headers, call) || !hasPlainMeta(call.params()) ? null : call;
    }

    @Override
    public ToolCallAnswer answer(ToolCallMessage call, Caller caller) {
        JsonRpc.JSONRPCResponse answer;
        try {
            answer = answerOf(call, dispatcher.call(call.tool().name(), call.arguments(), caller).result());
        } catch (ToolCallRefused refused) {
            var error = McpErrors.of(refused).getJsonRpcError();
            answer = JsonRpc.JSONRPCResponse.error(call.id(),
                    new JsonRpc.JSONRPCResponse.JSONRPCError(error.code(), error.message(), error.data()));
        }
        // the SDK's transport answers invalid params with 400, the hub's own refusal codes with 200
        return new ToolCallAnswer(answer.error() != null
                && answer.error().code() == McpSchema.ErrorCodes.INVALID_PARAMS
                ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK, ToolCallAnswer.write(json, answer));
    }

    private JsonRpc.JSONRPCResponse answerOf(ToolCallMessage call,
            io.modelcontextprotocol.spec.McpSchema.CallToolResult result) {
        HubTool tool = call.tool();
        if (tool.outputSchema() != null && !Boolean.TRUE.equals(result.isError())) {
            List<Fault.Violation> violations = result.structuredContent() == null ? List.of()
                    : schemas.violations(tool.outputSchema(), mapper.valueToTree(result.structuredContent()));
            if (result.structuredContent() == null || !violations.isEmpty()) {
                log.warn("the answer of the tool {} breaks its output schema: {}", tool.name(),
                        ArgumentSchemas.describe(violations));
                return JsonRpc.JSONRPCResponse.error(call.id(), new JsonRpc.JSONRPCResponse.JSONRPCError(
                        McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error"));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>(json.convertValue(ModernMcpFeatures.result(result), MAP));
        Map<String, Object> meta = new LinkedHashMap<>();
        if (answer.get("_meta") instanceof Map<?, ?> own) {
            own.forEach((key, value) -> meta.put(String.valueOf(key), value));
        }
        meta.put(McpSchema.MetaKeys.SERVER_INFO, serverInfo);
        answer.put("_meta", meta);
        return JsonRpc.JSONRPCResponse.result(call.id(), answer);
    }

    /** The transport's check: each header once, and saying what the body says (the tool was found by its name). */
    private static boolean headersAgree(McpRequestHeaders headers, ToolCallMessage call) {
        String nameHeader = headers.only(McpHttp.Headers.MCP_NAME);
        return McpSchema.METHOD_TOOLS_CALL.equals(headers.only(McpHttp.Headers.MCP_METHOD))
                && ModernMcpServer.REVISION.equals(headers.only(McpHttp.Headers.MCP_PROTOCOL_VERSION))
                && nameHeader != null && call.tool().name().equals(decoded(nameHeader));
    }

    /** The server's check of {@code _meta}, for the shape every client of this revision sends. */
    private boolean hasPlainMeta(JsonNode params) {
        JsonNode meta = params.get("_meta");
        if (meta == null || !meta.isObject() || params.has("inputResponses") || params.has("requestState")
                || !ModernMcpServer.REVISION.equals(meta.path(McpSchema.MetaKeys.PROTOCOL_VERSION).asText(null))) {
            return false;
        }
        for (var names = meta.fieldNames(); names.hasNext(); ) {
            if (!META_KEYS.contains(names.next())) {
                return false;
            }
        }
        JsonNode capabilities = meta.get(McpSchema.MetaKeys.CLIENT_CAPABILITIES);
        JsonNode clientInfo = meta.get(McpSchema.MetaKeys.CLIENT_INFO);
        return capabilities != null && !capabilities.isNull()
                && converts(capabilities, McpSchema.ClientCapabilities.class)
                && (clientInfo == null || !clientInfo.isNull() && converts(clientInfo, McpSchema.Implementation.class));
    }

    private boolean converts(JsonNode value, Class<?> type) {
        try {
            return json.convertValue(value, type) != null;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static String decoded(String header) {
        if (!header.startsWith(BASE64_PREFIX) || !header.endsWith(BASE64_SUFFIX)) {
            return header;
        }
        try {
            return new String(Base64.getDecoder().decode(header.substring(BASE64_PREFIX.length(),
                    header.length() - BASE64_SUFFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
