package cc.chitty.connect.hub.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a valid API key; its scopes become {@code SCOPE_<scope>} authorities. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken implements ClientAuthentication {

    private final ApiKey key;
    private final Client client;

    ApiKeyAuthentication(ApiKey key) {
        super(key.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.key = key;
        this.client = new Client(key.id(), "key:" + key.id(), key.scopes(), key.rateLimit());
        setAuthenticated(true);
    }

    @Override
    public Client client() {
        return client;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.id();
    }

    @Override
    public String getName() {
        return key.prefix();
    }
}
