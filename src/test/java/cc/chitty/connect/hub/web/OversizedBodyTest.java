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
        Oversized request = to(door, key);

        ChunkedPost.Answer answer = ChunkedPost.send(publicPort(), request.path(), request.headers(),
                request.prelude(), FAR_LARGER_THAN_THE_HEAP);

        assertThat(answer.status()).as(answer.head()).isEqualTo(413);
        assertThat(answer.head().toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(parse(answer.body()).get("type").asText()).endsWith("payload-too-large");
        assertThat(apiGet("/api/chittyevidence/EV-2026-000123", key).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evidence upload", "REST JSON", "MCP", "GitHub webhook"})
    void aClientStillSendingAfterItsBodyWasRefusedIsHungUpOnRatherThanReadToTheEnd(String door) throws Exception {
        String key = newKey();
        Oversized request = to(door, key);

        ChunkedPost.Answer answer = ChunkedPost.sendKeepingAlive(publicPort(), request.path(), request.headers(),
                request.prelude(), FAR_LARGER_THAN_THE_HEAP);

        assertThat(answer.status()).as(answer.head()).isEqualTo(413);
        assertThat(answer.head().toLowerCase(Locale.ROOT)).contains("connection: close");
        assertThat(answer.hungUp()).as("the hub closed the connection instead of reading the rest").isTrue();
        assertThat(apiGet("/api/chittyevidence/EV-2026-000123", key).statusCode()).isEqualTo(200);
    }

    private record Oversized(String path, Map<String, String> headers, String prelude) {
    }

    private static Oversized to(String door, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        return switch (door) {
            case "evidence upload", "evidence upload with Idempotency-Key" -> {
                headers.put("X-ChittyOS-API-Key", key);
                headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
                if (door.endsWith("Idempotency-Key")) {
                    headers.put("Idempotency-Key", "oversized-" + key.substring(key.length() - 8));
                }
                yield new Oversized("/api/chittyevidence/ingest", headers, "--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"caseId\"\r\n\r\nCASE-2026-0042\r\n--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n");
            }
            case "REST JSON" -> {
                headers.put("X-ChittyOS-API-Key", key);
                headers.put("Content-Type", "application/json");
                yield new Oversized("/api/chittyid/mint", headers, "{\"entity\":\"PEO\",\"metadata\":{\"note\":\"");
            }
            case "MCP" -> {
                headers.put("X-ChittyOS-API-Key", key);
                headers.put("Content-Type", "application/json");
                headers.put("Accept", "application/json, text/event-stream");
                yield new Oversized("/mcp", headers,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"");
            }
            default -> {
                headers.put("X-GitHub-Delivery", "oversized-delivery-1");
                headers.put("X-GitHub-Event", "push");
                headers.put("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
                headers.put("Content-Type", "application/json");
                yield new Oversized("/integrations/github/webhook", headers, "{\"ref\":\"");
            }
        };
    }
}
