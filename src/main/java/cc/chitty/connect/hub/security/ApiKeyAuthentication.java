package cc.chitty.connect.hub.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a valid API key; its scopes become {@code SCOPE_<scope>} authorities. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key) {
        super(key.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.key = key;
        setAuthenticated(true);
    }

    public ApiKey key() {
        return key;
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

    public List<String> scopes() {
        return key.scopes();
    }
}
