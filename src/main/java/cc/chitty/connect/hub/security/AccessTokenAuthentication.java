package cc.chitty.connect.hub.security;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A request authenticated by an OAuth access token: the client is the token's subject ({@code oauth:<subject>} in
 * audit rows and rate-limit buckets), its scopes the token's, mapped to the hub's ({@link TokenScopes}).
 */
final class AccessTokenAuthentication extends JwtAuthenticationToken implements ClientAuthentication {

    private final transient Client client;

    AccessTokenAuthentication(JwtAuthenticationToken token) {
        super(token.getToken(), token.getAuthorities(), token.getName());
        String subject = token.getName();
        String issuer = token.getToken().getClaimAsString(JwtClaimNames.ISS);
        this.client = new Client(UUID.nameUUIDFromBytes(("oauth " + issuer + " " + subject)
                .getBytes(StandardCharsets.UTF_8)), "oauth:" + subject, token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("SCOPE_")).map(a -> a.substring(6))
                .toList(), null);
    }

    @Override
    public Client client() {
        return client;
    }
}
