package cc.chitty.connect.hub.rest;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The capability a REST request served by Tomcat will run: none since the REST door moved to the public port's
 * Vert.x server. A bridge until the edge policies that ask (scope, rate tier) run in Camel, where the exchange names
 * its route (branch edge-policies, which removes this class).
 */
@Component
public class RestCapabilities {

    public Optional<String> of(HttpServletRequest request) {
        return Optional.empty();
    }
}
