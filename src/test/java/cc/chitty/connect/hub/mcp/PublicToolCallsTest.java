package cc.chitty.connect.hub.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MCP's plain tools/call answered on the public port itself, and everything else about {@code /mcp} as Tomcat
 * answers it. Each call is compared with the same call sent to {@code /mcp?via=tomcat}, which the public port
 * forwards to Tomcat untouched (a query is not the plain shape) and Tomcat answers as {@code /mcp}: the answers
 * must be the same in status, type, body and headers; which engine answered is read from the public port's
 * debug line, since a client can tell no difference.
 */
class PublicToolCallsTest extends HubIntegrationTest {

    private static final String VIA_TOMCAT = "/mcp?via=tomcat";
    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    private static final String DISCOVER = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"chitty_registry_discover\",\"arguments\":{}}}";
    private static final String[] OLDER = {"MCP-Protocol-Version", "2025-11-25"};

    @Autowired
    private MeterRegistry meters;

    private final ListAppender<ILoggingEvent> answeredHere = new ListAppender<>();
    private final Logger log = (Logger) LoggerFactory.getLogger(PublicToolCalls.class);

    @BeforeEach
    void watchThePublicPort() {
        answeredHere.start();
        log.addAppender(answeredHere);
        log.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopWatching() {
        log.detachAppender(answeredHere);
        log.setLevel(null);
    }

    @Test
    void aPlainToolCallIsAnsweredOnThePublicPortExactlyAsTomcatAnswersIt() {
        String reader = createKey("public-reader", "registry:read").get("key").asText();
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> here = post("/mcp", reader, DISCOVER, "X-Request-ID", requestId, OLDER[0], OLDER[1]);
        assertThat(answeredHere()).isEqualTo(1);
        HttpResponse<String> tomcat = post(VIA_TOMCAT, reader, DISCOVER, "X-Request-ID", requestId,
                OLDER[0], OLDER[1]);
        assertThat(answeredHere()).isEqualTo(1);

        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(parse(here.body()).at("/result/isError").asBoolean(true)).as(here.body()).isFalse();
        assertSameAnswer(here, tomcat);
        assertThat(here.headers().firstValue("X-Request-ID")).hasValue(requestId);
        // one bucket: the public port's call took the token before Tomcat's
        assertThat(remaining(tomcat)).isEqualTo(remaining(here) - 1);
    }

    @Test
    void aPlainModernToolCallIsAnsweredOnThePublicPortExactlyAsTomcatAnswersIt() {
        String reader = createKey("public-modern", "registry:read").get("key").asText();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":\"m-1\",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"chitty_registry_discover\",\"arguments\":{},\"_meta\":" + META + "}}";
        String[] modern = {"MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", "chitty_registry_discover", "X-Request-ID", "modern-1"};

        HttpResponse<String> here = post("/mcp", reader, call, modern);
        assertThat(answeredHere()).isEqualTo(1);
        HttpResponse<String> tomcat = post(VIA_TOMCAT, reader, call, modern);

        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(parse(here.body()).at("/result/resultType").asText()).as(here.body()).isEqualTo("complete");
        assertSameAnswer(here, tomcat);
    }

    @Test
    void invalidArgumentsInTheModernRevisionAreTheSame400OnBothEngines() {
        String reader = createKey("public-modern-invalid", "registry:read").get("key").asText();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"chitty_registry_discover\",\"arguments\":{\"capabilities\":7},\"_meta\":" + META + "}}";
        String[] modern = {"MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", "chitty_registry_discover", "X-Request-ID", "modern-2"};

        Sent sent = bothWays(reader, call, modern);

        assertThat(answeredHere()).isEqualTo(1);
        assertThat(sent.here().statusCode()).as(sent.here().body()).isEqualTo(400);
        assertSameAnswer(sent.here(), sent.tomcat());
    }

    @Test
    void aToolCallWithoutTheScopeIsTheSameJsonRpcErrorCountedOnce() {
        String reader = createKey("public-no-mint", "registry:read").get("key").asText();
        String mint = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"chittyid_mint\",\"arguments\":{\"entity\":\"PEO\"}}}";
        double before = refusals("scope", 403, "mcp");

        HttpResponse<String> here = post("/mcp", reader, mint, "X-Request-ID", "scope-1", OLDER[0], OLDER[1]);
        assertThat(refusals("scope", 403, "mcp")).isEqualTo(before + 1);
        HttpResponse<String> tomcat = post(VIA_TOMCAT, reader, mint, "X-Request-ID", "scope-1", OLDER[0], OLDER[1]);

        assertThat(answeredHere()).isEqualTo(1);
        assertThat(parse(here.body()).at("/error/code").asInt()).as(here.body()).isEqualTo(-32003);
        assertSameAnswer(here, tomcat);
    }

    @Test
    void aMissingKeyIsTomcatsOwn401ChargedAndCountedOnce() {
        String address = "198.51.100.81";
        double before = refusals("api-key", 401, "http");

        HttpResponse<String> here = post("/mcp", null, DISCOVER, "X-Request-ID", "nokey-1",
                "X-Forwarded-For", address, OLDER[0], OLDER[1]);
        assertThat(refusals("api-key", 401, "http")).isEqualTo(before + 1);
        HttpResponse<String> tomcat = post(VIA_TOMCAT, null, DISCOVER, "X-Request-ID", "nokey-1",
                "X-Forwarded-For", address, OLDER[0], OLDER[1]);

        assertThat(answeredHere()).isZero();
        assertThat(here.statusCode()).isEqualTo(401);
        assertThat(parse(here.body()).path("type").asText()).endsWith("/missing-api-key");
        assertThat(here.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"chittyconnect\"");
        assertSameAnswer(here, tomcat);
    }

    @Test
    void anUnknownKeyIsTomcatsOwn401AndSpendsTheAddressBudgetOnceARequest() {
        String address = "198.51.100.82";
        String[] from = {"X-Request-ID", "badkey-1", "X-Forwarded-For", address, OLDER[0], OLDER[1]};
        Sent sent = bothWays("chitty_" + "0".repeat(64), DISCOVER, from);
        assertThat(sent.here().statusCode()).isEqualTo(401);
        assertThat(parse(sent.here().body()).path("type").asText()).endsWith("/invalid-api-key");
        assertSameAnswer(sent.here(), sent.tomcat());

        // the unauthenticated tier allows 30 refusals a window: 2 spent above, 28 more, then 429
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            statuses.add(post("/mcp", "chitty_" + "1".repeat(64), DISCOVER, from).statusCode());
        }
        assertThat(statuses.subList(0, 28)).containsOnly(401);
        assertThat(statuses.get(28)).isEqualTo(429);
        assertThat(answeredHere()).isZero();
    }

