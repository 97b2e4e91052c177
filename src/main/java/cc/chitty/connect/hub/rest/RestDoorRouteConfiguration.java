package cc.chitty.connect.hub.rest;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The global route configuration (no id), which Camel applies to every route that names none: the routes the
 * REST DSL generates. Any failure that reaches them is answered by {@link RestProblemResponder}.
 */
@Component
class RestDoorRouteConfiguration extends RouteConfigurationBuilder {

    private final RestProblemResponder responder;

    RestDoorRouteConfiguration(RestProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Exception.class)
                .handled(true)
                .process(responder);
    }
}
