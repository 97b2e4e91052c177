package cc.chitty.connect.hub.mcp;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A {@code tools/call} of one generation of revisions that the hub answers itself, as the SDK would
 * ({@link StatelessToolCall}, {@link ModernToolCall}): which requests it takes, and its answer, for whichever engine
 * writes it (Tomcat through {@link #answer(HttpServletRequest, JsonNode, HttpServletResponse)}, the public port
 * through {@link PublicToolCalls}).
 */
interface DirectToolCall {

    /** The call when the request (headers and parsed message) is one this generation takes, else null. */
    ToolCallMessage taken(McpRequestHeaders headers, JsonNode message);

    /** The SDK's answer to a call {@link #taken} returned, made as the caller. */
    ToolCallAnswer answer(ToolCallMessage call, Caller caller);

    /** @return false, having read and answered nothing, when the request is not one this generation takes */
    default boolean answer(HttpServletRequest request, JsonNode message, HttpServletResponse response)
            throws IOException {
        ToolCallMessage call = taken(McpRequestHeaders.of(request), message);
        if (call == null) {
            return false;
        }
        answer(call, Caller.of(request)).writeTo(response);
        return true;
    }
}
