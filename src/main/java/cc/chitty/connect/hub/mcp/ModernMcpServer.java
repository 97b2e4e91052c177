package cc.chitty.connect.hub.mcp;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.feature.McpChangeFeed;
import io.modelcontextprotocol.modern.server.feature.PromptsFeature;
import io.modelcontextprotocol.modern.server.feature.ResourcesFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server of revision <b>2026-07-28</b> (the SDK's {@code io.modelcontextprotocol.modern} server), one of
 * the two generations {@link McpRevisionRouter} serves on {@code /mcp}. Stateless by the revision's design: no
 * {@code initialize}, no session; every request carries its protocol version and client capabilities in
 * {@code _meta} and the {@code Mcp-Method} / {@code Mcp-Name} headers, which the transport checks against the body
 * (a mismatch is -32020, HTTP 400). {@code server/discover} answers the hub's capabilities and every version
 * {@code /mcp} speaks. The same catalogue as every revision ({@link ModernMcpFeatures}); list results carry
 * {@code ttlMs} {@code hub.mcp.list-ttl}.
 * <p>
 * Guarantees: every result has a {@code resultType}; a tool, resource or prompt is refused here exactly as in the
 * older revisions (same {@link McpCallGate}, same codes); handlers run on the request's thread. Features added to
 * this revision (subscriptions) belong in {@link #modernServer}.
 */
@Configuration(proxyBeanMethods = false)
class ModernMcpServer {

    static final String REVISION = McpSchema.LATEST_PROTOCOL_VERSION;

    /** The versions {@code server/discover} lists: this revision, then the ones {@code initialize} negotiates. */
    static List<String> discoverable(List<String> initializeVersions) {
        return Stream.concat(Stream.of(REVISION), initializeVersions.stream().sorted(Collections.reverseOrder()))
                .toList();
    }

    /** Who answers, as every result's {@code _meta} names it. */
    static McpSchema.Implementation serverInfo(String version) {
        return McpSchema.Implementation.builder(McpServers.SERVER_NAME, version).build();
    }

    /** The changes {@code subscriptions/listen} streams to its listeners; {@link ResourceUpdates} feeds it. */
    @Bean
    McpChangeFeed modernChangeFeed() {
        return new McpChangeFeed();
    }

    @Bean
    McpServer modernServer(McpHandlers handlers, ArgumentSchemas schemas, ObjectMapper mapper, McpChangeFeed changes,
            io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport initializeTransport,
            @Value("${hub.version}") String version, @Value("${hub.mcp.list-ttl:5m}") Duration listTtl) {
        McpJsonMapper json = new JacksonMcpJsonMapper(mapper.copy());
        ModernMcpFeatures features = new ModernMcpFeatures(handlers, listTtl.toMillis());
        return McpServer.builder()
                .serverInfo(serverInfo(version))
                .instructions(McpServers.INSTRUCTIONS)
                .supportedVersions(discoverable(initializeTransport.protocolVersions()))
                .jsonMapper(json)
                .feature(ToolsFeature.ofSync(features.tools(), json, outputsOnly(handlers, schemas),
                        listTtl.toMillis(), McpSchema.CacheScope.PRIVATE))
                .feature(ResourcesFeature.ofSync(features.resources(), json, listTtl.toMillis(),
                        McpSchema.CacheScope.PUBLIC))
                .feature(PromptsFeature.ofSync(features.prompts(), json, listTtl.toMillis(),
                        McpSchema.CacheScope.PUBLIC))
                .discoverCache(listTtl.toMillis(), McpSchema.CacheScope.PUBLIC)
                .subscriptions(changes)
                .build();
    }

    /**
     * Origin is checked by the hub's own guard before authentication; the SDK's default would refuse any. A listen
     * stream gets the keep-alive the legacy SSE streams get: proxies keep it open, and a client gone is noticed at
     * the next one (its subscriptions then stop counting, {@link ListenSubscriptions}).
     */
    @Bean
    HttpServletMcpTransport modernTransport(McpServer modernServer, ObjectMapper mapper, McpProperties properties) {
        return HttpServletMcpTransport.builder(modernServer).jsonMapper(new JacksonMcpJsonMapper(mapper.copy()))
                .endpoint("/mcp").contextExtractor(Caller::contextOf)
                .httpHeaderValidator(ServerHttpHeaderValidator.NOOP)
                .keepAliveInterval(properties.sseKeepAlive()).build();
    }

    /**
     * The SDK checks tool arguments and answers with its own wording; the dispatcher checks them already and
     * names each field (-32602, as every revision answers). So only the output of the hub's own answers is
     * checked here.
     */
    private static JsonSchemaValidator outputsOnly(McpHandlers handlers, ArgumentSchemas schemas) {
        Set<Map<String, Object>> outputs = new HashSet<>();
        handlers.tools().stream().map(io.modelcontextprotocol.spec.McpSchema.Tool::outputSchema)
                .filter(Objects::nonNull).forEach(outputs::add);
        // by identity: the SDK hands over the schema it holds, and hashing a nested map on every call costs more
        Map<Map<String, Object>, Boolean> isOutput = Collections.synchronizedMap(new IdentityHashMap<>());
        return (schema, value) -> isOutput.computeIfAbsent(schema, outputs::contains) ? schemas.validate(schema, value)
                : JsonSchemaValidator.ValidationResponse.asValid(null);
    }
}
