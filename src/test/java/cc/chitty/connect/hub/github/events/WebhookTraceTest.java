package cc.chitty.connect.hub.github.events;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;

import cc.chitty.connect.hub.github.GitHubTestSupport;
import cc.chitty.connect.hub.support.StandIns;
import cc.chitty.connect.hub.support.TestSpans;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One delivery is one trace: webhook intake, the Kafka record, the consumer and the consumer's upstream calls. */
class WebhookTraceTest extends GitHubTestSupport {

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void aDeliverysIntakeRecordConsumerAndUpstreamCallsShareOneTraceId() {
        String id = newDeliveryId();
        String sha = sha(id);

        assertThat(deliver(id, "push", push("traced", 6105, 65501, sha, "feat: traced", List.of("README.md")))
                .statusCode()).isEqualTo(202);

        LoggedRequest chronicle = eventually().until(() -> chronicleEntry(id), Objects::nonNull);
        String traceId = traceIdOf(chronicle.getHeader("traceparent"));
        assertThat(traceIdOf(header(readBack(id), "traceparent"))).isEqualTo(traceId);
        assertThat(github().findAll(postRequestedFor(urlPathEqualTo("/repos/acme/traced/check-runs"))
                .withRequestBody(matchingJsonPath("$.head_sha", equalTo(sha)))))
                .singleElement().satisfies(checkRun -> assertThat(traceIdOf(checkRun.getHeader("traceparent")))
                        .isEqualTo(traceId));

        List<SpanData> trace = eventually().until(() -> TestSpans.ofTrace(spans, traceId),
                spans -> spans.stream().anyMatch(WebhookTraceTest::isIntake)
                        && spans.stream().anyMatch(span -> span.getKind() == SpanKind.PRODUCER)
                        && spans.stream().anyMatch(span -> span.getKind() == SpanKind.CONSUMER)
                        && spans.stream().anyMatch(WebhookTraceTest::isChronicleCall));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.PRODUCER)
                .anySatisfy(span -> assertThat(span.getName()).isEqualTo("github-events"));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
                .anySatisfy(span -> assertThat(span.getName()).isEqualTo("github-events"));
    }

    private static boolean isIntake(SpanData span) {
        return span.getKind() == SpanKind.SERVER && span.getName().contains("/integrations/github/webhook");
    }

    /** The HTTP call to the Chronicle stand-in: its span names the endpoint, whose port is the stand-in's. */
    private static boolean isChronicleCall(SpanData span) {
        String port = ":" + StandIns.of("chittychronicle").port();
        return span.getKind() == SpanKind.CLIENT && span.getAttributes().asMap().values().stream()
                .anyMatch(value -> value.toString().startsWith("http") && value.toString().contains(port));
    }

    private static LoggedRequest chronicleEntry(String deliveryId) {
        return StandIns.of("chittychronicle").findAll(postRequestedFor(urlPathEqualTo("/api/entries"))
                .withRequestBody(matchingJsonPath("$.data.delivery", equalTo(deliveryId)))).stream().findFirst()
                .orElse(null);
    }

    /** The trace id of a W3C traceparent, {@code 00-<trace id>-<parent span id>-<flags>}. */
    private static String traceIdOf(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.substring(3, 35);
    }
}
