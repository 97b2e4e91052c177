package cc.chitty.connect.hub.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cc.chitty.connect.hub.routes.RouteChanges;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.springframework.stereotype.Component;

/**
 * The {@link RestOperation} of the REST route an exchange came in through, found from the route itself (the REST
 * verb that generated it, and that verb's {@code direct:} target), never from the request's URL: what the route runs
 * is what its scope and tier are judged by. Resolved once per route, and again when a reload replaces it.
 */
@Component
public class RestOperations {

    private static final String DIRECT = "direct:";

    private final CamelContext camel;
    private final HttpLimitsProperties limits;
    private final Map<String, RestOperation> byRoute = new ConcurrentHashMap<>();

    RestOperations(CamelContext camel, HttpLimitsProperties limits, RouteChanges changes) {
        this.camel = camel;
        this.limits = limits;
        changes.onChange(byRoute::remove);
    }

    public RestOperation of(Exchange exchange) {
        return byRoute.computeIfAbsent(exchange.getFromRouteId(), this::resolve);
    }

    /**
     * From the route the REST DSL generated for a verb: its input {@code rest:<method>:<path>[:<template>]?...}
     * and its one step, {@code to: direct:<capability>}.
     */
    private RestOperation resolve(String routeId) {
        RouteDefinition route = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition(routeId);
        if (route == null || !route.isRest()) {
            throw new IllegalStateException("The route " + routeId + " is not one of the REST DSL's");
        }
        String from = route.getInput().getEndpointUri();
        int query = from.indexOf('?');
        String[] rest = (query < 0 ? from : from.substring(0, query)).split(":", 3);
        String path = ("/" + rest[2].replace(':', '/')).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        String target = route.getOutputs().stream().filter(ToDefinition.class::isInstance)
                .map(to -> ((ToDefinition) to).getUri()).findFirst().orElse("");
        return new RestOperation(target.startsWith(DIRECT) ? target.substring(DIRECT.length()) : path, path,
                limits.limitFor(path), limits.isUpload(path));
    }
}
