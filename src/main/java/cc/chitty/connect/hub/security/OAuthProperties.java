package cc.chitty.connect.hub.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.oauth}: the authorization server whose JWT access tokens the hub accepts beside API keys. Off while
 * {@code issuer} is empty.
 *
 * @param issuer the authorization server's issuer identifier, which tokens must carry as {@code iss}
 * @param jwkSetUri where its signing keys are published
 * @param resource the hub's resource URL (by default {@code hub.public-base-url}); tokens must name it, or it with
 *     {@code /mcp}, in {@code aud}
 * @param audiences further audiences accepted, for an issuer that names the hub otherwise
 * @param scopeMapping issuer scopes that differ from the hub's, each to the hub scopes it grants; other scopes pass
 *     through as they are
 * @param principalClaim the claim naming the client for audit and rate limits
 * @param resourceDocumentation what the metadata document names as the hub's documentation
 * @param jwksTimeout connect and read time-out when fetching the keys
 */
@ConfigurationProperties("hub.oauth")
record OAuthProperties(String issuer, String jwkSetUri, String resource, List<String> audiences,
        Map<String, List<String>> scopeMapping, String principalClaim, String resourceDocumentation,
        Duration jwksTimeout) {

    OAuthProperties {
        issuer = issuer == null ? "" : issuer.trim();
        resource = resource == null ? "" : resource.trim().replaceAll("/+$", "");
        audiences = audiences == null ? List.of()
                : audiences.stream().map(String::trim).filter(a -> !a.isEmpty()).map(a -> a.replaceAll("/+$", ""))
                        .toList();
        scopeMapping = scopeMapping != null ? scopeMapping : Map.of();
        principalClaim = principalClaim == null || principalClaim.isBlank() ? "sub" : principalClaim;
        resourceDocumentation = resourceDocumentation == null ? "" : resourceDocumentation.trim();
        jwksTimeout = jwksTimeout != null ? jwksTimeout : Duration.ofSeconds(5);
        if (!issuer.isEmpty()) {
            if (jwkSetUri == null || jwkSetUri.isBlank()) {
                throw new IllegalStateException("hub.oauth.issuer is set, so hub.oauth.jwk-set-uri "
                        + "(HUB_OAUTH_JWK_SET_URI) must name where the issuer publishes its signing keys");
            }
            if (!isHttpUrl(resource)) {
                throw new IllegalStateException("hub.oauth.issuer is set, so hub.oauth.resource (by default "
                        + "HUB_PUBLIC_BASE_URL) must be the hub's absolute URL, which tokens name as their audience");
            }
        }
    }

    boolean enabled() {
        return !issuer.isEmpty();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
