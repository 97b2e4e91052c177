package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/**
 * The answer to a {@code tools/call} the hub made without the SDK ({@link StatelessToolCall}, {@link ModernToolCall}):
 * its HTTP status and its JSON-RPC body, always {@value #CONTENT_TYPE}, which either engine writes as it is.
 */
record ToolCallAnswer(int status, byte[] body) {

    /** What Tomcat makes of {@code application/json} with the UTF-8 encoding set, as the SDK's transports set it. */
    static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    static byte[] write(McpJsonMapper json, Object message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body);
    }
}
