package cc.chitty.connect.hub.chittyos;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import cc.chitty.connect.hub.upstream.CapabilityRouteConfiguration;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Asks the ChittyID service for {@code /health} every {@code hub.chittyid.health-interval} (30 s) through its
 * connector, like the v2.2 client's connection manager. The last answer is the {@code chittyid} health indicator
 * (not part of readiness: the hub serves other capabilities without it) and the gauge
 * {@code hub_upstream_probe_up{service="chittyid"}} (1 up, 0 down, -1 not yet probed).
 */
@Component("chittyid")
class ChittyIdHealthProbe extends RouteBuilder implements HealthIndicator {

    private record Probe(boolean up, Instant at, String problem) {
    }

    private final AtomicReference<Probe> last = new AtomicReference<>();

    ChittyIdHealthProbe(MeterRegistry meters) {
        Gauge.builder("hub.upstream.probe.up", last, l -> l.get() == null ? -1 : l.get().up() ? 1 : 0)
                .tag("service", "chittyid").description("Last health probe of the upstream service")
                .register(meters);
    }

    @Override
    public void configure() {
        from("timer:chittyid-health?period={{hub.chittyid.health-interval:30000}}"
                + "&delay={{hub.chittyid.health-delay:2000}}")
                .routeId("chittyid.health.timer")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .to("direct:chittyid.health");

        from("direct:chittyid.health")
                .routeId("chittyid.health")
                .routeConfigurationId(CapabilityRouteConfiguration.ID)
                .setProperty(UpstreamCall.METHOD, constant("GET"))
                .setProperty(UpstreamCall.PATH, constant("/health"))
                .doTry()
                    // past the breaker: a failing health endpoint must not refuse real mints
                    .to("direct:upstream.chittyid.probe")
                    .process(exchange -> last.set(new Probe(true, Instant.now(), null)))
                .doCatch(Exception.class)
                    .process(exchange -> last.set(new Probe(false, Instant.now(),
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                                    .getClass().getSimpleName())))
                .end();
    }

    @Override
    public Health health() {
        Probe probe = last.get();
        if (probe == null) {
            return Health.unknown().withDetail("probe", "not yet run").build();
        }
        Health.Builder builder = probe.up() ? Health.up() : Health.down().withDetail("failure", probe.problem());
        return builder.withDetail("lastChecked", probe.at().toString()).build();
    }
}
