package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A page on another site can make the operator's browser POST to the admin API with the Basic credentials it has
 * cached (a plain HTML form does it, with no script); such a request carries no header of the hub's own.
 */
class CrossSiteAdminTest extends HubIntegrationTest {

    @Test
    void aCrossSiteFormCannotRevokeAnApiKey() {
        JsonNode victim = createKey("victim", "chittyid:read");

        HttpResponse<String> forged = crossSiteForm("/admin/api-keys/" + victim.get("id").asText() + "/revoke");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(apiGet("/api/health", victim.get("key").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCrossSiteFormCannotResetABreakerOrReplayDeadLetters() {
        assertThat(crossSiteForm("/admin/breakers/chittyid/reset").statusCode()).isEqualTo(403);
        assertThat(crossSiteForm("/admin/github/dead-letters/replay").statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorScriptSendingTheRequestedByHeaderMayWrite() {
        HttpResponse<String> reset = send(request("/admin/breakers/chittyid/reset")
                .header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD)).header("X-Requested-By", "cli")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(reset.statusCode()).isEqualTo(204);
    }

    /**
     * What the browser sends for a field-less {@code <form method=post action=...>} on another site once the operator
     * has logged in: the cached credentials, an empty form body (so no JSON is needed), the other site's Origin.
     */
    private HttpResponse<String> crossSiteForm(String path) {
        return send(request(path).header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD))
                .header("Origin", "https://attacker.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
