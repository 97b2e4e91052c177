package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ChittyID client: the service decides formats, the hub refuses only garbage; cached answers; go/no-go metrics. */
class ChittyIdClientTest extends HubIntegrationTest {

    private static final String VALID = "03-1-USA-5537-P-2602-0-38";

    @Test
    void theCanonicalChecksumIsTheServicesMod97() {
        assertThat(ChittyIdFormats.checksumHolds(VALID)).isTrue();
        assertThat(ChittyIdFormats.checksumHolds("03-1-USA-5537-P-2602-0-39")).isFalse();
    }

    @Test
    void garbageAndAWrongCanonicalChecksumAreRefusedByTheHubWithoutAskingTheService() {
        String key = newKey();

        JsonNode garbage = parse(postJson("/api/chittyid/validate", key, "{\"chittyid\":\"not-a-chitty-id\"}").body());
        JsonNode oldFormat = parse(postJson("/api/chittyid/validate", key, "{\"chittyid\":\"CHITTY-PEO-123456-ABC\"}")
                .body());
        JsonNode badChecksum = parse(postJson("/api/chittyid/validate", key,
                "{\"chittyid\":\"03-1-USA-5537-P-2602-0-39\"}").body());

        assertThat(garbage.get("valid").asBoolean()).isFalse();
        assertThat(garbage.get("reason").asText()).isEqualTo("format");
        assertThat(garbage.get("checkedBy").asText()).isEqualTo("hub");
        assertThat(oldFormat.get("reason").asText()).isEqualTo("format");
        assertThat(badChecksum.get("reason").asText()).isEqualTo("checksum");
        assertThat(badChecksum.get("checkedBy").asText()).isEqualTo("hub");
        StandIns.of("chittyid").verify(0, postRequestedFor(urlPathEqualTo("/v1/validate")));
    }

    @Test
    void aCtLettersIdFromTheV22ReportIsCheckedByTheService() {
        HttpResponse<String> response = postJson("/api/chittyid/validate", newKey(),
                "{\"chittyid\":\"CT-A-CHI-1234-I-24-A-0\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(response.body()).get("checkedBy").asText()).isEqualTo("service");
        StandIns.of("chittyid").verify(1, postRequestedFor(urlPathEqualTo("/v1/validate"))
                .withRequestBody(matchingJsonPath("$.chittyid", equalTo("CT-A-CHI-1234-I-24-A-0"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03-1-USA-2222-E-2602-1-88", "CT-B-NYC-5678-E-25-C-1", "01-A-CHI-1234-I-2409-5-0",
            "01-C-ACT-4829-PEO-Q5-7-0"})
    void everyDocumentedShapeGoesToTheServiceWhichDecides(String chittyId) {
        StandIns.of("chittyid").stubFor(post(urlPathEqualTo("/v1/validate")).atPriority(1)
                .willReturn(okJson("{\"success\":true,\"valid\":false,\"chittyid\":\"" + chittyId + "\"}")));

        JsonNode answer = parse(postJson("/api/chittyid/validate", newKey(), "{\"chittyid\":\"" + chittyId + "\"}")
                .body());

        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(answer.get("checkedBy").asText()).isEqualTo("service");
        assertThat(answer.has("reason")).isFalse();
        StandIns.of("chittyid").verify(1, postRequestedFor(urlPathEqualTo("/v1/validate"))
                .withRequestBody(matchingJsonPath("$.chittyid", equalTo(chittyId))));
    }

    @Test
    void aCanonicalEntityLetterIsMintedByTheServiceAndAnUndocumentedTypeRefusedLocally() {
        String key = newKey();

        assertThat(postJson("/api/chittyid/mint", key, "{\"entity\":\"P\"}").statusCode()).isEqualTo(201);
        assertThat(postJson("/api/chittyid/mint", key, "{\"entity\":\"DOG\"}").statusCode()).isEqualTo(400);
        StandIns.of("chittyid").verify(1, postRequestedFor(urlPathEqualTo("/v1/mint")));
    }

    @Test
    void theGoNoGoFiguresAreMetrics() {
        String key = newKey();
        postJson("/api/chittyid/mint", key, "{\"entity\":\"PEO\"}");
        postJson("/api/chittyid/validate", key, "{\"chittyid\":\"03-1-USA-1111-P-2602-0-18\"}");
        postJson("/api/chittyid/validate", key, "{\"chittyid\":\"03-1-USA-1111-P-2602-0-18\"}");

        String metrics = asOperator(request("/actuator/prometheus").GET()).body();

        assertThat(metrics).containsPattern("hub_chittyid_validation_cache_hit_ratio\\{[^}]*} 0\\.[0-9]*[1-9]");
        assertThat(metrics).containsPattern("hub_chittyid_error_ratio\\{[^}]*} [0-9.E-]+");
        assertThat(metrics).contains("resilience4j_circuitbreaker_state{application=\"chittyconnect-hub\","
                + "name=\"chittyid\",state=\"closed\"} 1.0");
        assertThat(metrics).containsPattern("hub_chittyid_connection_state\\{[^}]*state=\"connected\"}");
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
