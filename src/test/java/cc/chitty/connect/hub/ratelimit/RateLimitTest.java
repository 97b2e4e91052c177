package cc.chitty.connect.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Token buckets through the real HTTP door, with the original's tiers. */
class RateLimitTest extends HubIntegrationTest {

    private static final String MINT = "{\"entity\":\"PEO\"}";

    @Test
    void aSuccessfulResponseCarriesTheLimitHeaders() {
        String key = keyWithoutOverride();
        long now = System.currentTimeMillis() / 1000;

        HttpResponse<String> response = postJson("/api/chittyid/mint", key, MINT);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(header(response, "X-RateLimit-Limit")).isEqualTo("10");
        assertThat(header(response, "X-RateLimit-Remaining")).isEqualTo("9");
        assertThat(Long.parseLong(header(response, "X-RateLimit-Reset"))).isBetween(now, now + 61);
        assertThat(header(response, "RateLimit-Policy")).isEqualTo("\"chittyid_mint\";q=10;w=60");
        assertThat(header(response, "RateLimit")).matches("\"chittyid_mint\";r=9;t=\\d+");
    }

    @Test
    void fiftyConcurrentMintsAgainstALimitOfTenLetExactlyTenThroughAndAnotherKeyIsUnaffected() throws Exception {
        String key = keyWithoutOverride();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(25);
        try {
            for (int i = 0; i < 50; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> postJson("/api/chittyid/mint", key, MINT), pool));
            }
            List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(10);
            List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
            assertThat(refused).hasSize(40);
            HttpResponse<String> one = refused.get(0);
            assertThat(header(one, "X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(one.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = parse(one.body());
            assertThat(problem.get("limit").asInt()).isEqualTo(10);
            assertThat(problem.get("window").asInt()).isEqualTo(60);
            assertThat(problem.get("retryAfter").asLong()).isPositive();
            assertThat(header(one, "Retry-After")).isEqualTo(problem.get("retryAfter").asText());
        } finally {
            pool.shutdownNow();
        }
        assertThat(postJson("/api/chittyid/mint", keyWithoutOverride(), MINT).statusCode()).isEqualTo(201);
    }

    @Test
    void aKeysOwnLimitOverridesItsTier() {
        String key = createKey(Map.of("name", "slow-client", "scopes", List.of("*"), "rateLimit", 3)).get("key").asText();

        for (int i = 0; i < 3; i++) {
            assertThat(postJson("/api/chittyid/mint", key, MINT).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> fourth = postJson("/api/chittyid/mint", key, MINT);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(header(fourth, "X-RateLimit-Limit")).isEqualTo("3");
    }

    @Test
    void anonymousCallersAreLimitedByAddressAsNamedByATrustedProxy() {
        String caller = "198.51.100.23";
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> ok = send(request("/openapi.json").header("X-Forwarded-For", caller).GET().build());
            assertThat(ok.statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> over = send(request("/openapi.json").header("X-Forwarded-For", caller).GET().build());
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(header(over, "RateLimit-Policy")).isEqualTo("\"default\";q=60;w=60");
        HttpResponse<String> other = send(request("/openapi.json").header("X-Forwarded-For", "203.0.113.77").GET()
                .build());
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsNotLimited() {
        HttpResponse<String> health = send(request("/health").GET().build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    }

    private String keyWithoutOverride() {
        return createKey(Map.of("name", "tiered-client", "scopes", List.of("*"))).get("key").asText();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }
}
