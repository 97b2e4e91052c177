package cc.chitty.connect.hub.support;

import java.util.List;
import java.util.UUID;

import cc.chitty.connect.hub.security.Client;
import cc.chitty.connect.hub.security.ClientAuthentication;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A client as the security chain names it once its key passed, for tests that hand a request straight to a door's
 * parts (as a servlet request's principal).
 */
public final class AuthenticatedClient extends AbstractAuthenticationToken implements ClientAuthentication {

    private final Client client;

    public AuthenticatedClient(String name, List<String> scopes) {
        super(List.of());
        this.client = new Client(UUID.randomUUID(), name, scopes, null);
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
        return client.id();
    }
}
