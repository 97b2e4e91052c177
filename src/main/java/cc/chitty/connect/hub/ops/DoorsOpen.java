package cc.chitty.connect.hub.ops;

import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the hub's doors serve. Tomcat answers before Camel has registered the REST door's platform-http routes
 * (a request then got {@code 404 No static resource}), and the MCP and webhook doors call capability routes that
 * Camel starts. Guarantees: closed until the application is ready and Camel has started every route; while closed,
 * the {@code doors} readiness indicator is OUT_OF_SERVICE, {@code /health} answers 503 {@code starting} and every
 * door answers 503 ({@link StartingFilter}), never 404.
 */
@Component("doors")
class DoorsOpen implements HealthIndicator {

    private final CamelContext camel;
    private volatile boolean applicationReady;

    DoorsOpen(CamelContext camel) {
        this.camel = camel;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        applicationReady = true;
    }

    boolean open() {
        return applicationReady && camel.getStatus().isStarted();
    }

    @Override
    public Health health() {
        return open() ? Health.up().build() : Health.outOfService().withDetail("reason", "starting").build();
    }
}
