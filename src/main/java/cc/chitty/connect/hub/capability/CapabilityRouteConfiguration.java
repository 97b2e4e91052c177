package cc.chitty.connect.hub.capability;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code routeConfigurationId: capability} for capability routes and connectors: no error handling of their own,
 * so a failure travels back to the front door that called them, which alone decides how to answer it.
 */
@Component
public class CapabilityRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "capability";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(noErrorHandler());
    }
}
