package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.modern.McpHttp;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.spec.HttpHeaders;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/**
 * {@code /mcp} for both generations of the protocol, chosen per request: revision 2026-07-28 (stateless,
 * {@code _meta} on every request, {@link ModernMcpServer}) and 2025-11-25 / 2025-06-18 / 2025-03-26
 * ({@code initialize}, {@link McpServers}), the latter with a session or without.
 * <ul>
 *   <li>an {@code MCP-Protocol-Version} header names the revision: 2026-07-28 goes to the new server, an
 *   {@code initialize} revision to the older one;</li>
 *   <li>without it, the request's own signs decide: an {@code Mcp-Method} header, the method
 *   {@code server/discover} or a protocol version in {@code params._meta} is 2026-07-28; anything else (an
 *   {@code initialize}, and what follows it from a client that sends no header) is the older generation, which
 *   the specification has the server assume then;</li>
 *   <li>in the older generation, a request naming a session ({@code Mcp-Session-Id}: POST, the GET stream, DELETE)
 *   goes to {@link StreamableSessions}; an {@code initialize} opens a session there when the caps allow; everything
 *   else (no session id, as a stateless client or a one-POST {@code tools/call} sends) is answered by the stateless
 *   server, as any instance can;</li>
 *   <li>a header naming a version the hub does not speak is HTTP 400: in the new revision's words
 *   (-32022 with the supported versions) when the request is shaped like one, otherwise a JSON-RPC -32600 listing
 *   them. 2024-11-05 is not spoken here: it is the SSE transport's, at {@code /mcp/sse}.</li>
 * </ul>
 * The body is looked at only when the headers do not decide, or to tell an {@code initialize} or a
 * {@code tools/call} (answered by {@link ModernToolCall} and {@link StatelessToolCall}), and only as
 * {@link JsonRpcParamsGuard}, which every POST to {@code /mcp} passes first, parsed it: a body that is no JSON is
 * the SDK's to answer.
 * <p>
 * Guarantees: every request reaches exactly one generation, with its body intact, after the Origin guard and the
 * API-key chain; a version nobody speaks is refused here with the list of those that are, never passed on. The
 * rules are one function ({@link #destinationOf}), which the public port's {@link PublicToolCalls} applies too:
 * the plain tools/call it answers itself never reaches this servlet; everything else does, as before.
 */
final class McpRevisionRouter extends HttpServlet {

    private static final String META_VERSION = McpSchema.MetaKeys.PROTOCOL_VERSION;

    private final HttpServlet modern;
    private final ModernToolCall modernToolCall;
    private final HttpServlet initialize;
    private final StatelessToolCall statelessToolCall;
    private final StreamableSessions sessions;
    private final List<String> initializeVersions;
    private final List<String> supported;
    private final ObjectMapper mapper;

    McpRevisionRouter(HttpServlet modern, ModernToolCall modernToolCall, HttpServlet initialize,
            StatelessToolCall statelessToolCall, StreamableSessions sessions, List<String> initializeVersions,
            ObjectMapper mapper) {
        this.modern = modern;
        this.modernToolCall = modernToolCall;
        this.initialize = initialize;
        this.statelessToolCall = statelessToolCall;
        this.sessions = sessions;
        this.initializeVersions = List.copyOf(initializeVersions);
        this.supported = ModernMcpServer.discoverable(initializeVersions);
        this.mapper = mapper;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        modern.init(config);
        initialize.init(config);
        sessions.init(config);
    }

    @Override
    public void destroy() {
        modern.destroy();
        initialize.destroy();
        sessions.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        JsonNode message = JsonRpcParamsGuard.messageOf(request);
        switch (destinationOf(request.getMethod(), McpRequestHeaders.of(request), message, initializeVersions)) {
            case SESSION -> sessions.serve(request, response);
            // the GET stream and DELETE belong to a session; the stateless server answers 405
            case STATELESS_SERVER -> initialize.service((ServletRequest) request, (ServletResponse) response);
            case MODERN_BY_HEADER -> {
                if (!modernToolCall.answer(request, message, response)) {
                    modern.service((ServletRequest) request, (ServletResponse) response);
                }
            }
            case MODERN -> modern.service((ServletRequest) request, (ServletResponse) response);
            case OLDER -> olderGeneration(request, response, message);
            case UNSUPPORTED_VERSION -> unsupportedVersion(response);
        }
    }

