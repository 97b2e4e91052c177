package cc.chitty.connect.hub.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

/** POST /api/chittyevidence/ingest (multipart, streamed to ChittyEvidence) and GET /api/chittyevidence/{id}. */
class EvidenceIngestTest extends HubIntegrationTest {

    private static final String BOUNDARY = "hub-test-boundary-7d1f";

    @Test
    void anUploadReachesChittyEvidenceByteForByteWithItsFields() {
        byte[] file = binary(100_000);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("caseId", "CASE-2026-0042");
        parts.put("evidenceType", "photo");
        parts.put("metadata", "{\"source\":\"tenant\"}");
        parts.put("file", file);

        HttpResponse<String> response = upload(newKey(), parts, false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(parse(response.body()).get("evidenceId").asText()).isEqualTo("EV-2026-000123");
        LoggedRequest sent = onlyIngest();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + UPSTREAM_TOKEN);
        assertThat(sent.getPart("file").getBody().asBytes()).isEqualTo(file);
        assertThat(sent.getPart("file").getHeader("Content-Disposition").firstValue()).contains("filename=\"lease.pdf\"");
        assertThat(sent.getPart("caseId").getBody().asString()).isEqualTo("CASE-2026-0042");
        assertThat(sent.getPart("evidenceType").getBody().asString()).isEqualTo("photo");
        assertThat(sent.getPart("metadata").getBody().asString()).isEqualTo("{\"source\":\"tenant\"}");
    }

    @Test
    void aFileSentBeforeItsFieldsAndChunkedStillArrivesWhole() {
        byte[] file = binary(50_000);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("file", file);
        parts.put("caseId", "CASE-2026-0042");

        HttpResponse<String> response = upload(newKey(), parts, true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(onlyIngest().getPart("file").getBody().asBytes()).isEqualTo(file);
    }

    @Test
    void missingOrInvalidFieldsAreNamedAndNothingIsSent() {
        String key = newKey();

        assertField(upload(key, Map.of("file", binary(10)), false), "caseId");
        assertField(upload(key, Map.of("caseId", "CASE-2026-0042"), false), "file");
        assertField(upload(key, Map.of("caseId", "CASE-2026-0042", "evidenceType", "rumour", "file", binary(10)),
                false), "evidenceType");
        assertField(upload(key, Map.of("caseId", "CASE-2026-0042", "metadata", "[1]", "file", binary(10)), false),
                "metadata");
        assertThat(StandIns.of("chittyevidence").findAll(postRequestedFor(urlPathEqualTo("/api/ingest")))).isEmpty();
    }

    @Test
    void theUpstreamsRefusalKeepsItsStatus() {
        HttpResponse<String> response = upload(newKey(), Map.of("caseId", "CASE-UNKNOWN", "file", binary(10)), false);

        assertFault(response, 404, "not_found");
    }

    @Test
    void aRateLimitedUploadIsNotSentAgainWithAUsedUpFile() {
        var evidence = StandIns.of("chittyevidence");
        evidence.stubFor(post(urlPathEqualTo("/api/ingest")).atPriority(1).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"slow down\"}")));
        evidence.stubFor(post(urlPathEqualTo("/api/ingest")).atPriority(1).inScenario("busy")
                .whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"evidenceId\":\"EV-2026-000124\"}")));
        byte[] file = binary(20_000);

        HttpResponse<String> response = upload(newKey(), Map.of("caseId", "CASE-2026-0042", "file", file), false);

        assertFault(response, 429, "rate_limit");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(onlyIngest().getPart("file").getBody().asBytes()).isEqualTo(file);
    }

    @Test
    void aJsonBodyIs415AndAnUploadOverTheCapIs413WithOrWithoutALength() {
        String key = newKey();
        assertThat(postJson("/api/chittyevidence/ingest", key, "{\"caseId\":\"x\"}").statusCode()).isEqualTo(415);

        Map<String, Object> tooLarge = Map.of("caseId", "CASE-2026-0042", "file", binary(300_000));
        assertThat(upload(key, tooLarge, false).statusCode()).isEqualTo(413);
        assertFault(upload(key, tooLarge, true), 413, "too_large");
        assertThat(StandIns.of("chittyevidence").findAll(postRequestedFor(urlPathEqualTo("/api/ingest")))).isEmpty();
    }

    @Test
    void evidenceIsReadByIdAndAnUnknownIdIs404() {
        String key = newKey();

        HttpResponse<String> found = apiGet("/api/chittyevidence/EV-2026-000123", key);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(parse(found.body()).get("caseId").asText()).isEqualTo("CASE-2026-0042");
        assertFault(apiGet("/api/chittyevidence/EV-UNKNOWN", key), 404, "not_found");
    }

    private LoggedRequest onlyIngest() {
        var sent = StandIns.of("chittyevidence").findAll(postRequestedFor(urlPathEqualTo("/api/ingest")));
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertFault(response, 400, "validation");
        assertThat(parse(response.body()).get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private HttpResponse<String> upload(String key, Map<String, Object> parts, boolean chunked) {
        byte[] body = multipart(parts);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return send(request("/api/chittyevidence/ingest").header("X-ChittyOS-API-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(publisher).build());
    }

    private static byte[] multipart(Map<String, Object> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach((name, value) -> {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (value instanceof byte[] ? "; filename=\"lease.pdf\"\r\nContent-Type: application/pdf" : "")
                    + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Every byte value, CR and LF included, so any text decoding on the way would show. */
    private static byte[] binary(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return bytes;
    }
}
