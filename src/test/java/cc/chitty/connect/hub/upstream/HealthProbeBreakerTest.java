package cc.chitty.connect.hub.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hardening issue's attack: a service whose health endpoint fails while its API works. Probes and status checks
 * go past the breaker, so real calls keep being served.
 */
class HealthProbeBreakerTest extends HubIntegrationTest {

    @Autowired
    private UpstreamProbes probes;

    @Test
    void chittyIdHealthAnswering500WhileMintAnswersKeepsMintsSucceedingAndTheBreakerClosed() {
        StandIns.of("chittyid").stubFor(get(urlPathEqualTo("/health")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        String key = newKey();
        // the first mint of a cold test JVM can pass the test's 1 s upstream timeout on a loaded machine
        postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}");

        for (int probe = 0; probe < 6; probe++) {
            assertThat(probes.probe("chittyid", "/health").healthy()).isFalse();
        }

        StandIns.of("chittyid").verify(6, getRequestedFor(urlPathEqualTo("/health")));
        assertThat(parse(asOperator(request("/admin/breakers").GET()).body()).get("chittyid").asText())
                .isEqualTo("closed");
        for (int mint = 0; mint < 3; mint++) {
            assertThat(postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void servicesStatusChecksOfAFailingHealthEndpointNeverOpenThatServicesBreaker() {
        StandIns.of("chittyregistry").stubFor(get(urlPathEqualTo("/health")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        String key = newKey();

        for (int check = 0; check < 7; check++) {
            assertThat(parse(apiGet("/api/services/chittyregistry/status", key).body()).get("status").asText())
                    .isEqualTo("degraded");
        }
        apiGet("/api/services/status", key);

        assertThat(parse(asOperator(request("/admin/breakers").GET()).body()).get("chittyregistry").asText())
                .isEqualTo("closed");
        assertThat(apiGet("/api/registry/services", key).statusCode()).isEqualTo(200);
    }
}
