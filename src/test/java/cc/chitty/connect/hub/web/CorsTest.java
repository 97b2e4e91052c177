package cc.chitty.connect.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/** Browsers on allow-listed origins may call the API; others get no allow header. */
class CorsTest extends HubIntegrationTest {

    @Test
    void aPreflightFromChatGptIsAllowedWithCredentialsAndCached() {
        HttpResponse<String> preflight = preflight("https://chatgpt.com");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://chatgpt.com");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .containsIgnoringCase("X-ChittyOS-API-Key").containsIgnoringCase("Idempotency-Key");
        assertThat(preflight.headers().allValues("Vary")).anyMatch(v -> v.contains("Origin"));
    }

    @Test
    void subdomainsOfChittyAndLocalhostAreAllowed() {
        HttpResponse<String> fromApp = send(request("/api/chittyid/mint").header("Origin", "https://app.chitty.cc")
                .header("X-ChittyOS-API-Key", newKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"entity\":\"PEO\"}")).build());

        assertThat(fromApp.statusCode()).isEqualTo(201);
        assertThat(fromApp.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.chitty.cc");
        assertThat(fromApp.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .containsIgnoringCase("X-RateLimit-Remaining");
        assertThat(preflight("http://localhost:5173").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:5173");
    }

    @Test
    void anUnknownOriginGetsNoAllowHeader() {
        HttpResponse<String> actual = send(request("/health").header("Origin", "https://evil.example").GET().build());
        HttpResponse<String> preflight = preflight("https://evil.example");
        HttpResponse<String> lookalike = preflight("https://chitty.cc.evil.example");

        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(actual.headers().allValues("Vary")).anyMatch(v -> v.contains("Origin"));
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(lookalike.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) {
        return send(request("/api/chittyid/mint").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-chittyos-api-key,idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }
}
