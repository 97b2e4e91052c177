package cc.chitty.connect.hub.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.modern.client.SubscriptionEvent;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A subscriber hears that a resource changed when a status check on the hub found it changed: a 2024-11-05 SSE
 * A subscriber hears that a resource changed when a status check on the hub found it changed: a 2024-11-05 SSE
 * session and a 2025-11-25 Streamable HTTP session through {@code resources/subscribe}, a 2026-07-28 client through
 * {@code subscriptions/listen}. Each test makes a stand-in answer with a status code no other test uses, so the
 * status really changed. While someone is subscribed the hub refreshes in the background
 * ({@link SubscribedResourcesRefresh}, every 500 ms in the test profile), so a change made only at a stand-in is
 * heard too; with no subscriber nothing is refreshed.
 */
class ResourceSubscriptionTest extends HubIntegrationTest {

    private static final JacksonMcpJsonMapper JSON_MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());
    // the hub's validator: the SDK's default one needs a schema library the hub does not ship
    private static final ArgumentSchemas SCHEMAS = new ArgumentSchemas(new ObjectMapper());
    private static final String STATUS = "chitty://services/status";
    private static final String REGISTRY = "chitty://registry/services";
    /** The checked-in registry list (standins/chittyregistry) and a fourth service. */
    private static final String REGISTRY_WITH_CHITTYSCORE = """
            {"services": [
              {"id": "chittyid", "name": "ChittyID", "type": "identity", "capabilities": ["mint", "validate"]},
              {"id": "chittycases", "name": "ChittyCases", "type": "legal", "capabilities": ["cases"]},
              {"id": "chittychronicle", "name": "ChittyChronicle", "type": "audit", "capabilities": ["log", "query"]},
              {"id": "chittyscore", "name": "ChittyScore", "type": "trust", "capabilities": ["score"]}
            ]}""";

    @Autowired
    private ResourceUpdates resourceUpdates;
    @Autowired
    private CamelContext camel;

    /** Subscriptions end with their streams, so the next test starts with no one subscribed (the refresh idle). */
    @AfterEach
    void noOneIsSubscribedAnyMore() {
        await().atMost(Duration.ofSeconds(60)).until(() -> resourceUpdates.watchedCapabilities().isEmpty());
    }

    @Autowired
    private StreamableSessions sessions;

    @Test
    void aSubscribedSessionIsToldWhenTheServicesStatusChanges() {
        String key = newKey();
        List<McpSchema.ResourceContents> updates = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = legacySseClient(key, updates::addAll)) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertThat(initialized.capabilities().resources().subscribe()).isTrue();
            client.subscribeResource(new McpSchema.SubscribeRequest(STATUS));

            // ChittyAuth answers its health check with 418: a status no other test produces, so the answer changed
            StandIns.of("chittyauth").stubFor(get(urlPathEqualTo("/health"))
                    .willReturn(aResponse().withStatus(418)));
            assertThat(apiGet("/api/services/status", key).statusCode()).isEqualTo(200);

            // the client reads the resource when told, and hands over what it read
            await().atMost(Duration.ofSeconds(30)).until(() -> updates.stream().anyMatch(contents ->
                    contents.uri().equals(STATUS) && ((McpSchema.TextResourceContents) contents).text()
                            .contains("\"statusCode\":418")));
            assertThat(updates).allMatch(contents -> contents.uri().equals(STATUS));
        }
    }

    @Test
    void aListeningModernClientIsToldWhenTheServicesStatusChanges() throws Exception {
        String key = newKey();
        List<SubscriptionEvent> events = new CopyOnWriteArrayList<>();
        io.modelcontextprotocol.modern.client.McpSyncClient client = modernClient(key);
        assertThat(client.discover().capabilities().resources().subscribe()).isTrue();
        try (var listening = client.listen().resourceUpdates(STATUS).open(events::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .anyMatch(SubscriptionEvent.Subscribed.class::isInstance));

            StandIns.of("chittycases").stubFor(get(urlPathEqualTo("/health"))
                    .willReturn(aResponse().withStatus(451)));
            assertThat(apiGet("/api/services/status", key).statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .anyMatch(event -> event instanceof SubscriptionEvent.ResourceUpdated updated
                            && updated.uri().equals(STATUS)));
        }
    }

    @Test
    void aListenerIsToldOfARegistryChangeThatNoClientAskedFor() throws Exception {
        var registry = StandIns.of("chittyregistry");
        List<SubscriptionEvent> events = new CopyOnWriteArrayList<>();
        io.modelcontextprotocol.modern.client.McpSyncClient client = modernClient(newKey());
        try (var listening = client.listen().resourceUpdates(REGISTRY).open(events::add)) {
            // the background refresh has fetched the checked-in list, so what follows is a change
            await().atMost(Duration.ofSeconds(60)).until(() -> !registry.findAll(
                    getRequestedFor(urlPathEqualTo("/api/services"))).isEmpty());
            events.clear();

            // only the registry changes (a fourth service); no client asks the hub anything
            StubMapping fourServices = registry.stubFor(get(urlPathEqualTo("/api/services")).atPriority(1)
                    .willReturn(okJson(REGISTRY_WITH_CHITTYSCORE)));
            await().atMost(Duration.ofSeconds(60)).until(() -> updatesOf(events, REGISTRY) > 0);
            long heard = updatesOf(events, REGISTRY);
            String read = ((io.modelcontextprotocol.modern.McpSchema.TextResourceContents) client.resource(REGISTRY)
                    .read().contents().get(0)).text();
            assertThat(read).contains("chittyscore");

            // the checked-in list again, heard the same way; the hub's registry cache holds it once more
            registry.removeStub(fourServices);
            await().atMost(Duration.ofSeconds(60)).until(() -> updatesOf(events, REGISTRY) > heard);
        }
    }

    @Test
    void nothingIsRefreshedWhileNoOneIsSubscribed() {
        var registry = StandIns.of("chittyregistry");
        registry.resetRequests();
        StandIns.of("chittyid").resetRequests();
        NotifyBuilder threeRounds = new NotifyBuilder(camel).fromRoute(SubscribedResourcesRefresh.ROUTE_ID)
                .whenCompleted(3).create();
        assertThat(threeRounds.matches(60, TimeUnit.SECONDS)).isTrue();
        registry.verify(0, getRequestedFor(urlPathEqualTo("/api/services")));
        StandIns.of("chittyid").verify(0, getRequestedFor(urlPathEqualTo("/health")));

        // the same rounds ask the registry once a session subscribes, and stop when it unsubscribes
        try (McpSyncClient client = legacySseClient(newKey(), contents -> { })) {
            client.initialize();
            client.subscribeResource(new McpSchema.SubscribeRequest(REGISTRY));
            await().atMost(Duration.ofSeconds(60)).until(() -> !registry.findAll(
                    getRequestedFor(urlPathEqualTo("/api/services"))).isEmpty());
            client.unsubscribeResource(new McpSchema.UnsubscribeRequest(REGISTRY));
            await().atMost(Duration.ofSeconds(60)).until(() -> resourceUpdates.watchedCapabilities().isEmpty());
        }
    }

    private static long updatesOf(List<SubscriptionEvent> events, String uri) {
        return events.stream().filter(event -> event instanceof SubscriptionEvent.ResourceUpdated updated
                && updated.uri().equals(uri)).count();
    }

    private McpSyncClient legacySseClient(String key, Consumer<List<McpSchema.ResourceContents>> updated) {
        return McpClient.sync(HttpClientSseClientTransport.builder("http://127.0.0.1:" + publicPort())
                        .sseEndpoint("/mcp/sse").jsonMapper(JSON_MAPPER)
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("X-ChittyOS-API-Key", key)).build())
                .requestTimeout(Duration.ofSeconds(20)).jsonSchemaValidator(SCHEMAS)
                .resourcesUpdateConsumer(updated).build();
    }

    private io.modelcontextprotocol.modern.client.McpSyncClient modernClient(String key) {
        return io.modelcontextprotocol.modern.client.McpClient
                .sync(HttpClientMcpTransport.builder("http://127.0.0.1:" + publicPort() + "/mcp").jsonMapper(JSON_MAPPER)
                        .requestCustomizer(McpHttpRequestCustomizer.fromSync((request, headers, context) ->
                                headers.set("X-ChittyOS-API-Key", key)))
                        .build())
                .jsonMapper(JSON_MAPPER).callTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void aStreamableHttpSessionIsToldWhenTheServicesStatusChanges() {
        sessions.closeIdle(System.nanoTime() + Duration.ofDays(1).toNanos());
        String key = newKey();
        List<McpSchema.ResourceContents> updates = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                        .builder("http://127.0.0.1:" + publicPort()).endpoint("/mcp").jsonMapper(JSON_MAPPER)
                        .httpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("X-ChittyOS-API-Key", key)).build())
                .requestTimeout(Duration.ofSeconds(20)).jsonSchemaValidator(SCHEMAS)
                .resourcesUpdateConsumer(updates::addAll).build()) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertThat(initialized.protocolVersion()).isEqualTo("2025-11-25");
            assertThat(initialized.capabilities().resources().subscribe()).isTrue();
            client.subscribeResource(new McpSchema.SubscribeRequest(STATUS));
            // the update travels on the session's GET stream, which the client opens after initialize
            await().atMost(Duration.ofSeconds(30)).until(() -> sessions.listening() == 1);

            StandIns.of("chittyevidence").stubFor(get(urlPathEqualTo("/health"))
                    .willReturn(aResponse().withStatus(409)));
            assertThat(apiGet("/api/services/status", key).statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> updates.stream().anyMatch(contents ->
                    contents.uri().equals(STATUS) && ((McpSchema.TextResourceContents) contents).text()
                            .contains("\"statusCode\":409")));
            assertThat(updates).allMatch(contents -> contents.uri().equals(STATUS));
        }
    }
}
