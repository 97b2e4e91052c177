package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Operators manage keys; scopes are enforced per operation; every key operation is audited. */
class KeyManagementTest extends HubIntegrationTest {

    private static final String MINT = "{\"entity\":\"PEO\"}";

    @Test
    void aKeyWithoutTheMintScopeIsRefusedNamingTheScope() {
        String key = createKey("reader", "chittycases:read").get("key").asText();

        HttpResponse<String> refused = postJson("/api/chittyid/mint", key, MINT);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(parse(refused.body()).get("requiredScope").asText()).isEqualTo("chittyid:mint");
        assertThat(postJson("/api/chittyid/mint", createKey("minter", "chittyid:mint").get("key").asText(), MINT)
                .statusCode()).isEqualTo(201);
        assertThat(postJson("/api/chittyid/mint", createKey("service-wide", "chittyid:*").get("key").asText(), MINT)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aKeyCreatedWithoutScopesMayCallNothing() {
        JsonNode created = createKey(Map.of("name", "default-scopes", "rateLimit", 1000));

        assertThat(created.get("scopes")).isEmpty();
        assertThat(postJson("/api/chittyid/mint", created.get("key").asText(), MINT).statusCode()).isEqualTo(403);
        assertThat(apiGet("/api/registry/services", created.get("key").asText()).statusCode()).isEqualTo(403);
    }

    @Test
    void aKeyWithStarMayCallEveryServiceButNotAdmin() {
        JsonNode created = createKey("everything", "*");

        assertThat(postJson("/api/chittyid/mint", created.get("key").asText(), MINT).statusCode()).isEqualTo(201);
        assertThat(OperationScopes.grants(java.util.List.of("*"), "admin")).isFalse();
        assertThat(OperationScopes.grants(java.util.List.of("admin"), "finance:write")).isTrue();
    }

    @Test
    void listingShowsPrefixNameScopesStatusAndLastUse() {
        JsonNode created = createKey("listed", "chittyid:mint");
        postJson("/api/chittyid/mint", created.get("key").asText(), MINT);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode listed = listed(created.get("id").asText());
            assertThat(listed.get("prefix").asText()).isEqualTo(created.get("prefix").asText());
            assertThat(listed.get("name").asText()).isEqualTo("listed");
            assertThat(listed.get("status").asText()).isEqualTo("active");
            assertThat(listed.get("lastUsedAt").asText()).isNotBlank();
        });
    }

    @Test
    void rotationIssuesANewKeyWithTheSameGrantsAndRetiresTheOld() {
        JsonNode old = createKey("rotated", "chittyid:mint");

        HttpResponse<String> rotated = asOperator(request("/admin/api-keys/" + old.get("id").asText() + "/rotate")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(rotated.statusCode()).isEqualTo(201);
        JsonNode fresh = parse(rotated.body());
        assertThat(fresh.get("key").asText()).isNotEqualTo(old.get("key").asText()).startsWith("chitty_");
        assertThat(fresh.get("scopes").get(0).asText()).isEqualTo("chittyid:mint");
        assertThat(postJson("/api/chittyid/mint", fresh.get("key").asText(), MINT).statusCode()).isEqualTo(201);
        assertThat(postJson("/api/chittyid/mint", old.get("key").asText(), MINT).statusCode()).isEqualTo(403);
        assertThat(asOperator(request("/admin/api-keys/" + old.get("id").asText() + "/rotate")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
    }

    @Test
    void aKeyRevokedElsewhereIsRefusedHereWithinTheCacheTime() {
        JsonNode created = createKey("revoked-by-another-instance", "chittyid:mint");
        String key = created.get("key").asText();
        assertThat(postJson("/api/chittyid/mint", key, MINT).statusCode()).isEqualTo(201);

        // another instance revokes it in the shared database; this instance's cache does not know
        jdbc().sql("UPDATE api_keys SET status = 'revoked' WHERE id = :id::uuid")
                .param("id", created.get("id").asText()).update();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(postJson("/api/chittyid/mint", key, MINT).statusCode()).isEqualTo(403));
    }

    @Test
    void keyOperationsAndMintsAreAuditedWithoutSecrets() {
        JsonNode created = createKey("audited", "chittyid:mint");
        String key = created.get("key").asText();
        String keyId = created.get("id").asText();
        HttpResponse<String> minted = send(request("/api/chittyid/mint").header("Content-Type", "application/json")
                .header("X-ChittyOS-API-Key", key).header("X-Request-ID", "audit-trace-1")
                .POST(HttpRequest.BodyPublishers.ofString(MINT)).build());
        assertThat(minted.statusCode()).isEqualTo(201);
        asOperator(request("/admin/api-keys/" + keyId + "/revoke").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(send(request("/admin/audit").GET().build()).statusCode()).isEqualTo(401);
        String trail = asOperator(request("/admin/audit?limit=50").GET()).body();
        JsonNode entries = parse(trail);
        JsonNode mint = find(entries, "chittyid.mint", "audit-trace-1");
        assertThat(mint.get("actor").asText()).isEqualTo("key:" + keyId);
        assertThat(mint.get("target").asText()).isEqualTo("03-1-USA-5537-P-2602-0-38");
        assertThat(mint.get("outcome").asText()).isEqualTo("success");
        assertThat(mint.get("occurredAt").asText()).isNotBlank();
        JsonNode revoke = findByTarget(entries, "api-key.revoke", keyId);
        assertThat(revoke.get("actor").asText()).isEqualTo("operator:" + OPERATOR);
        assertThat(findByTarget(entries, "api-key.create", keyId).get("outcome").asText()).isEqualTo("success");
        assertThat(trail).doesNotContain(key).doesNotContain(key.substring(15)).doesNotContain(OPERATOR_PASSWORD);
    }

    @Test
    void aFailedMintIsAuditedWithItsFaultClass() {
        String key = createKey("failing", "chittyid:mint").get("key").asText();
        cc.chitty.connect.hub.support.StandIns.of("chittyid").stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.post("/v1/mint").atPriority(1).willReturn(
                        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)));
        send(request("/api/chittyid/mint").header("Content-Type", "application/json").header("X-ChittyOS-API-Key", key)
                .header("X-Request-ID", "audit-trace-2").POST(HttpRequest.BodyPublishers.ofString(MINT)).build());

        JsonNode entry = find(parse(asOperator(request("/admin/audit?operation=chittyid.mint").GET()).body()),
                "chittyid.mint", "audit-trace-2");
        assertThat(entry.get("outcome").asText()).isEqualTo("not_found");
    }

    private JsonNode listed(String id) {
        for (JsonNode key : parse(asOperator(request("/admin/api-keys").GET()).body())) {
            if (key.get("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("key " + id + " not listed");
    }

    private static JsonNode find(JsonNode entries, String operation, String requestId) {
        for (JsonNode e : entries) {
            if (e.get("operation").asText().equals(operation) && requestId.equals(e.path("requestId").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + operation + " entry for request " + requestId + " in " + entries);
    }

    private static JsonNode findByTarget(JsonNode entries, String operation, String target) {
        for (JsonNode e : entries) {
            if (e.get("operation").asText().equals(operation) && target.equals(e.path("target").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + operation + " entry for " + target);
    }
}
