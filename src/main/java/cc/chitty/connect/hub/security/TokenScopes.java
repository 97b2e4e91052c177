package cc.chitty.connect.hub.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * An access token's scopes ({@code scope}, space-separated, or {@code scp}) as the hub's scopes, the ones API keys
 * carry: an issuer scope named in {@code hub.oauth.scope-mapping} grants the hub scopes it maps to (an empty list:
 * none), any other passes through unchanged. Each becomes a {@code SCOPE_<scope>} authority, as a key's scopes do.
 */
final class TokenScopes implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final JwtGrantedAuthoritiesConverter issuerScopes = new JwtGrantedAuthoritiesConverter();
    private final Map<String, List<String>> mapping;

    TokenScopes(Map<String, List<String>> mapping) {
        this.mapping = mapping;
        issuerScopes.setAuthorityPrefix("");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return issuerScopes.convert(jwt).stream().map(GrantedAuthority::getAuthority)
                .flatMap(scope -> mapping.getOrDefault(scope, List.of(scope)).stream()).distinct()
                .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope)).toList();
    }

    /** The scope a client asks the issuer for to get the hub's scope: the first issuer scope mapped to it, or itself. */
    String issuerName(String hubScope) {
        return mapping.entrySet().stream().filter(e -> e.getValue().contains(hubScope)).map(Map.Entry::getKey)
                .sorted().findFirst().orElse(hubScope);
    }
}
