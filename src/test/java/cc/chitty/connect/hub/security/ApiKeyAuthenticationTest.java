package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** API keys through the real HTTP door: issued once by an operator, stored hashed, checked on every request. */
class ApiKeyAuthenticationTest extends HubIntegrationTest {

    private static final String MINT = "{\"entity\":\"PEO\"}";

    @Test
    void anOperatorCreatesAKeyThatIsShownOnceAndStoredOnlyAsAHash() {
        JsonNode created = createKey("custom-gpt", "chittyid:mint");
        String key = created.get("key").asText();

        assertThat(key).matches("chitty_[0-9a-f]{64}");
        assertThat(created.get("prefix").asText()).isEqualTo(key.substring(0, 15));
        assertThat(created.get("scopes").get(0).asText()).isEqualTo("chittyid:mint");
        String listing = asOperator(request("/admin/api-keys").GET()).body();
        assertThat(listing).contains(created.get("id").asText()).doesNotContain(key);
        Map<String, Object> row = jdbc().sql("SELECT * FROM api_keys WHERE id = :id::uuid")
                .param("id", created.get("id").asText()).query().singleRow();
        assertThat(row.get("key_hash")).isEqualTo(ApiKeys.sha256(key));
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(key.substring(15)));
    }

    @Test
    void theKeyIsAcceptedInTheChittyHeaderAndAsABearerToken() {
        String key = newKey();

        assertThat(postJson("/api/chittyid/mint", key, MINT).statusCode()).isEqualTo(201);
        HttpResponse<String> bearer = send(request("/api/chittyid/mint").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(MINT)).build());
        assertThat(bearer.statusCode()).isEqualTo(201);
    }

    @Test
    void aMissingKeyIs401NamingTheReason() {
        HttpResponse<String> response = send(request("/api/chittyid/mint").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MINT)).build());

        assertProblem(response, 401, "Missing API key");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void anUnknownKeyIs401() {
        assertProblem(postJson("/api/chittyid/mint", "chitty_" + "0".repeat(64), MINT), 401, "Invalid API key");
        assertProblem(postJson("/api/chittyid/mint", "not-a-key", MINT), 401, "Invalid API key");
    }

    @Test
    void aRevokedKeyIs403() {
        JsonNode created = createKey("to-revoke");
        String key = created.get("key").asText();
        assertThat(postJson("/api/chittyid/mint", key, MINT).statusCode()).isEqualTo(201);

        HttpResponse<String> revoked = asOperator(request("/admin/api-keys/" + created.get("id").asText() + "/revoke")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(revoked.statusCode()).isEqualTo(204);

        assertProblem(postJson("/api/chittyid/mint", key, MINT), 403, "API key is inactive");
    }

    @Test
    void anExpiredKeyIs403() {
        JsonNode created = createKey("short-lived");
        expire(created);

        assertProblem(postJson("/api/chittyid/mint", created.get("key").asText(), MINT), 403, "API key has expired");
    }

    @Test
    void theAdminApiNeedsOperatorCredentials() {
        HttpRequest.Builder create = request("/admin/api-keys").header("Content-Type", "application/json")
                .header("X-Requested-By", "test").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"));

        assertThat(send(create.build()).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send(request("/admin/api-keys").header("Content-Type", "application/json")
                .header("X-Requested-By", "test").header("Authorization", basic(OPERATOR, "wrong")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"x\"}")).build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anInvalidKeyRequestIs400NamingTheFields() {
        HttpResponse<String> response = asOperator(request("/admin/api-keys").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"rateLimit\":0,\"scopes\":[\"Bad Scope\"]}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"name\"").contains("\"rateLimit\"").contains("\"scopes\"");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(parse(response.body()).get("title").asText()).isEqualTo(title);
    }
}
