package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.NodeTools;
import cc.chitty.connect.hub.support.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * OAuth 2.1 access tokens beside API keys, against an issuer the test runs itself ({@link TestIssuer}): a good token
 * calls REST and MCP as its subject, every bad one is refused with a challenge that says where to get a good one,
 * and the RFC 9728 metadata names the issuer. The hub's resource URL is HUB_PUBLIC_BASE_URL's property.
 */
// a context of its own starts cold: the chittyid stand-in's first answers may take longer than the shared 1 s
@TestPropertySource(properties = {"spring.jmx.enabled=false", "hub.public-base-url=" + OAuthResourceServerTest.HUB,
        "hub.oauth.issuer=" + TestIssuer.ISSUER, "hub.oauth.scope-mapping[chitty.identity]=chittyid:mint",
        "hub.upstreams.services.chittyid.timeout=10s"})
@DirtiesContext
class OAuthResourceServerTest extends HubIntegrationTest {

    static final String HUB = "https://hub.test.chitty.example";
    private static final String MINT = "{\"entity\":\"PEO\"}";
    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");

    @DynamicPropertySource
    static void issuerKeys(DynamicPropertyRegistry registry) {
        registry.add("hub.oauth.jwk-set-uri", TestIssuer::jwkSetUri);
    }

    @Test
    void aGoodTokenCallsARestOperationAsItsSubject() {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> minted = send(request("/api/chittyid/mint").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token("client-rest", HUB, "chittyid:mint"))
                .header("X-Request-ID", requestId).POST(HttpRequest.BodyPublishers.ofString(MINT)).build());

        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        assertThat(jdbc().sql("SELECT actor FROM audit_log WHERE operation = 'chittyid.mint' AND request_id = :id")
                .param("id", requestId).query(String.class).list()).containsExactly("oauth:client-rest");
    }

    @Test
    void eachSubjectHasItsOwnRateLimitBucketAsEachKeyHas() {
        String first = token("client-limited", HUB, "chittyid:mint");
        String again = token("client-limited", HUB, "chittyid:mint");
        String other = token("client-unlimited", HUB, "chittyid:mint");

        // the chittyid_mint tier allows 10 a minute; the test clock stands still, so nothing refills meanwhile
        assertThat(remainingAfterMint(first)).isEqualTo("9");
        assertThat(remainingAfterMint(again)).isEqualTo("8");
        assertThat(remainingAfterMint(other)).isEqualTo("9");
    }

    private String remainingAfterMint(String token) {
        HttpResponse<String> minted = send(bearer("/api/chittyid/mint", token)
                .POST(HttpRequest.BodyPublishers.ofString(MINT)).build());
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        return minted.headers().firstValue("X-RateLimit-Remaining").orElseThrow();
    }

    @Test
    void aTokenForTheMcpResourceCallsAToolAsItsSubject() {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> called = mcpCall(token("client-mcp", HUB + "/mcp", "chittyid:mint"), requestId);

        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        JsonNode result = parse(called.body()).path("result");
        assertThat(result.path("isError").asBoolean()).as(called.body()).isFalse();
        assertThat(result.path("content").get(0).path("text").asText()).isNotBlank();
        assertThat(jdbc().sql("SELECT actor FROM audit_log WHERE operation = 'chittyid.mint' AND request_id = :id")
                .param("id", requestId).query(String.class).list()).containsExactly("oauth:client-mcp");
    }

    @Test
    void anIssuerScopeIsMappedToTheHubsScope() {
        HttpResponse<String> minted = send(bearer("/api/chittyid/mint", token("client-mapped", HUB,
                "openid chitty.identity")).POST(HttpRequest.BodyPublishers.ofString(MINT)).build());

        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
    }

    @Test
    void aTokenWithoutTheScopeIs403NamingTheScopeToAskFor() {
        HttpResponse<String> refused = send(bearer("/api/chittyid/mint", token("client-reader", HUB,
                "registry:read")).POST(HttpRequest.BodyPublishers.ofString(MINT)).build());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(parse(refused.body()).path("requiredScope").asText()).isEqualTo("chittyid:mint");
        // the issuer grants chittyid:mint as chitty.identity (the mapping), so that is what a client must ask for
        assertThat(challenge(refused)).startsWith("Bearer ").contains("error=\"insufficient_scope\"",
                "scope=\"chitty.identity\"", "resource_metadata=\"" + HUB + "/.well-known/oauth-protected-resource\"");

        HttpResponse<String> tool = mcpCall(token("client-reader", HUB + "/mcp", "registry:read"), "no-scope");
        assertThat(tool.statusCode()).isEqualTo(200);
        assertThat(parse(tool.body()).path("error").path("code").asInt()).as(tool.body()).isEqualTo(-32003);
        assertThat(parse(tool.body()).path("error").path("data").path("requiredScope").asText())
                .isEqualTo("chittyid:mint");
    }

    @Test
    void aForgedTokenOnAPlainMcpToolCallIsTheSame401AsTomcatGivesIt() {
        String forged = TestIssuer.forged("client-forged-mcp", HUB + "/mcp", "chittyid:mint");
        // the public port answers a plain tools/call itself; with a query the same call is forwarded to Tomcat
        HttpResponse<String> here = mcpCall("/mcp", forged, "forged-mcp");
        HttpResponse<String> tomcat = mcpCall("/mcp?via=tomcat", forged, "forged-mcp");

        assertThat(here.statusCode()).isEqualTo(401);
        assertThat(parse(here.body()).path("type").asText()).endsWith("/invalid-token");
        assertThat(challenge(here)).contains("error=\"invalid_token\"",
                "resource_metadata=\"" + HUB + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(challenge(here)).isEqualTo(challenge(tomcat));
        assertThat(here.body()).isEqualTo(tomcat.body());
    }

    @Test
    void anExpiredTokenIs401InvalidToken() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertInvalidToken(token("client-late", HUB, "chittyid:mint", claims -> claims
                .issueTime(Date.from(past.minus(Duration.ofMinutes(5)))).expirationTime(Date.from(past))), "expired");
    }

    @Test
    void aTokenForAnotherAudienceIs401InvalidToken() {
        assertInvalidToken(token("client-elsewhere", "https://other.example", "chittyid:mint"), "aud");
    }

    @Test
    void aTokenFromAnotherIssuerIs401InvalidToken() {
        assertInvalidToken(token("client-foreign", HUB, "chittyid:mint",
                claims -> claims.issuer("https://evil.example")), "iss");
    }

    @Test
    void aTokenWithoutExpiryIs401InvalidToken() {
        assertInvalidToken(token("client-forever", HUB, "chittyid:mint", claims -> claims.expirationTime(null)),
                "exp");
    }

    @Test
    void aTokenWithABadSignatureIs401InvalidToken() {
        assertInvalidToken(TestIssuer.forged("client-forged", HUB, "chittyid:mint"), "signature");
    }

    @Test
    void aTokenWhoseKeysCannotBeFetchedIs503NotAPass() {
        // an unknown key id makes the hub fetch the key set again, which now fails
        TestIssuer.keysAnswer(503);
        try {
            HttpResponse<String> answer = send(bearer("/api/chittyid/mint", TestIssuer.signedWithANewKey(
                    "client-rotated", HUB, "chittyid:mint")).POST(HttpRequest.BodyPublishers.ofString(MINT)).build());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(parse(answer.body()).path("title").asText()).isEqualTo("Token keys unavailable");
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        } finally {
            TestIssuer.keysAnswer(200);
        }
    }

    @Test
    void noCredentialIs401WithAChallengeNamingTheMetadata() {
        HttpResponse<String> rest = send(request("/api/chittyid/mint").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MINT)).build());
        HttpResponse<String> mcp = send(request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(rest.statusCode()).isEqualTo(401);
        assertThat(challenge(rest)).isEqualTo("Bearer realm=\"chittyconnect\", resource_metadata=\"" + HUB
                + "/.well-known/oauth-protected-resource\"");
        assertThat(mcp.statusCode()).isEqualTo(401);
        assertThat(challenge(mcp)).isEqualTo("Bearer realm=\"chittyconnect\", resource_metadata=\"" + HUB
                + "/.well-known/oauth-protected-resource/mcp\"");
    }

    @Test
    void apiKeysStillWorkBesideTokens() {
        String key = newKey();

        assertThat(postJson("/api/chittyid/mint", key, MINT).statusCode()).isEqualTo(201);
        assertThat(send(bearer("/api/chittyid/mint", key).POST(HttpRequest.BodyPublishers.ofString(MINT)).build())
                .statusCode()).isEqualTo(201);
        HttpResponse<String> unknown = send(bearer("/api/chittyid/mint", "chitty_" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(MINT)).build());
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(parse(unknown.body()).path("title").asText()).isEqualTo("Invalid API key");
    }

    @Test
    void badTokensSpendTheAddresssBudgetOfRefusals() {
        String forged = TestIssuer.forged("client-guessing", HUB, "chittyid:mint");
        int refused = 0;
        HttpResponse<String> answer;
        do {
            answer = send(bearer("/api/chittyid/mint", forged).header("X-Forwarded-For", "203.0.113.77")
                    .POST(HttpRequest.BodyPublishers.ofString(MINT)).build());
            refused++;
        } while (answer.statusCode() == 401 && refused < 1000);

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused).isGreaterThan(1);
    }

    @Test
    void theMetadataDocumentsHaveRfc9728sFieldsAndNameTheResourceTheirUrlWasDerivedFrom() {
        for (String path : List.of("", "/mcp")) {
            HttpResponse<String> served = send(request("/.well-known/oauth-protected-resource" + path).GET().build());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode doc = parse(served.body());

            // RFC 9728 section 3.3: resource is the identifier the well-known URL was made from
            assertThat(doc.path("resource").isTextual()).isTrue();
            assertThat(doc.path("resource").asText()).isEqualTo(HUB + path);
            assertThat(stringsOf(doc, "authorization_servers")).containsExactly(TestIssuer.ISSUER);
            assertThat(stringsOf(doc, "bearer_methods_supported")).containsExactly("header");
            assertThat(stringsOf(doc, "scopes_supported")).contains("chitty.identity", "registry:read",
                    "services:read").doesNotContain("chittyid:mint", "");
            assertThat(doc.path("resource_name").isTextual()).isTrue();
            assertThat(URI.create(doc.path("resource_documentation").asText()).isAbsolute()).isTrue();
            assertThat(doc.path("tls_client_certificate_bound_access_tokens").isBoolean()).isTrue();
            assertThat(doc.path("dpop_bound_access_tokens_required").isBoolean()).isTrue();
            doc.fieldNames().forEachRemaining(field -> assertThat(field).isIn("resource", "authorization_servers",
                    "jwks_uri", "scopes_supported", "bearer_methods_supported",
                    "resource_signing_alg_values_supported", "resource_name", "resource_documentation",
                    "resource_policy_uri", "resource_tos_uri", "tls_client_certificate_bound_access_tokens",
                    "authorization_details_types_supported", "dpop_signing_alg_values_supported",
                    "dpop_bound_access_tokens_required", "signed_metadata"));
        }
    }

    @Test
    void theOpenApiDocumentDeclaresAccessTokensBesideKeys() {
        JsonNode doc = parse(send(request("/openapi.json").GET().build()).body());

        assertThat(doc.at("/components/securitySchemes/accessToken/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/accessToken/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(doc.path("security").toString()).contains("apiKey", "bearer", "accessToken");
    }

    @Test
    void theOpenApiDocumentWithAccessTokensLintsClean() {
        NodeTools.Result lint = NodeTools.lintOpenApi(send(request("/openapi.json").GET().build()).body(),
                "openapi-served-oauth.json");

        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    private void assertInvalidToken(String token, String reason) {
        for (String path : List.of("/api/chittyid/mint", "/mcp")) {
            HttpResponse<String> refused = send(bearer(path, token).header("Accept", "application/json, "
                    + "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(MINT)).build());

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(parse(refused.body()).path("title").asText()).isEqualTo("Invalid access token");
            assertThat(parse(refused.body()).path("detail").asText()).contains(reason);
            String challenge = challenge(refused);
            assertThat(challenge).startsWith("Bearer ").contains("error=\"invalid_token\"");
            // the challenge leads to a document this hub serves, for the resource the request went to
            Matcher metadata = RESOURCE_METADATA.matcher(challenge);
            assertThat(metadata.find()).isTrue();
            assertThat(metadata.group(1)).startsWith(HUB);
            JsonNode doc = parse(send(request(metadata.group(1).substring(HUB.length())).GET().build()).body());
            assertThat(doc.path("resource").asText()).isEqualTo(HUB + (path.equals("/mcp") ? "/mcp" : ""));
        }
    }

    private HttpResponse<String> mcpCall(String token, String requestId) {
        return mcpCall("/mcp", token, requestId);
    }

    private HttpResponse<String> mcpCall(String path, String token, String requestId) {
        return send(bearer(path, token).header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25").header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"chittyid_mint\",\"arguments\":" + MINT + "}}")).build());
    }

    private HttpRequest.Builder bearer(String path, String token) {
        return request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    }

    private static String token(String subject, String audience, String scope) {
        return token(subject, audience, scope, UnaryOperator.identity());
    }

    private static String token(String subject, String audience, String scope,
            UnaryOperator<JWTClaimsSet.Builder> edit) {
        return TestIssuer.token(subject, audience, scope, edit);
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("");
    }

    private static List<String> stringsOf(JsonNode doc, String field) {
        assertThat(doc.path(field).isArray()).as(field).isTrue();
        List<String> values = new java.util.ArrayList<>();
        doc.path(field).forEach(value -> {
            assertThat(value.isTextual()).as(field).isTrue();
            values.add(value.asText());
        });
        return values;
    }
}
