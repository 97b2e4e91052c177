package cc.chitty.connect.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cc.chitty.connect.hub.support.ChunkedPost;
import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies far larger than the hub's heap (the test JVM runs with -Xmx1g, see the pom), sent chunked so no length
 * announces them: every door refuses them with 413 problem+json as soon as its limit is passed, and the hub goes on
 * serving. The body is generated as it is sent, never held by the test.
 */
class OversizedBodyTest extends HubIntegrationTest {

    private static final long FAR_LARGER_THAN_THE_HEAP = 3L * 1024 * 1024 * 1024;
    private static final String BOUNDARY = "hub-test-boundary-oversized";

    @ParameterizedTest
    @ValueSource(strings = {"evidence upload", "evidence upload with Idempotency-Key", "REST JSON", "MCP",
            "GitHub webhook"})
    void aChunkedBodyFarLargerThanTheHeapIs413AndTheHubKeepsServing(String door) throws Exception {
        String key = newKey();
        Map<String, String> headers = new LinkedHashMap<>();
        String path;
        String prelude = "";
        switch (door) {
            case "evidence upload", "evidence upload with Idempotency-Key" -> {
                path = "/api/chittyevidence/ingest";
                headers.put("X-ChittyOS-API-Key", key);
                headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
                if (door.endsWith("Idempotency-Key")) {
                    headers.put("Idempotency-Key", "oversized-" + key.substring(key.length() - 8));
                }
                prelude = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"caseId\"\r\n\r\nCASE-2026-0042\r\n--"
                        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n";
            }
            case "REST JSON" -> {
                path = "/api/chittyid/mint";
                headers.put("X-ChittyOS-API-Key", key);
                headers.put("Content-Type", "application/json");
                prelude = "{\"entity\":\"PEO\",\"metadata\":{\"note\":\"";
            }
            case "MCP" -> {
                path = "/mcp";
                headers.put("X-ChittyOS-API-Key", key);
                headers.put("Content-Type", "application/json");
                headers.put("Accept", "application/json, text/event-stream");
                prelude = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"";
            }
            default -> {
                path = "/integrations/github/webhook";
                headers.put("X-GitHub-Delivery", "oversized-delivery-1");
                headers.put("X-GitHub-Event", "push");
                headers.put("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
                headers.put("Content-Type", "application/json");
                prelude = "{\"ref\":\"";
            }
        }

        ChunkedPost.Answer answer = ChunkedPost.send(publicPort(), path, headers, prelude, FAR_LARGER_THAN_THE_HEAP);

        assertThat(answer.status()).as(answer.head()).isEqualTo(413);
        assertThat(answer.head().toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(parse(answer.body()).get("type").asText()).endsWith("payload-too-large");
        assertThat(apiGet("/api/chittyevidence/EV-2026-000123", key).statusCode()).isEqualTo(200);
    }
}
