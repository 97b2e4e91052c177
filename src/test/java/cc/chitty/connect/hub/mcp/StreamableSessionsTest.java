package cc.chitty.connect.hub.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sessions of the 2025-xx revisions on {@code /mcp}: opened by {@code initialize}, bound to the client that opened
 * them, ended by DELETE or when idle, capped per client (3 in the test profile: a fourth ends the least recently
 * used) and in all (6: beyond it, initialize is answered without a session); a request naming no session is
 * answered statelessly as before. Every test starts and ends with no session open, so the caps count
 * only its own.
 */
class StreamableSessionsTest extends HubIntegrationTest {

    private static final String VERSION = "2025-11-25";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"" + VERSION + "\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String BOTH = "application/json, text/event-stream";
    private static final String SESSION = "Mcp-Session-Id";

    @Autowired
    private StreamableSessions sessions;

    private final List<HttpResponse<Stream<String>>> streams = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void endEverySession() {
        streams.forEach(stream -> stream.body().close());
        sessions.closeIdle(System.nanoTime() + Duration.ofDays(1).toNanos());
    }

    @Test
    void initializeOpensASessionThatOffersSubscriptions() {
        String key = newKey();
        HttpResponse<String> initialized = initialize(key);

        assertThat(initialized.statusCode()).isEqualTo(200);
        String sessionId = initialized.headers().firstValue(SESSION).orElseThrow();
        assertThat(parse(initialized.body()).at("/result/capabilities/resources/subscribe").asBoolean()).isTrue();
        assertThat(inSession(key, sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode()).isEqualTo(202);
        HttpResponse<String> subscribed = inSession(key, sessionId, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                + "\"resources/subscribe\",\"params\":{\"uri\":\"chitty://services/status\"}}");
        assertThat(subscribed.statusCode()).isEqualTo(200);
        assertThat(message(subscribed).has("result")).as(subscribed.body()).isTrue();
        HttpResponse<String> listed = inSession(key, sessionId, McpServerTest.TOOLS_LIST);
        assertThat(message(listed).at("/result/tools").size()).isPositive();
    }

    @Test
    void aSessionListsAndRefusesToolsAsTheClientsScopesSay() {
        String key = createKey("session-reader", "registry:read").get("key").asText();
        String sessionId = sessionOf(key);

        List<String> listed = new ArrayList<>();
        message(inSession(key, sessionId, McpServerTest.TOOLS_LIST)).at("/result/tools")
                .forEach(tool -> listed.add(tool.path("name").asText()));
        assertThat(listed).contains("chitty_registry_discover").doesNotContain("chittyid_mint");
        JsonNode minted = message(inSession(key, sessionId, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
                + "\"tools/call\",\"params\":{\"name\":\"chittyid_mint\",\"arguments\":{\"entity\":\"PEO\"}}}"));
        assertThat(minted.at("/error/code").asInt()).isEqualTo(McpErrors.INSUFFICIENT_SCOPE);
    }

    @Test
    void aRequestNamingNoSessionIsAnsweredStatelessly() {
        String key = newKey();
        HttpResponse<String> listed = send(request("/mcp").header("X-ChittyOS-API-Key", key)
                .header("Content-Type", "application/json").header("Accept", BOTH)
                .header("MCP-Protocol-Version", VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(McpServerTest.TOOLS_LIST)).build());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue(SESSION)).isEmpty();
        assertThat(parse(listed.body()).at("/result/tools").size()).isPositive();
    }

    @Test
    void anotherClientCannotUseASessionItDidNotOpen() {
        String owner = newKey();
        String sessionId = sessionOf(owner);
        String intruder = newKey();

        assertSessionNotFound(inSession(intruder, sessionId, McpServerTest.TOOLS_LIST));
        assertSessionNotFound(send(withSession(intruder, sessionId).header("Accept", "text/event-stream")
                .GET().build()));
        assertSessionNotFound(send(withSession(intruder, sessionId).DELETE().build()));
        assertThat(message(inSession(owner, sessionId, McpServerTest.TOOLS_LIST)).has("result")).isTrue();
    }

