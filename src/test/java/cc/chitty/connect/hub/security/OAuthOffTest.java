package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.TestIssuer;
import org.junit.jupiter.api.Test;

/** With no issuer configured (the default) the hub knows API keys only: a JWT is an unknown key, no metadata. */
class OAuthOffTest extends HubIntegrationTest {

    @Test
    void aBearerTokenIsAnUnknownKeyAsBefore() {
        String token = TestIssuer.token("client", "http://127.0.0.1:" + publicPort(), "*", UnaryOperator.identity());
        for (String path : new String[] {"/api/chittyid/mint", "/mcp"}) {
            HttpResponse<String> refused = send(request(path).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"entity\":\"PEO\"}")).build());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(parse(refused.body()).path("title").asText()).isEqualTo("Invalid API key");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"chittyconnect\"");
        }
    }

    @Test
    void thereIsNoProtectedResourceMetadata() {
        for (String path : new String[] {"/.well-known/oauth-protected-resource",
                "/.well-known/oauth-protected-resource/mcp"}) {
            HttpResponse<String> answer = send(request(path).GET().build());

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(send(request("/openapi.json").GET().build()).body()).doesNotContain("accessToken");
    }
}
