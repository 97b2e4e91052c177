package cc.chitty.connect.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Each edge policy's refusals are counted in Prometheus by policy and status
 * ({@code hub_edge_refusals_total}), the moment the refusal is answered; the REST door's policies, steps of its
 * routes, as {@code door="rest"}.
 */
class EdgeRefusalsTest extends HubIntegrationTest {

    private static final String READ = "/api/registry/services";

    @Test
    void aMissingKeyIsCountedAsAnApiKeyRefusal() {
        assertCounted("api-key", 401, () -> send(request(READ).header("X-Forwarded-For", "198.51.100.71").GET()
                .build()));
    }

    @Test
    void anExpiredKeyIsCountedAsAnApiKeyRefusal() {
        var created = createKey("expiring");
        expire(created);
        assertCounted("api-key", 403, () -> apiGet(READ, created.get("key").asText()));
    }

    @Test
    void aKeyWithoutTheScopeIsCountedAsAScopeRefusal() {
        String key = createKey("no-registry", "chittyid:mint").get("key").asText();
        assertCounted("scope", 403, () -> apiGet(READ, key));
    }

    @Test
    void aSpentLimitIsCountedAsARateLimitRefusal() {
        String key = createKey(Map.of("name", "one-a-minute", "scopes", List.of("*"), "rateLimit", 1))
                .get("key").asText();
        apiGet(READ, key);
        assertCounted("rate-limit", 429, () -> apiGet(READ, key));
    }

    @Test
    void anOversizedBodyIsCountedAsABodyLimitRefusal() {
        String key = newKey();
        assertCounted("body-limit", 413, () -> postJson("/api/chittyid/mint", key, "[" + "0,".repeat(600_000) + "0]"));
    }

    @Test
    void anInvalidIdempotencyKeyIsCountedAsAnIdempotencyKeyRefusal() {
        String key = newKey();
        assertCounted("idempotency-key", 400, () -> send(request("/api/chittyid/mint")
                .header("X-ChittyOS-API-Key", key).header("Content-Type", "application/json")
                .header("Idempotency-Key", "not a key").POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
    }

    @Test
    void aBodyOfTheWrongTypeIsCountedAsAMediaTypeRefusal() {
        String key = newKey();
        // the servlet engine refuses a body its route does not consume before any route runs
        assertCounted("http", "media-type", 415, () -> send(request("/api/chittyid/mint").header("X-ChittyOS-API-Key", key)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
    }

    private void assertCounted(String policy, int status, Refused refused) {
        assertCounted("rest", policy, status, refused);
    }

    private void assertCounted(String door, String policy, int status, Refused refused) {
        double before = count(door, policy, status);
        HttpResponse<String> response = refused.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(count(door, policy, status)).isEqualTo(before + 1);
    }

    /** The counter's value in /actuator/prometheus; 0 before its first refusal. */
    private double count(String door, String policy, int status) {
        return asOperator(request("/actuator/prometheus").GET()).body().lines()
                .filter(line -> line.startsWith("hub_edge_refusals_total{") && line.contains("door=\"" + door + "\"")
                        && line.contains("policy=\"" + policy + "\"") && line.contains("status=\"" + status + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private interface Refused {
        HttpResponse<String> send();
    }
}