    @Test
    void anUnknownSessionIsNotFound() {
        assertSessionNotFound(inSession(newKey(), UUID.randomUUID().toString(), McpServerTest.TOOLS_LIST));
    }

    @Test
    void deleteEndsTheSession() {
        String key = newKey();
        String sessionId = sessionOf(key);

        assertThat(send(withSession(key, sessionId).DELETE().build()).statusCode()).isEqualTo(200);
        assertSessionNotFound(inSession(key, sessionId, McpServerTest.TOOLS_LIST));
    }

    @Test
    void aClientAtItsCapLosesItsLeastRecentlyUsedSessionToANewOne() {
        String key = newKey();
        String first = sessionOf(key);
        String second = sessionOf(key);
        String third = sessionOf(key);
        assertThat(message(inSession(key, first, McpServerTest.TOOLS_LIST)).has("result")).isTrue();

        String fourth = sessionOf(key);

        assertSessionNotFound(inSession(key, second, McpServerTest.TOOLS_LIST));
        for (String kept : List.of(first, third, fourth)) {
            assertThat(message(inSession(key, kept, McpServerTest.TOOLS_LIST)).has("result")).as(kept).isTrue();
        }
    }

    @Test
    void anInstanceAtItsCapServesNewClientsWithoutASession() {
        String first = newKey();
        String second = newKey();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(sessionOf(first));
            sessionOf(second);
        }

        String late = newKey();
        HttpResponse<String> beyond = initialize(late);
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(beyond.headers().firstValue(SESSION)).isEmpty();

        send(withSession(first, held.get(0)).DELETE().build());
        assertThat(initialize(late).headers().firstValue(SESSION)).as("after a DELETE").isPresent();
    }

    @Test
    void anIdleSessionIsEndedWithItsStream() throws Exception {
        String key = newKey();
        String sessionId = sessionOf(key);
        HttpResponse<Stream<String>> stream = HTTP.sendAsync(withSession(key, sessionId)
                        .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        streams.add(stream);
        assertThat(stream.statusCode()).isEqualTo(200);

        sessions.closeIdle(System.nanoTime() + Duration.ofHours(1).toNanos());

        CompletableFuture.runAsync(() -> stream.body().forEach(line -> { })).get(20, TimeUnit.SECONDS);
        assertSessionNotFound(inSession(key, sessionId, McpServerTest.TOOLS_LIST));
    }

    private HttpResponse<String> initialize(String key) {
        return send(request("/mcp").header("X-ChittyOS-API-Key", key).header("Content-Type", "application/json")
                .header("Accept", BOTH).POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build());
    }

    private String sessionOf(String key) {
        HttpResponse<String> initialized = initialize(key);
        assertThat(initialized.statusCode()).isEqualTo(200);
        return initialized.headers().firstValue(SESSION).orElseThrow(() ->
                new AssertionError("no session: " + initialized.body()));
    }

    private HttpRequest.Builder withSession(String key, String sessionId) {
        return request("/mcp").header("X-ChittyOS-API-Key", key).header("MCP-Protocol-Version", VERSION)
                .header(SESSION, sessionId);
    }

    private HttpResponse<String> inSession(String key, String sessionId, String body) {
        return send(withSession(key, sessionId).header("Content-Type", "application/json").header("Accept", BOTH)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The JSON-RPC answer, whether it came as JSON or as the one event of a stream. */
    private static JsonNode message(HttpResponse<String> response) {
        String body = response.body();
        return parse(body.lines().filter(line -> line.startsWith("data:")).map(line -> line.substring(5).trim())
                .findFirst().orElse(body));
    }

    private static void assertSessionNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(parse(response.body()).at("/error/code").asInt()).isEqualTo(McpErrors.SESSION_NOT_FOUND);
    }
}
