package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

/** POST /api/chittyid/mint through the REST door, the capability route and the chittyid connector. */
class ChittyIdMintTest extends HubIntegrationTest {

    private final WireMockServer chittyid = StandIns.of("chittyid");

    @org.springframework.beans.factory.annotation.Autowired
    private org.apache.camel.ProducerTemplate producer;

    @Test
    void mintReturnsTheServicesAnswer() {
        HttpResponse<String> response = postJson("/api/chittyid/mint", newKey(),
                "{\"entity\":\"PEO\",\"metadata\":{\"name\":\"Ada\"}}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        JsonNode body = parse(response.body());
        assertThat(body.get("chittyId").asText()).isEqualTo("03-1-USA-5537-P-2602-0-38");
        assertThat(body.get("entity").asText()).isEqualTo("PEO");
        chittyid.verify(1, postRequestedFor(urlPathEqualTo("/v1/mint"))
                .withHeader("Authorization", equalTo("Bearer " + UPSTREAM_TOKEN))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"entity\":\"PEO\",\"metadata\":{\"name\":\"Ada\"}}")));
    }

    @Test
    void theCapabilityRouteAnswersAnyDoorNotOnlyRest() {
        String answer = producer.requestBody("direct:chittyid.mint", "{\"entity\":\"EVNT\"}", String.class);

        assertThat(parse(answer).get("entity").asText()).isEqualTo("EVNT");
        chittyid.verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void theClientsKeyAndHeadersNeverReachTheUpstreamNorComeBack() {
        String key = newKey();
        HttpResponse<String> response = send(request("/api/chittyid/mint")
                .header("Content-Type", "application/json").header("X-ChittyOS-API-Key", key)
                .header("X-Custom-Client", "secret-ish").header("X-Request-ID", "mint-trace-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"entity\":\"FACT\"}")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-ChittyOS-API-Key")
                || h.equalsIgnoreCase("X-Custom-Client") || h.equalsIgnoreCase("Authorization"));
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("mint-trace-1");
        var sent = chittyid.getAllServeEvents().get(0).getRequest();
        assertThat(sent.containsHeader("X-ChittyOS-API-Key")).isFalse();
        assertThat(sent.containsHeader("X-Custom-Client")).isFalse();
        assertThat(sent.getHeader("X-Request-ID")).isEqualTo("mint-trace-1");
    }

    @Test
    void anUpstreamClientErrorKeepsItsStatus() {
        chittyid.stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"QUOTA_EXCEEDED_FOR_ENTITY\"}")));

        HttpResponse<String> response = postJson("/api/chittyid/mint", newKey(), "{\"entity\":\"PEO\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = parse(response.body());
        assertThat(problem.get("errorClass").asText()).isEqualTo("validation");
        assertThat(problem.get("service").asText()).isEqualTo("chittyid");
        assertThat(problem.get("upstreamStatus").asInt()).isEqualTo(422);
        assertThat(problem.at("/upstreamError/error").asText()).isEqualTo("QUOTA_EXCEEDED_FOR_ENTITY");
        chittyid.verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void anUpstreamServerErrorIsABadGatewayAndAPostIsNotRetried() {
        chittyid.stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1).willReturn(aResponse().withStatus(500)));

        HttpResponse<String> response = postJson("/api/chittyid/mint", newKey(), "{\"entity\":\"PEO\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(parse(response.body()).get("upstreamStatus").asInt()).isEqualTo(500);
        chittyid.verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void aRateLimitedCallIsRetriedAfterItsRetryAfter() {
        chittyid.stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .inScenario("busy").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                .willSetStateTo("free"));

        HttpResponse<String> response = postJson("/api/chittyid/mint", newKey(), "{\"entity\":\"PEO\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        chittyid.verify(2, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void aSlowUpstreamIsAGatewayTimeoutAtTheConfiguredTimeout() {
        chittyid.stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(3_000)));

        long started = System.nanoTime();
        HttpResponse<String> response = postJson("/api/chittyid/mint", newKey(), "{\"entity\":\"PEO\"}");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(parse(response.body()).get("errorClass").asText()).isEqualTo("timeout");
        // the configured timeout is 1 s and a POST that timed out is not retried
        assertThat(tookMs).isBetween(900L, 2_900L);
    }

    @Test
    void theBreakerOpensAfterThreeFailuresRefusesWithoutCallingAndClosesAgain() {
        String key = newKey();
        chittyid.stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        for (int i = 0; i < 3; i++) {
            assertThat(postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}").statusCode()).isEqualTo(502);
        }
        int callsWhenOpened = chittyid.getAllServeEvents().size();
        assertThat(callsWhenOpened).isEqualTo(3);
        assertThat(prometheus()).contains("resilience4j_circuitbreaker_state{application=\"chittyconnect-hub\","
                + "name=\"chittyid\",state=\"open\"} 1.0");

        long started = System.nanoTime();
        HttpResponse<String> refused = postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}");
        // refused without waiting for the upstream's 1 s timeout
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Integer.parseInt(s)).isBetween(1, 2));
        assertThat(parse(refused.body()).get("errorClass").asText()).isEqualTo("unavailable");
        assertThat(chittyid.getAllServeEvents()).hasSize(callsWhenOpened);

        StandIns.resetAll();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}").statusCode()).isEqualTo(201));
        assertThat(prometheus()).contains("name=\"chittyid\",state=\"closed\"} 1.0");
    }

    private String prometheus() {
        return asOperator(request("/actuator/prometheus").GET()).body();
    }

    @Test
    void aLookupPassesTheUpstreamAnswerAndItsNotFoundThrough() {
        String key = newKey();

        HttpResponse<String> found = send(request("/api/chittyid/03-1-USA-5537-P-2602-0-38")
                .header("X-ChittyOS-API-Key", key).GET().build());
        HttpResponse<String> unknown = send(request("/api/chittyid/00-0-XXX-0000-P-0000-0-00")
                .header("X-ChittyOS-API-Key", key).GET().build());
        HttpResponse<String> traversal = send(request("/api/chittyid/..%2Fadmin").header("X-ChittyOS-API-Key", key)
                .GET().build());

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(parse(found.body()).get("lifecycle").asText()).isEqualTo("ACT");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(parse(unknown.body()).get("errorClass").asText()).isEqualTo("not_found");
        assertThat(traversal.statusCode()).isEqualTo(400);
    }
}
