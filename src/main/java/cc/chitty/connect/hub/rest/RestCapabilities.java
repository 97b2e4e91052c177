package cc.chitty.connect.hub.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.stereotype.Component;

/**
 * The capability a REST request will run: the {@code direct:} target of the REST operation whose endpoint
 * platform-http's own mapping picks for it, so a path written differently (percent-encoded, renamed in a route
 * file) can never be judged as another operation. Scopes and rate tiers are keyed by this id, never by the URL.
 * Found once per request.
 */
@Component
public class RestCapabilities {

    private static final String ATTRIBUTE = RestCapabilities.class.getName();
    private static final String NONE = "";

    private final RestDoorPathScope door;
    private final CamelContext camel;

    RestCapabilities(RestDoorPathScope door, CamelContext camel) {
        this.door = door;
        this.camel = camel;
    }

    /** The capability id; empty when no REST route will serve the request (it is answered 404, 405 or 415). */
    public Optional<String> of(HttpServletRequest request) {
        Object found = request.getAttribute(ATTRIBUTE);
        if (found == null) {
            found = door.consumerFor(request) instanceof Consumer consumer
                    && consumer.getEndpoint() instanceof PlatformHttpEndpoint endpoint ? capabilityOf(endpoint) : NONE;
            request.setAttribute(ATTRIBUTE, found);
        }
        return NONE.equals(found) ? Optional.empty() : Optional.of((String) found);
    }

    /**
     * The capability behind the REST operation that platform-http endpoint serves: the operation declared with the
     * endpoint's path template and method, and its {@code direct:} target. An operation that calls no capability
     * is named by its path, which no scope names: only {@code admin} and {@code *} keys may call it.
     */
    private String capabilityOf(PlatformHttpEndpoint endpoint) {
        String path = trimmed(endpoint.getPath());
        String methods = String.valueOf(endpoint.getHttpMethodRestrict()).toUpperCase(Locale.ROOT);
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if (path.equals(trimmed(rest.getPath() + "/" + (verb.getPath() == null ? "" : verb.getPath())))
                        && List.of(methods.split(",")).contains(verb.asVerb().toUpperCase(Locale.ROOT))) {
                    String target = verb.getTo() == null ? "" : verb.getTo().getUri();
                    return target.startsWith("direct:") ? target.substring("direct:".length()) : path;
                }
            }
        }
        return path;
    }

    private static String trimmed(String path) {
        return path.replaceAll("/+", "/").replaceAll("^/|/$", "");
    }
}
