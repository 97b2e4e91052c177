package cc.chitty.connect.hub.context;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cc.chitty.connect.hub.context.ContextState.Phase;
import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hub registering itself in ChittyOS: the steps, their hard and soft failures, and the stored row. */
class ContextInitializationTest extends HubIntegrationTest {

    private static final String MINTED = "03-1-USA-5537-P-2602-0-38";

    @Autowired
    private ContextInitialization initialization;
    @Autowired
    private ContextCalls calls;
    @Autowired
    private ContextRows rows;
    @Autowired
    private DataSource dataSource;

    @BeforeEach
    @AfterEach
    void forgetTheContext() {
        jdbc().sql("DELETE FROM contexts WHERE name = 'chittyconnect'").update();
    }

    @Test
    void everyStepRunsOnceAndACompleteRowIsNotRunAgain() {
        ContextState state = initialization.runNow();

        assertThat(state.phase()).isEqualTo(Phase.COMPLETE);
        assertThat(state.steps()).containsEntry("mint", "ok").containsEntry("certify", "ok");
        assertThat(row()).containsEntry("chittyid", MINTED).containsEntry("dna_id", "DNA-2026-7f3a9c")
                .containsEntry("api_key_id", "key_ctx_5b21e0").containsEntry("verification_id", "VER-2026-11aa42")
                .containsEntry("certification_id", "CERT-2026-c0ffee");
        StandIns.of("chittydna").verify(postRequestedFor(urlPathEqualTo("/api/initialize"))
                .withHeader("X-ChittyID", equalTo(MINTED)));
        assertThat(parse(send(request("/health").GET().build()).body()).at("/checks/context").asText())
                .isEqualTo("complete");

        StandIns.resetAll();
        assertThat(initialization.runNow().phase()).isEqualTo(Phase.COMPLETE);
        StandIns.of("chittyid").verify(0, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void aHardFailureKeepsTheMintedIdentityAndTheRetryFinishesWithoutMintingAgain() {
        StandIns.of("chittyauth").stubFor(post(urlPathEqualTo("/api/keys/provision")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        ContextState failed = initialization.runNow();

        assertThat(failed.phase()).isEqualTo(Phase.FAILED);
        assertThat(failed.steps()).containsEntry("keys", "failed: server");
        assertThat(row()).containsEntry("chittyid", MINTED).containsEntry("api_key_id", null);
        assertThat(parse(send(request("/health").GET().build()).body()).at("/checks/context").asText())
                .isEqualTo("failed");

        StandIns.resetAll();
        assertThat(initialization.runNow().phase()).isEqualTo(Phase.COMPLETE);
        StandIns.of("chittyid").verify(0, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void aSoftFailureLeavesAPartialContextAndSkipsCertification() {
        StandIns.of("chittyverify").stubFor(post(urlPathEqualTo("/api/verify/context")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));

        ContextState partial = initialization.runNow();

        assertThat(partial.phase()).isEqualTo(Phase.PARTIAL);
        assertThat(partial.steps()).containsEntry("verify", "failed: server").containsEntry("certify", "skipped")
                .containsEntry("keys", "ok");
        assertThat(row()).containsEntry("verification_id", null).containsEntry("api_key_id", "key_ctx_5b21e0");
    }

    @Test
    void aHardFailureInTheBackgroundIsRetriedAfterABackoffUntilComplete() {
        StandIns.of("chittyauth").stubFor(post(urlPathEqualTo("/api/keys/provision")).atPriority(1)
                .inScenario("auth down once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("back")
                .willReturn(aResponse().withStatus(503)));
        // a second instance of the hub's initialisation, started as at boot but with short waits
        ContextInitialization background = new ContextInitialization(new ContextProperties(true, "chittyconnect",
                Duration.ofMillis(10), Duration.ofMillis(400), Duration.ofSeconds(1), null, null, null), calls,
                rows, dataSource);
        try {
            background.start();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> background.state().phase() == Phase.COMPLETE);
        } finally {
            background.destroy();
        }

        assertThat(background.state().attempts()).isEqualTo(2);
        List<LoggedRequest> provisions = StandIns.of("chittyauth")
                .findAll(postRequestedFor(urlPathEqualTo("/api/keys/provision")));
        assertThat(provisions).hasSize(2);
        assertThat(provisions.get(1).getLoggedDate().getTime() - provisions.get(0).getLoggedDate().getTime())
                .as("wait before the retry (400 ms, jittered by 25 %)").isGreaterThanOrEqualTo(300);
        StandIns.of("chittyid").verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
        assertThat(row()).containsEntry("chittyid", MINTED).containsEntry("api_key_id", "key_ctx_5b21e0");
    }

    private Map<String, Object> row() {
        return jdbc().sql("SELECT chittyid, dna_id, api_key_id, verification_id, certification_id FROM contexts"
                + " WHERE name = 'chittyconnect'").query().singleRow();
    }
}
