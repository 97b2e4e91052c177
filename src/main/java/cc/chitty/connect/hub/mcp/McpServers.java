package cc.chitty.connect.hub.mcp;

import java.time.Duration;
import java.util.Arrays;

import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.web.FilterOrder;
import cc.chitty.connect.hub.web.ProblemWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP transports of the SDK, as servlets:
 * <ul>
 *   <li>{@code /mcp} — Streamable HTTP for both generations, chosen per request by {@link McpRevisionRouter}:
 *   revision 2026-07-28 ({@link ModernMcpServer}) and the {@code initialize} revisions 2025-03-26, 2025-06-18,
 *   2025-11-25 (this class) in two ways. <b>Stateless</b>: a request naming no session is answered on its own,
 *   carrying its API key, so any hub instance can answer it and a load balancer needs no affinity. <b>With a
 *   session</b>: an {@code initialize} from a client that takes event streams opens one ({@code Mcp-Session-Id}),
 *   which offers {@code resources/subscribe} and tells of updates on the session's GET stream; the session lives
 *   in the instance that opened it (affinity by that header), is bound to the client, capped and ended when idle
 *   ({@link StreamableSessions}). docs/mcp.md says how the two coexist;</li>
 *   <li>{@code /mcp/sse} + {@code /mcp/message} — the legacy HTTP+SSE transport (2024-11-05) for older clients;
 *   its session lives in the instance holding the event stream, so it needs session affinity; each session is
 *   bound to the key that opened it, idle ones are closed and a key's open streams are capped
 *   ({@link LegacySseSessions}); it offers {@code resources/subscribe}.</li>
 * </ul>
 * {@link ResourceUpdates} sends the resource updates of both kinds of session. Handlers run on the request's own
 * thread ({@code immediateExecution}), where the caller and request id are.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpProperties.class)
class McpServers {

    static final String SERVER_NAME = "chittyconnect";
    static final String INSTRUCTIONS = "ChittyConnect Hub: tools reach the ChittyOS services (ChittyID, Cases, "
            + "Chronicle, Evidence, Sync, Registry, Finance, Contextual), Notion and OpenAI through the hub. A tool "
            + "result with isError carries errorClass (" + String.join(", ", Arrays.stream(
                    ErrorClass.values()).map(ErrorClass::id).toList()) + ") and retryAfter when waiting helps.";

    private final McpJsonMapper json;
    private final McpSchema.ServerCapabilities capabilities = McpSchema.ServerCapabilities.builder()
            .tools(false).resources(false, false).prompts(false).build();
    // a transport with sessions can tell a subscriber that a resource changed (ResourceUpdates)
    private final McpSchema.ServerCapabilities sessionCapabilities = McpSchema.ServerCapabilities.builder()
            .tools(false).resources(true, false).prompts(false).build();
    private final String version;

    McpServers(ObjectMapper mapper, @Value("${hub.version}") String version) {
        this.json = new JacksonMcpJsonMapper(mapper.copy());
        this.version = version;
    }

    @Bean
    HttpServletStatelessServerTransport streamableHttpTransport() {
        // Origin is checked by the hub's own guard (web/OriginGuard) before authentication
        return HttpServletStatelessServerTransport.builder().jsonMapper(json).messageEndpoint("/mcp")
                .contextExtractor(Caller::contextOf).httpHeaderValidator(ServerHttpHeaderValidator.NOOP).build();
    }

    @Bean
    McpStatelessSyncServer streamableHttpServer(HttpServletStatelessServerTransport transport, McpHandlers handlers,
            ArgumentSchemas schemas) {
        return McpServer.sync(transport).serverInfo(SERVER_NAME, version).instructions(INSTRUCTIONS)
                .capabilities(capabilities).jsonMapper(json).jsonSchemaValidator(schemas)
                // arguments are checked by the dispatcher, which answers invalid params naming the field
                .validateToolInputs(false).immediateExecution(true)
                .addToolFilter((context, tool) -> handlers.shows(tool.name(), Caller.of(context)))
                .tools(handlers.tools().stream().map(tool -> new McpStatelessServerFeatures.SyncToolSpecification(
                        tool, (context, request) -> handlers.callTool(request, Caller.of(context)))).toList())
                .resources(handlers.resources().stream().map(resource ->
                        new McpStatelessServerFeatures.SyncResourceSpecification(resource,
                                (context, request) -> handlers.readResource(request, Caller.of(context)))).toList())
                .prompts(handlers.prompts().stream().map(prompt ->
                        new McpStatelessServerFeatures.SyncPromptSpecification(prompt,
                                (context, request) -> handlers.getPrompt(request, Caller.of(context)))).toList())
                .build();
    }

    /**
     * The 2025-xx revisions' sessions on {@code /mcp}. The SDK's transport is not a bean of its own: it is reached
     * only through {@link StreamableSessions}, which binds each session to its client. The SDK's sweep drops the
     * sessions that ended (no stream, never named again); {@link StreamableSessions} decides when they end.
     */
    @Bean
    StreamableSessions streamableSessions(McpProperties properties, ObjectMapper mapper,
            ObjectProvider<ResourceUpdates> updates) {
        McpProperties.Sessions limits = properties.sessions();
        return new StreamableSessions(HttpServletStreamableServerTransportProvider.builder().jsonMapper(json)
                .mcpEndpoint("/mcp").contextExtractor(Caller::contextOf)
                .httpHeaderValidator(ServerHttpHeaderValidator.NOOP).keepAliveInterval(properties.sseKeepAlive())
                .sessionSweepInterval(limits.idleTimeout()).build(), limits, mapper, updates);
    }