    @Test
    void aClientOverItsLimitIsRefusedFromTheSameBucketsWhicheverShapeItSends() {
        String key = createKey(Map.of("name", "public-two", "scopes", List.of("registry:read"), "rateLimit", 2))
                .get("key").asText();

        HttpResponse<String> first = post("/mcp", key, DISCOVER, OLDER);
        HttpResponse<String> second = post(VIA_TOMCAT, key, DISCOVER, OLDER);
        HttpResponse<String> third = post("/mcp", key, DISCOVER, "X-Request-ID", "limit-3", OLDER[0], OLDER[1]);
        HttpResponse<String> fourth = post(VIA_TOMCAT, key, DISCOVER, "X-Request-ID", "limit-3",
                OLDER[0], OLDER[1]);

        assertThat(List.of(first.statusCode(), second.statusCode(), third.statusCode()))
                .containsExactly(200, 200, 429);
        assertThat(remaining(first)).isEqualTo(1);
        assertThat(remaining(second)).isZero();
        assertThat(answeredHere()).isEqualTo(1);
        assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertSameAnswer(third, fourth);
    }

    @Test
    void anOversizedBodyIs413() {
        String key = newKey();
        String huge = DISCOVER.replace("{}}}", "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}}");
        double before = refusals("body-limit", 413, "http");

        HttpResponse<String> refused = post("/mcp", key, huge, OLDER);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(parse(refused.body()).path("type").asText()).endsWith("/payload-too-large");
        assertThat(refusals("body-limit", 413, "http")).isEqualTo(before + 1);
        assertThat(answeredHere()).isZero();
    }

    @Test
    void aForeignOriginIsTomcats403() {
        String key = newKey();
        HttpResponse<String> refused = answeredByTomcatAlike(403, key, "Origin", "https://evil.example",
                "X-Request-ID", "origin-1");

        assertThat(parse(refused.body()).path("type").asText()).endsWith("/forbidden-origin");
    }

