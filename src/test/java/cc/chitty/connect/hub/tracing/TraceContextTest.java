package cc.chitty.connect.hub.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import cc.chitty.connect.hub.support.TestSpans;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A caller's W3C trace context goes on through the REST and MCP doors to the upstream call and into the logs. */
@ExtendWith(OutputCaptureExtension.class)
class TraceContextTest extends HubIntegrationTest {

    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String ENTRY = "{\"eventType\":\"test.traced\",\"data\":{\"k\":\"v\"}}";

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void aRestCallersTraceparentReachesTheUpstreamWithTheSameTraceId() {
        String traceId = newTraceId();

        HttpResponse<String> logged = send(request("/api/chittychronicle/log").header("traceparent", traceparent(traceId))
                .header("X-ChittyOS-API-Key", newKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ENTRY)).build());

        assertThat(logged.statusCode()).as(logged.body()).isBetween(200, 299);
        assertThat(entriesIn(traceId)).singleElement().satisfies(this::isTheHubsOwnSpan);
    }

    @Test
    void aRestCallsSpansFormOneTreeUnderTheServerSpan() {
        String traceId = newTraceId();

        HttpResponse<String> logged = send(request("/api/chittychronicle/log").header("traceparent", traceparent(traceId))
                .header("X-ChittyOS-API-Key", newKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ENTRY)).build());

        assertThat(logged.statusCode()).as(logged.body()).isBetween(200, 299);
        List<SpanData> trace = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> TestSpans.ofTrace(spans, traceId), found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)
                        && found.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT));
        Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        // the REST DSL route's span is the server span: nothing else sits beside it under the caller's
        assertThat(trace).filteredOn(span -> span.getParentSpanId().equals(CALLER_SPAN)).singleElement()
                .satisfies(span -> assertThat(span.getKind()).isEqualTo(SpanKind.SERVER));
        assertThat(trace).filteredOn(span -> !span.getParentSpanId().equals(CALLER_SPAN))
                .allSatisfy(span -> assertThat(ids).contains(span.getParentSpanId()));
    }

    @Test
    void anUnsampledCallersTraceReachesTheUpstreamUnsampled() {
        String traceId = newTraceId();

        HttpResponse<String> logged = send(request("/api/chittychronicle/log")
                .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN + "-00")
                .header("X-ChittyOS-API-Key", newKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ENTRY)).build());

        assertThat(logged.statusCode()).as(logged.body()).isBetween(200, 299);
        assertThat(StandIns.of("chittychronicle").findAll(postRequestedFor(urlPathEqualTo("/api/entries"))
                .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-00")))).singleElement()
                .satisfies(this::isTheHubsOwnSpan);
    }

    @Test
    void anMcpCallersTraceparentReachesTheUpstreamWithTheSameTraceId() {
        String traceId = newTraceId();

        HttpResponse<String> called = send(request("/mcp").header("traceparent", traceparent(traceId))
                .header("X-ChittyOS-API-Key", newKey()).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"chitty_chronicle_log\",\"arguments\":" + ENTRY + "}}"))
                .build());

        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(parse(called.body()).at("/result/isError").asBoolean()).as(called.body()).isFalse();
        assertThat(entriesIn(traceId)).singleElement().satisfies(this::isTheHubsOwnSpan);
    }

    @Test
    void logLinesOfARequestCarryItsTraceIdUnderEcsNames(CapturedOutput output) {
        String traceId = newTraceId();
        String requestId = "trace-logs-" + traceId;

        send(request("/api/chittyid/mint").header("traceparent", traceparent(traceId)).header("X-Request-ID", requestId)
                .header("X-ChittyOS-API-Key", newKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        List<String> lines = output.getOut().lines().filter(line -> line.contains(requestId)).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(parse(line).at("/trace/id").asText()).isEqualTo(traceId);
            assertThat(parse(line).at("/span/id").asText()).matches("[0-9a-f]{16}");
        });
    }

    private static List<LoggedRequest> entriesIn(String traceId) {
        return StandIns.of("chittychronicle").findAll(postRequestedFor(urlPathEqualTo("/api/entries"))
                .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-01")));
    }

    /** The upstream's parent is a span of the hub's, not the caller's span passed along. */
    private void isTheHubsOwnSpan(LoggedRequest call) {
        assertThat(call.getHeader("traceparent")).doesNotContain(CALLER_SPAN);
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + CALLER_SPAN + "-01";
    }
}
