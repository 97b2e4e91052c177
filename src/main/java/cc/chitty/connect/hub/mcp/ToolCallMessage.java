package cc.chitty.connect.hub.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * A JSON-RPC {@code tools/call} the hub answers without the SDK ({@link StatelessToolCall},
 * {@link ModernToolCall}), as both generations shape it: version 2.0, an id that is a string or an integer, params
 * naming a tool the hub has, arguments absent, null or an object. Any other message is none of these, and is left to
 * the SDK to answer as it does.
 *
 * @param id     the request's id as the SDK's responses take it: a string, an int or a long
 * @param params the request's params, as sent
 */
record ToolCallMessage(Object id, HubTool tool, JsonNode params) {

    /** The call the message makes, or null when it is no such call. */
    static ToolCallMessage of(JsonNode message, HubTools tools) {
        if (message == null || !McpSchema.JSONRPC_VERSION.equals(message.path("jsonrpc").asText(null))
                || !McpSchema.METHOD_TOOLS_CALL.equals(message.path("method").asText(null))) {
            return null;
        }
        Object id = id(message.path("id"));
        JsonNode params = message.get("params");
        if (id == null || params == null || !params.isObject() || !params.path("name").isTextual()
                || !(params.path("arguments").isMissingNode() || params.get("arguments").isNull()
                        || params.get("arguments").isObject())) {
            return null;
        }
        return tools.find(params.get("name").asText()).map(tool -> new ToolCallMessage(id, tool, params))
                .orElse(null);
    }

    /** The arguments: an object, or null or JSON null when there are none. */
    JsonNode arguments() {
        return params.get("arguments");
    }

    private static Object id(JsonNode id) {
        if (id.isTextual()) {
            return id.asText();
        }
        return id.isIntegralNumber() && id.canConvertToInt() ? (Object) id.intValue()
                : id.isIntegralNumber() && id.canConvertToLong() ? (Object) id.longValue() : null;
    }
}
