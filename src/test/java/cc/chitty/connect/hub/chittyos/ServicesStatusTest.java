package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.http.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** GET /api/services/status: the 16 services checked in parallel, and the ecosystem rating. */
class ServicesStatusTest extends HubIntegrationTest {

    @Test
    void allSixteenAreCheckedInParallelAndRated() {
        StandIns.of("chittycases").stubFor(get(urlPathEqualTo("/health")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        StandIns.of("chittyledger").stubFor(get(urlPathEqualTo("/health")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String key = newKey();

        HttpResponse<String> response = send(request("/api/services/status").header("X-ChittyOS-API-Key", key)
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = parse(response.body());
        assertThat(status.get("services")).hasSize(16);
        assertThat(status.at("/services/chittyid/status").asText()).isEqualTo("healthy");
        assertThat(status.at("/services/chittyid/statusCode").asInt()).isEqualTo(200);
        assertThat(status.at("/services/chittycases/status").asText()).isEqualTo("degraded");
        assertThat(status.at("/services/chittycases/statusCode").asInt()).isEqualTo(503);
        assertThat(status.at("/services/chittyledger/status").asText()).isEqualTo("down");
        assertThat(status.at("/services/chittyledger/name").asText()).isEqualTo("ChittyLedger");
        // 14 of 16 healthy (chittycases degraded, chittyledger down): 87.5 %, "good"
        assertThat(status.at("/ecosystemHealth/healthy").asInt()).isEqualTo(14);
        assertThat(status.at("/ecosystemHealth/rating").asText()).isEqualTo("good");
    }

    @Test
    void oneServiceAndAnUnknownId() {
        String key = newKey();

        JsonNode one = parse(send(request("/api/services/chittysync/status").header("X-ChittyOS-API-Key", key)
                .GET().build()).body());
        HttpResponse<String> unknown = send(request("/api/services/nosuch/status").header("X-ChittyOS-API-Key", key)
                .GET().build());

        assertThat(one.get("status").asText()).isEqualTo("healthy");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(parse(unknown.body()).get("errorClass").asText()).isEqualTo("not_found");
    }
}
