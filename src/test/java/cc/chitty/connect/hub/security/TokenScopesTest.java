package cc.chitty.connect.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An issuer's scopes become the hub's, and a half-configured issuer stops the hub from starting. */
class TokenScopesTest {

    private final TokenScopes scopes = new TokenScopes(Map.of("chitty.identity", List.of("chittyid:mint",
            "chittyid:read"), "offline_access", List.of()));

    @Test
    void mappedScopesAreReplacedAndOthersPassThrough() {
        assertThat(hubScopes(jwt("scope", "openid chitty.identity registry:read offline_access")))
                .containsExactly("openid", "chittyid:mint", "chittyid:read", "registry:read");
    }

    @Test
    void anScpListIsReadLikeAScopeString() {
        assertThat(hubScopes(jwt("scp", List.of("chitty.identity", "services:read"))))
                .containsExactly("chittyid:mint", "chittyid:read", "services:read");
    }

    @Test
    void aTokenWithoutScopesHasNone() {
        assertThat(hubScopes(jwt("client_id", "c"))).isEmpty();
    }

    @Test
    void aHubScopeIsAskedForByTheIssuersName() {
        assertThat(scopes.issuerName("chittyid:read")).isEqualTo("chitty.identity");
        assertThat(scopes.issuerName("registry:read")).isEqualTo("registry:read");
    }

    @Test
    void anIssuerWithoutKeysOrResourceIsRefusedAtStart() {
        assertThatThrownBy(() -> properties("https://auth.example", "", "https://hub.example"))
                .hasMessageContaining("hub.oauth.jwk-set-uri");
        assertThatThrownBy(() -> properties("https://auth.example", "https://auth.example/jwks", ""))
                .hasMessageContaining("HUB_PUBLIC_BASE_URL");
        assertThat(properties("", "", "").enabled()).isFalse();
        assertThat(properties("https://auth.example", "https://auth.example/jwks", "https://hub.example/").resource())
                .isEqualTo("https://hub.example");
    }

    private List<String> hubScopes(Jwt jwt) {
        return scopes.convert(jwt).stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.replaceFirst("^SCOPE_", "")).toList();
    }

    private static Jwt jwt(String claim, Object value) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "RS256").claim(claim, value).subject("s").issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5))).build();
    }

    private static OAuthProperties properties(String issuer, String jwkSetUri, String resource) {
        return new OAuthProperties(issuer, jwkSetUri, resource, null, null, null, null, null);
    }
}