    @Test
    void whatIsNotThePlainShapeIsAnsweredByTomcatAsBefore() {
        String key = createKey("public-odd-shapes", "registry:read").get("key").asText();
        Map<String, String> odd = new TreeMap<>(Map.of(
                "malformed JSON", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":",
                "a batch", "[" + DISCOVER + "]",
                "a notification", DISCOVER.replace("\"id\":3,", ""),
                "params of the wrong shape", DISCOVER.replace("\"arguments\":{}", "\"arguments\":\"all\""),
                "an unknown tool", DISCOVER.replace("chitty_registry_discover", "no_such_tool"),
                "another method", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{}}"));
        odd.forEach((what, body) -> {
            Sent sent = bothWays(key, body, "X-Request-ID", "odd-1", OLDER[0], OLDER[1]);
            assertThat(sent.here().statusCode()).as(what).isEqualTo(sent.tomcat().statusCode());
            assertThat(sent.here().body()).as(what).isEqualTo(sent.tomcat().body());
        });
        for (String path : List.of("/mcp", VIA_TOMCAT)) {
            HttpResponse<String> text = send(request(path).header("Content-Type", "text/plain")
                    .header("Accept", "application/json, text/event-stream").header("X-ChittyOS-API-Key", key)
                    .header(OLDER[0], OLDER[1]).POST(HttpRequest.BodyPublishers.ofString(DISCOVER)).build());
            odd.put("text/plain " + path, text.statusCode() + " " + text.body());
        }
        assertThat(odd.get("text/plain /mcp")).isEqualTo(odd.get("text/plain " + VIA_TOMCAT));
        assertThat(answeredHere()).isZero();
    }

    @Test
    void aRequestNamingASessionGoesToTheSessions() {
        String key = newKey();
        HttpResponse<String> refused = answeredByTomcatAlike(404, key, "Mcp-Session-Id", "no-such-session",
                "X-Request-ID", "session-1");

        assertThat(parse(refused.body()).at("/error/code").asInt()).isEqualTo(-32001);
    }

    @Test
    void aPlainCallCountsAsAnMcpRequestInTheHttpServerMetric() {
        String reader = createKey("public-metric", "registry:read").get("key").asText();
        double before = served(200);

        post("/mcp", reader, DISCOVER, OLDER);

        assertThat(answeredHere()).isEqualTo(1);
        assertThat(served(200)).isEqualTo(before + 1);
    }

    /** Status, type, body and every header but the date and the limit's moving numbers. */
    private static void assertSameAnswer(HttpResponse<String> here, HttpResponse<String> tomcat) {
        assertThat(here.statusCode()).isEqualTo(tomcat.statusCode());
        assertThat(here.headers().firstValue("Content-Type")).isEqualTo(tomcat.headers().firstValue("Content-Type"));
        assertThat(here.body()).isEqualTo(tomcat.body());
        assertThat(comparable(here)).isEqualTo(comparable(tomcat));
    }

    private static Map<String, List<String>> comparable(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!List.of("date", "x-ratelimit-remaining", "x-ratelimit-reset", "ratelimit", "retry-after")
                    .contains(name.toLowerCase())) {
                headers.put(name, values);
            }
        });
        return headers;
    }

    private static long remaining(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }

    private long answeredHere() {
        return answeredHere.list.stream().filter(e -> e.getFormattedMessage().contains("answered on the public port"))
                .count();
    }

    private double refusals(String policy, int status, String door) {
        Counter counter = meters.find("hub.edge.refusals").tags("policy", policy, "status", String.valueOf(status),
                "door", door).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * The count of {@code /mcp}'s POST answers with that status that ended without an exception: a context shared
     * with other test classes also holds, say, an SSE stream's 200 ended by its client, timed apart by its exception.
     */
    private double served(int status) {
        Timer timer = meters.find("http.server.requests").tags("uri", "UNKNOWN", "method", "POST",
                "status", String.valueOf(status), "exception", "none").timer();
        return timer == null ? 0 : timer.count();
    }

    /** A 2025-11-25 discover call that Tomcat answers with that status, the same both ways; the public port's answer. */
    private HttpResponse<String> answeredByTomcatAlike(int status, String key, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of(OLDER));
        Sent sent = bothWays(key, DISCOVER, all.toArray(String[]::new));
        assertThat(sent.here().statusCode()).as(sent.here().body()).isEqualTo(status);
        assertSameAnswer(sent.here(), sent.tomcat());
        assertThat(answeredHere()).isZero();
        return sent.here();
    }

    /** The same call sent to {@code /mcp}, then to {@link #VIA_TOMCAT}. */
    private Sent bothWays(String key, String body, String... headers) {
        return new Sent(post("/mcp", key, body, headers), post(VIA_TOMCAT, key, body, headers));
    }

    private record Sent(HttpResponse<String> here, HttpResponse<String> tomcat) {
    }

    private HttpResponse<String> post(String path, String key, String body, String... headers) {
        HttpRequest.Builder post = request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (key != null) {
            post.header("X-ChittyOS-API-Key", key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            post.header(headers[i], headers[i + 1]);
        }
        return send(post.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