    /** Where a request goes; see the class's rules. */
    enum Destination {
        /** {@link StreamableSessions}: a request naming a session (older generation). */
        SESSION,
        /** The stateless server: a GET or DELETE naming no session, which it answers 405. */
        STATELESS_SERVER,
        /** A POST of revision 2026-07-28 by its header: {@link ModernToolCall} when plain, else the new server. */
        MODERN_BY_HEADER,
        /** A POST of revision 2026-07-28 by its other signs: the new server. */
        MODERN,
        /** A POST of the older generation naming no session: {@link #olderGeneration}. */
        OLDER,
        /** A version header nobody speaks: 400 here. */
        UNSUPPORTED_VERSION
    }

    /**
     * The rules above as one function of the request, for both engines: this servlet, and the public port's
     * {@link PublicToolCalls}, which answers what would reach {@link ModernToolCall} or {@link StatelessToolCall}.
     *
     * @param message the POST's JSON as {@link JsonRpcParamsGuard} parsed it; null when it was no JSON
     */
    static Destination destinationOf(String method, McpRequestHeaders headers, JsonNode message,
            List<String> initializeVersions) {
        boolean namesSession = headers.first(HttpHeaders.MCP_SESSION_ID) != null;
        if (!"POST".equals(method)) {
            return namesSession ? Destination.SESSION : Destination.STATELESS_SERVER;
        }
        String version = headers.first(McpHttp.Headers.MCP_PROTOCOL_VERSION);
        if (ModernMcpServer.REVISION.equals(version)) {
            return Destination.MODERN_BY_HEADER;
        }
        if (version != null && initializeVersions.contains(version)) {
            return namesSession ? Destination.SESSION : Destination.OLDER;
        }
        if (version == null && headers.first(McpHttp.Headers.MCP_METHOD) != null || isModernShaped(message)) {
            return Destination.MODERN;
        }
        if (version != null) {
            return Destination.UNSUPPORTED_VERSION;
        }
        return namesSession ? Destination.SESSION : Destination.OLDER;
    }

    /**
     * A request of the older generation naming no session: an initialize may open one, a tools/call is answered
     * directly, the rest by the stateless server.
     */
    private void olderGeneration(HttpServletRequest request, HttpServletResponse response, JsonNode message)
            throws ServletException, IOException {
        if (isInitialize(message) && sessions.open(request, response)
                || statelessToolCall.answer(request, message, response)) {
            return;
        }
        initialize.service((ServletRequest) request, (ServletResponse) response);
    }

    private static boolean isInitialize(JsonNode message) {
        return message != null && McpSchema.METHOD_INITIALIZE.equals(message.path("method").asText());
    }

    private static boolean isModernShaped(JsonNode message) {
        return message != null && (McpSchema.METHOD_SERVER_DISCOVER.equals(message.path("method").asText())
                || message.path("params").path("_meta").has(META_VERSION));
    }

    // the header is not echoed: it is the caller's text
    private void unsupportedVersion(HttpServletResponse response) throws IOException {
        ObjectNode answer = mapper.createObjectNode().put("jsonrpc", "2.0").putNull("id");
        ObjectNode error = answer.putObject("error").put("code", McpSchema.ErrorCodes.INVALID_REQUEST)
                .put("message", "Unsupported " + McpHttp.Headers.MCP_PROTOCOL_VERSION + " header; this server "
                        + "supports " + String.join(", ", supported));
        error.putObject("data").set("supported", mapper.valueToTree(supported));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), answer);
    }
}
