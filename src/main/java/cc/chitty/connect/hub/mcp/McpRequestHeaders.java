package cc.chitty.connect.hub.mcp;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's headers as the MCP door's decisions read them, whichever engine received the request: Tomcat's
 * servlet request, or the public port's Vert.x request ({@link PublicToolCalls}). Names are case-insensitive.
 */
@FunctionalInterface
interface McpRequestHeaders {

    /** Every value sent under the name, in order; empty when none was. */
    List<String> all(String name);

    /** The first value sent under the name, or null. */
    default String first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The value when the name was sent exactly once, otherwise null. */
    default String only(String name) {
        List<String> values = all(name);
        return values.size() == 1 ? values.get(0) : null;
    }

    static McpRequestHeaders of(HttpServletRequest request) {
        return name -> {
            var values = request.getHeaders(name);
            return values == null ? List.of() : Collections.list(values);
        };
    }
}
