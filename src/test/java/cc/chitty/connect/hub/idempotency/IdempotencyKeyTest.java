package cc.chitty.connect.hub.idempotency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Idempotency-Key through the real HTTP door, counted against the stand-in's journal. */
class IdempotencyKeyTest extends HubIntegrationTest {

    private static final String MINT = "{\"entity\":\"PEO\"}";

    private final WireMockServer chittyid = StandIns.of("chittyid");

    @Test
    void aRetriedWriteIsReplayedIdenticallyWithOneUpstreamEffect() {
        String apiKey = newKey();
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> first = mint(apiKey, idempotencyKey, MINT);
        HttpResponse<String> retry = mint(apiKey, idempotencyKey, MINT);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        chittyid.verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String apiKey = newKey();
        String idempotencyKey = UUID.randomUUID().toString();
        mint(apiKey, idempotencyKey, MINT);

        HttpResponse<String> reused = mint(apiKey, idempotencyKey, "{\"entity\":\"FACT\"}");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        chittyid.verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void aRetryWhileTheFirstStillRunsIs409AndOnlyTheFirstReachesTheUpstream() throws Exception {
        chittyid.stubFor(post(urlPathEqualTo("/v1/mint")).atPriority(1).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"chittyId\":\"slow\"}")
                .withFixedDelay(700)));
        String apiKey = newKey();
        String idempotencyKey = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> mint(apiKey, idempotencyKey, MINT));
        Thread.sleep(300);
        HttpResponse<String> concurrent = mint(apiKey, idempotencyKey, MINT);

        assertThat(concurrent.statusCode()).isEqualTo(409);
        assertThat(first.get().statusCode()).isEqualTo(201);
        HttpResponse<String> after = mint(apiKey, idempotencyKey, MINT);
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(after.body()).isEqualTo("{\"chittyId\":\"slow\"}");
        chittyid.verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void aLateCompletionOfATakenOverClaimNeverOverwritesTheAnswerOfTheRequestThatTookItOver() throws Exception {
        WireMockServer cases = StandIns.of("chittycases");
        // the first create is slow (its instance froze, say) and answers "first"; any later one answers "second"
        cases.stubFor(post(urlPathEqualTo("/api/cases")).atPriority(1).inScenario("takeover")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("later")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"first\"}").withFixedDelay(6000)));
        cases.stubFor(post(urlPathEqualTo("/api/cases")).atPriority(1).inScenario("takeover")
                .whenScenarioStateIs("later").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"second\"}")));
        String apiKey = newKey();
        String idempotencyKey = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> original = CompletableFuture.supplyAsync(
                () -> createCase(apiKey, idempotencyKey));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> cases.findAll(postRequestedFor(urlPathEqualTo("/api/cases"))).size() == 1);
        // claimed and last renewed longer ago than abandon-after (5 min): the claim looks abandoned
        jdbc().sql("UPDATE idempotency_records SET created_at = now() - interval '10 minutes',"
                + " renewed_at = now() - interval '10 minutes' WHERE idempotency_key = :key")
                .param("key", idempotencyKey).update();
        HttpResponse<String> takenOver = createCase(apiKey, idempotencyKey);
        HttpResponse<String> late = original.get(30, TimeUnit.SECONDS);
        HttpResponse<String> replayed = createCase(apiKey, idempotencyKey);

        assertThat(takenOver.body()).isEqualTo("{\"id\":\"second\"}");
        assertThat(late.body()).isEqualTo("{\"id\":\"first\"}");
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replayed.body()).isEqualTo("{\"id\":\"second\"}");
    }

    @Test
    void keysAreScopedPerApiKey() {
        String idempotencyKey = UUID.randomUUID().toString();

        assertThat(mint(newKey(), idempotencyKey, MINT).statusCode()).isEqualTo(201);
        HttpResponse<String> otherClient = mint(newKey(), idempotencyKey, MINT);

        assertThat(otherClient.statusCode()).isEqualTo(201);
        assertThat(otherClient.headers().firstValue("Idempotent-Replayed")).isEmpty();
        chittyid.verify(2, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void aRefusedRequestIsNotStoredSoItsRetryRuns() {
        String apiKey = newKey();
        String idempotencyKey = UUID.randomUUID().toString();

        assertThat(mint(apiKey, idempotencyKey, "{\"entity\":\"NOPE\"}").statusCode()).isEqualTo(400);
        assertThat(mint(apiKey, idempotencyKey, "{\"entity\":\"NOPE\"}").headers().firstValue("Idempotent-Replayed"))
                .isEmpty();
    }

    @Test
    void aMalformedKeyIs400() {
        assertThat(mint(newKey(), "has spaces in it", MINT).statusCode()).isEqualTo(400);
        assertThat(mint(newKey(), "x".repeat(256), MINT).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> createCase(String apiKey, String idempotencyKey) {
        return send(request("/api/chittycases/create").header("Content-Type", "application/json")
                .header("X-ChittyOS-API-Key", apiKey).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Takeover\",\"caseType\":\"eviction\"}"))
                .build());
    }

    private HttpResponse<String> mint(String apiKey, String idempotencyKey, String body) {
        return send(request("/api/chittyid/mint").header("Content-Type", "application/json")
                .header("X-ChittyOS-API-Key", apiKey).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
