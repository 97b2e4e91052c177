package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ChittyID client: local checks before the service, cached answers, a health probe. */
class ChittyIdClientTest extends HubIntegrationTest {

    private static final String VALID = "03-1-USA-5537-P-2602-0-38";

    @Autowired
    private ProducerTemplate producer;

    @Test
    void theCanonicalChecksumIsTheServicesMod97() {
        assertThat(ChittyIdFormats.checksumHolds(VALID)).isTrue();
        assertThat(ChittyIdFormats.checksumHolds("03-1-USA-5537-P-2602-0-39")).isFalse();
    }

    @Test
    void aMalformedOrMischeckedIdIsAnsweredInvalidWithoutAskingTheService() {
        String key = newKey();

        JsonNode badFormat = parse(postJson("/api/chittyid/validate", key, "{\"chittyid\":\"CT-A-CHI-1234-I-24-A-0\"}")
                .body());
        JsonNode badChecksum = parse(postJson("/api/chittyid/validate", key,
                "{\"chittyid\":\"03-1-USA-5537-P-2602-0-39\"}").body());

        assertThat(badFormat.get("valid").asBoolean()).isFalse();
        assertThat(badFormat.get("reason").asText()).isEqualTo("format");
        assertThat(badChecksum.get("reason").asText()).isEqualTo("checksum");
        StandIns.of("chittyid").verify(0, postRequestedFor(urlPathEqualTo("/v1/validate")));
    }

    @Test
    void theServicesAnswerIsCachedWithHitAndMissMetrics() {
        String key = newKey();
        String id = "03-1-USA-1234-P-2601-3-86";

        HttpResponse<String> first = postJson("/api/chittyid/validate", key, "{\"chittyid\":\"" + id + "\"}");
        HttpResponse<String> second = postJson("/api/chittyid/validate", key, "{\"chittyid\":\"" + id + "\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        StandIns.of("chittyid").verify(1, postRequestedFor(urlPathEqualTo("/v1/validate")));
        String metrics = asOperator(request("/actuator/prometheus").GET()).body();
        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"chittyid.validation\"[^}]*result=\"hit\"");
        assertThat(metrics).contains("cache_evictions_total{application=\"chittyconnect-hub\",cache=\"chittyid.validation\"");
    }
}
