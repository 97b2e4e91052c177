package cc.chitty.connect.hub.security;

import org.springframework.security.core.Authentication;

/** An authentication that names a {@link Client}: what doors read instead of asking which credential it was. */
public interface ClientAuthentication extends Authentication {

    Client client();
}
