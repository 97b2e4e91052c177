package cc.chitty.connect.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What probes, operators and Prometheus see. */
class HealthAndMetricsTest extends HubIntegrationTest {

    @Test
    void publicHealthKeepsTheOriginalShape() {
        HttpResponse<String> response = send(request("/health").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = parse(response.body());
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("service").asText()).isEqualTo("chittyconnect");
        assertThat(health.get("version").asText()).isNotBlank();
        assertThat(health.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(health.get("endpoints").has("api")).isTrue();
        assertThat(health.get("endpoints").has("mcp")).isTrue();
    }

    @Test
    void apiHealthAnswersAnyValidKeyInTheOriginalGptApiShape() {
        assertThat(send(request("/api/health").GET().build()).statusCode()).isEqualTo(401);
        String narrowKey = createKey("narrow", "chittyid:read").get("key").asText();

        HttpResponse<String> response = apiGet("/api/health", narrowKey);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = parse(response.body());
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("service").asText()).isEqualTo("chittyconnect-gpt-api");
        assertThat(health.get("version").asText()).isNotBlank();
        assertThat(health.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(health.at("/endpoints/chittyid").asText()).isEqualTo("/api/chittyid");
        assertThat(health.at("/endpoints/thirdparty").asText()).isEqualTo("/api/thirdparty");
        assertThat(health.get("endpoints").has("intelligence")).isFalse();
    }

    @Test
    void readinessCoversCamelKafkaAndTheDatabase() {
        JsonNode readiness = parse(send(request("/actuator/health/readiness").GET().build()).body());

        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").fieldNames()).toIterable()
                .contains("camelHealth", "db", "kafka", "readinessState", "doors");
        assertThat(readiness.at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void healthAndReadinessAnswerFromTheLastBackgroundCheckNotAQueryPerCall() {
        JsonNode first = parse(asOperator(request("/actuator/health/readiness").GET()).body());
        for (int call = 0; call < 20; call++) {
            assertThat(send(request("/health").GET().build()).statusCode()).isEqualTo(200);
        }
        JsonNode second = parse(asOperator(request("/actuator/health/readiness").GET()).body());

        // a check per call would stamp each answer with its own time; the background check runs every 5 s
        assertThat(first.at("/components/db/details/checkedAt").asText()).isNotEmpty();
        assertThat(first.at("/components/kafka/details/checkedAt").asText()).isNotEmpty();
        assertThat(Instant.parse(second.at("/components/db/details/checkedAt").asText()))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(first.at("/components/doors/status").asText()).isEqualTo("UP");
    }

    @Test
    void livenessCoversCamelButNoExternalDependency() {
        JsonNode liveness = parse(send(request("/actuator/health/liveness").GET().build()).body());

        assertThat(liveness.get("status").asText()).isEqualTo("UP");
        assertThat(liveness.get("components").fieldNames()).toIterable()
                .contains("camelHealth", "livenessState").doesNotContain("db", "kafka");
    }

    @Test
    void prometheusShowsRouteMetricsAndBreakerStateToOperatorsOnly() {
        postJson("/api/chittyid/mint", newKey(), "{\"entity\":\"PEO\"}");

        assertThat(send(request("/actuator/prometheus").GET().build()).statusCode()).isEqualTo(401);
        String metrics = asOperator(request("/actuator/prometheus").GET()).body();
        assertThat(metrics).contains("routeId=\"chittyid.mint\"");
        assertThat(metrics).containsPattern("camel_exchanges_(succeeded_)?total\\{[^}]*routeId=\"upstream.chittyid\"");
        assertThat(metrics).contains("resilience4j_circuitbreaker_state{application=\"chittyconnect-hub\","
                + "name=\"chittyid\",state=\"closed\"} 1.0");
        assertThat(metrics).contains("resilience4j_retry_calls_total");
    }

    @Test
    void operatorsSeeAndResetTheBreakers() {
        assertThat(send(request("/admin/breakers").GET().build()).statusCode()).isEqualTo(401);
        assertThat(parse(asOperator(request("/admin/breakers").GET()).body()).get("chittyid").asText())
                .isEqualTo("closed");
        assertThat(asOperator(request("/admin/breakers/chittyid/reset")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
        assertThat(asOperator(request("/admin/breakers/nosuch/reset")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
    }
}
