package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import cc.chitty.connect.hub.capability.CapabilityCaller;
import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/** ChittyCanon's definitions: cached, served stale, and used to check the canonical fields of requests. */
class CanonTest extends HubIntegrationTest {

    @Autowired
    private CapabilityCaller capabilities;

    @Test
    void caseStatusesAreCheckedAgainstCanonAndCaseTypesAgainstTheOriginalListByDefault() {
        String key = newKey();

        assertThat(put("/api/chittycases/CASE-2026-0001", key, "{\"status\":\"FILED\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> unknownStatus = put("/api/chittycases/CASE-2026-0001", key, "{\"status\":\"shelved\"}");
        assertFault(unknownStatus, 400, "validation");
        assertThat(parse(unknownStatus.body()).at("/errors/0/field").asText()).isEqualTo("status");
        assertThat(parse(unknownStatus.body()).at("/errors/0/message").asText()).contains("ChittyCanon case-statuses");

        assertThat(postJson("/api/chittycases/create", key, "{\"title\":\"t\",\"caseType\":\"litigation\"}")
                .statusCode()).isEqualTo(201);
        assertFault(postJson("/api/chittycases/create", key, "{\"title\":\"t\",\"caseType\":\"criminal\"}"), 400,
                "validation");
    }

    @Test
    void definitionsAreKeptFiveMinutesAndServedStaleWhileCanonFails() {
        var standIn = StandIns.of("chittycanon");
        standIn.stubFor(WireMock.get(urlPathEqualTo("/canon/case-types")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        CanonDefinitions canon = new CanonDefinitions(capabilities, new CanonProperties(Duration.ofMinutes(5),
                Map.of()));
        assertThatThrownBy(() -> canon.definitions("case-types")).isInstanceOfSatisfying(CapabilityFailure.class,
                failure -> assertThat(failure.upstreamStatus()).isEqualTo(503));

        StandIns.resetAll();
        assertThat(canon.definitions("case-types").has("EVICTION")).isTrue();
        assertThat(canon.definitions("case-types").has("EVICTION")).isTrue();
        standIn.verify(1, getRequestedFor(urlPathEqualTo("/canon/case-types")));

        standIn.stubFor(WireMock.get(urlPathEqualTo("/canon/case-types")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        ReflectionTestUtils.setField(canon, "clock", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));
        assertThat(canon.definitions("case-types").has("CIVIL")).isTrue();
        standIn.verify(4, getRequestedFor(urlPathEqualTo("/canon/case-types")));
    }

    private HttpResponse<String> put(String path, String key, String body) {
        return send(request(path).header("X-ChittyOS-API-Key", key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
