package cc.chitty.connect.hub.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cc.chitty.connect.hub.security.ClientAuthentication;
import cc.chitty.connect.hub.support.AuthenticatedClient;
import cc.chitty.connect.hub.support.HubIntegrationTest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Legacy SSE sessions belong to the key that opened them, end when idle, and are capped per key. */
class LegacySseSessionsTest extends HubIntegrationTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @Autowired
    private LegacySseSessions sessions;

    private final List<HttpResponse<Stream<String>>> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(stream -> stream.body().close());
    }

    @Test
    void anotherKeyCannotPostIntoASessionItDidNotOpen() throws Exception {
        String owner = newKey();
        String sessionId = sessionIdOf(openStream(owner));

        HttpResponse<String> intruder = postMessage(newKey(), sessionId);
        assertThat(intruder.statusCode()).isEqualTo(404);
        assertThat(intruder.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(postMessage(owner, sessionId).statusCode()).isBetween(200, 299);
    }

    @Test
    void aClientMayPostTheMomentItHasReadTheEndpointEvent() throws Exception {
        ClientAuthentication caller = new AuthenticatedClient("key:test", List.of("*"));
        MockHttpServletRequest open = new MockHttpServletRequest("GET", LegacySseSessions.SSE_PATH);
        open.setServletPath(LegacySseSessions.SSE_PATH);
        open.setUserPrincipal(caller);
        open.setAsyncSupported(true);
        MockHttpServletResponse posted = new MockHttpServletResponse();

        sessions.doFilter(open, new MockHttpServletResponse(), (request, response) -> {
            request.startAsync();
            response.getWriter().write("event:endpoint\ndata:/mcp/message?sessionId=s-1\n\n");
            response.flushBuffer();
            // the client has the event now, and its first message may arrive before the SDK's handler returns
            MockHttpServletRequest post = new MockHttpServletRequest("POST", LegacySseSessions.MESSAGE_PATH);
            post.setServletPath(LegacySseSessions.MESSAGE_PATH);
            post.setParameter("sessionId", "s-1");
            post.setUserPrincipal(caller);
            post.setContent(INITIALIZE.getBytes(StandardCharsets.UTF_8));
            sessions.doFilter(post, posted, (message, answer) -> ((HttpServletResponse) answer).setStatus(202));
        });
        open.getAsyncContext().complete();

        assertThat(posted.getStatus()).isEqualTo(202);
    }

    /** An API key's caller, as the key chain puts it on the request. */
    @Test
    void aKeyCannotHoldMoreStreamsThanItsCap() throws Exception {
        String key = newKey();
        for (int i = 0; i < 5; i++) {
            assertThat(openStream(key).statusCode()).as("stream %d", i + 1).isEqualTo(200);
        }

        HttpResponse<Stream<String>> sixth = openStream(key);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(openStream(newKey()).statusCode()).as("another key").isEqualTo(200);
    }

    @Test
    void anIdleSessionIsClosedAndCanNoLongerBePostedTo() throws Exception {
        String key = newKey();
        HttpResponse<Stream<String>> stream = openStream(key);
        Iterator<String> lines = stream.body().iterator();
        String sessionId = sessionIdOf(lines);

        sessions.closeIdle(System.nanoTime() + Duration.ofHours(1).toNanos());

        CompletableFuture.runAsync(() -> lines.forEachRemaining(line -> { })).get(20, TimeUnit.SECONDS);
        assertThat(postMessage(key, sessionId).statusCode()).isEqualTo(404);
    }

    private HttpResponse<Stream<String>> openStream(String key) throws Exception {
        HttpResponse<Stream<String>> response = HTTP.sendAsync(request("/mcp/sse").header("X-ChittyOS-API-Key", key)
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        open.add(response);
        return response;
    }

    private static String sessionIdOf(HttpResponse<Stream<String>> stream) {
        return sessionIdOf(stream.body().iterator());
    }

    /** The id in the endpoint event, the first event of a new stream. */
    private static String sessionIdOf(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            int at = line.indexOf("sessionId=");
            if (line.startsWith("data:") && at >= 0) {
                return line.substring(at + "sessionId=".length()).trim();
            }
        }
        throw new AssertionError("the stream ended without an endpoint event");
    }

    private HttpResponse<String> postMessage(String key, String sessionId) {
        return send(request("/mcp/message?sessionId=" + sessionId).header("X-ChittyOS-API-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build());
    }
}