    @Bean
    McpSyncServer streamableSessionServer(StreamableSessions sessions, McpHandlers handlers, ArgumentSchemas schemas) {
        return sessionServer(McpServer.sync(sessions.bind()), handlers, schemas);
    }

    /** The 2025-xx revisions' one-POST tools/call, answered without the SDK. */
    @Bean
    StatelessToolCall statelessToolCall(ToolDispatcher dispatcher, HubTools tools, ArgumentSchemas schemas,
            ObjectMapper mapper) {
        return new StatelessToolCall(dispatcher, tools, schemas, mapper, json);
    }

    /** Revision 2026-07-28's tools/call, answered without the SDK. */
    @Bean
    ModernToolCall modernToolCall(ToolDispatcher dispatcher, HubTools tools, ArgumentSchemas schemas,
            ObjectMapper mapper) {
        return new ModernToolCall(dispatcher, tools, schemas, mapper, json, ModernMcpServer.serverInfo(version));
    }

    /**
     * {@code /mcp}: both generations, chosen per request ({@link McpRevisionRouter}). The server parameters are
     * there for ordering: each has put its handler into its transport before traffic.
     */
    @Bean
    ServletRegistrationBean<McpRevisionRouter> streamableHttpServlet(HttpServletStatelessServerTransport transport,
            McpStatelessSyncServer server, StreamableSessions sessions, McpSyncServer streamableSessionServer,
            HttpServletMcpTransport modernTransport, io.modelcontextprotocol.modern.server.McpServer modernServer,
            ModernToolCall modernToolCall, StatelessToolCall statelessToolCall, ObjectMapper mapper) {
        ServletRegistrationBean<McpRevisionRouter> servlet = new ServletRegistrationBean<>(new McpRevisionRouter(
                modernTransport, modernToolCall, transport, statelessToolCall, sessions,
                transport.protocolVersions(), mapper), "/mcp");
        servlet.setName("mcp-streamable-http");
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        return servlet;
    }

    @Bean
    HttpServletSseServerTransportProvider legacySseTransport(McpProperties properties) {
        return HttpServletSseServerTransportProvider.builder().jsonMapper(json).sseEndpoint("/mcp/sse")
                .messageEndpoint("/mcp/message").keepAliveInterval(properties.sseKeepAlive())
                .contextExtractor(Caller::contextOf).build();
    }

    @Bean
    LegacySseSessions legacySseSessions(McpProperties properties, ProblemWriter problems,
            ObjectProvider<ResourceUpdates> updates) {
        return new LegacySseSessions(properties, problems, updates);
    }

    /** Binds each legacy session to the key that opened it; runs after authentication has named the key. */
    @Bean
    FilterRegistrationBean<LegacySseSessions> legacySseSessionsFilter(LegacySseSessions sessions) {
        FilterRegistrationBean<LegacySseSessions> registration = new FilterRegistrationBean<>(sessions);
        registration.addUrlPatterns(legacySseServletPaths());
        registration.setOrder(FilterOrder.MCP_LEGACY_SSE_SESSIONS);
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    McpSyncServer legacySseServer(HttpServletSseServerTransportProvider transport, LegacySseSessions sessions,
            McpHandlers handlers, ArgumentSchemas schemas) {
        return sessionServer(McpServer.sync(sessions.bind(transport)), handlers, schemas);
    }

    /** The catalogue on a transport with sessions, which may subscribe to resources. */
    private McpSyncServer sessionServer(McpServer.SyncSpecification<?> server, McpHandlers handlers,
            ArgumentSchemas schemas) {
        return server.serverInfo(SERVER_NAME, version).instructions(INSTRUCTIONS)
                .capabilities(sessionCapabilities).jsonMapper(json).jsonSchemaValidator(schemas)
                .validateToolInputs(false).immediateExecution(true)
                .addToolFilter((context, tool) -> handlers.shows(tool.name(), Caller.of(context)))
                .tools(handlers.tools().stream().map(tool -> new McpServerFeatures.SyncToolSpecification(tool,
                        (exchange, request) -> handlers.callTool(request, Caller.of(exchange.transportContext()))))
                        .toList())
                .resources(handlers.resources().stream().map(resource ->
                        new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) ->
                                handlers.readResource(request, Caller.of(exchange.transportContext())))).toList())
                .prompts(handlers.prompts().stream().map(prompt ->
                        new McpServerFeatures.SyncPromptSpecification(prompt, (exchange, request) ->
                                handlers.getPrompt(request, Caller.of(exchange.transportContext())))).toList())
                .build();
    }

    private static String[] legacySseServletPaths() {
        return new String[] {LegacySseSessions.SSE_PATH, LegacySseSessions.MESSAGE_PATH};
    }

    /**
     * Ends the event streams of both transports with sessions when shutdown starts, before the web server's graceful
     * shutdown (a later phase), which would otherwise wait its whole timeout for streams that never finish by
     * themselves.
     */
    @Bean
    SmartLifecycle mcpStreamsCloser(HttpServletSseServerTransportProvider transport, StreamableSessions sessions) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                transport.closeGracefully().block(Duration.ofSeconds(5));
                sessions.closeAll();
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Bean
    ServletRegistrationBean<HttpServletSseServerTransportProvider> legacySseServlet(
            HttpServletSseServerTransportProvider transport, McpSyncServer legacySseServer) {
        ServletRegistrationBean<HttpServletSseServerTransportProvider> servlet =
                new ServletRegistrationBean<>(transport, legacySseServletPaths());
        servlet.setName("mcp-legacy-sse");
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        return servlet;
    }
}
