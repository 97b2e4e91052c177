package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the public /health answers from its rendered bytes, and when it renders them again. */
class RenderedPublicHealthTest {

    private static final Map<String, String> ENDPOINTS = Map.of("api", "/api");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T05:00:00.123Z"), ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final HealthDocument document = mock(HealthDocument.class);

    @Test
    void answersTheWholeDocumentWithTheTimeOfTheAnswer() throws Exception {
        when(document.document(anyString(), any())).thenAnswer(call -> body("healthy"));
        RenderedPublicHealth health = new RenderedPublicHealth(document, ENDPOINTS, json, Duration.ofMinutes(1), NOW);

        RenderedPublicHealth.Rendered rendered = health.current();
        JsonNode answer = json.readTree(bytes(rendered, health.timestamp()));

        assertThat(rendered.status()).isEqualTo(200);
        assertThat(answer.get("status").asText()).isEqualTo("healthy");
        assertThat(answer.get("service").asText()).isEqualTo("chittyconnect");
        assertThat(answer.get("version").asText()).isEqualTo("1.2.3");
        assertThat(answer.get("timestamp").asText()).isEqualTo("2026-12-06T05:00:00.123Z");
        assertThat(answer.at("/checks/chittyid").asText()).isEqualTo("connected");
        assertThat(answer.at("/endpoints/api").asText()).isEqualTo("/api");
        assertThat(answer.fieldNames()).toIterable()
                .containsExactly("status", "service", "version", "timestamp", "checks", "endpoints");
    }

    @Test
    void rendersOncePerMaxAgeHoweverManyCallsArrive() {
        when(document.document(anyString(), any())).thenAnswer(call -> body("healthy"));
        RenderedPublicHealth health = new RenderedPublicHealth(document, ENDPOINTS, json, Duration.ofMinutes(1), NOW);

        for (int call = 0; call < 100; call++) {
            health.current();
        }

        verify(document, times(1)).document(anyString(), any());
    }

    @Test
    void rendersAgainOnceTheLastRenderingIsOlderThanMaxAge() throws Exception {
        when(document.document(anyString(), any())).thenAnswer(call -> body("healthy"))
                .thenAnswer(call -> body("degraded"));
        RenderedPublicHealth health = new RenderedPublicHealth(document, ENDPOINTS, json, Duration.ZERO, NOW);

        health.current();
        RenderedPublicHealth.Rendered second = health.current();

        assertThat(second.status()).isEqualTo(200);
        assertThat(json.readTree(bytes(second, health.timestamp())).get("status").asText()).isEqualTo("degraded");
    }

    @Test
    void whileStartingEveryCallLooksAgainSoTheOpenDoorsShowAtOnce() throws Exception {
        when(document.document(anyString(), any())).thenAnswer(call -> body(HealthDocument.STARTING))
                .thenAnswer(call -> body("healthy"));
        RenderedPublicHealth health = new RenderedPublicHealth(document, ENDPOINTS, json, Duration.ofMinutes(1), NOW);

        RenderedPublicHealth.Rendered starting = health.current();
        RenderedPublicHealth.Rendered open = health.current();

        assertThat(starting.status()).isEqualTo(503);
        assertThat(json.readTree(bytes(starting, health.timestamp())).get("status").asText()).isEqualTo("starting");
        assertThat(open.status()).isEqualTo(200);
        assertThat(json.readTree(bytes(open, health.timestamp())).get("status").asText()).isEqualTo("healthy");
    }

    private static Map<String, Object> body(String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("service", "chittyconnect");
        body.put("version", "1.2.3");
        body.put("timestamp", Instant.now().toString());
        body.put("checks", Map.of("chittyid", "connected", "context", "complete"));
        body.put("endpoints", ENDPOINTS);
        return body;
    }

    private static byte[] bytes(RenderedPublicHealth.Rendered rendered, byte[] timestamp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(rendered.head());
        out.write(timestamp);
        out.write(rendered.tail());
        return out.toByteArray();
    }
}
