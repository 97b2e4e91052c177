package cc.chitty.connect.hub.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code hub_readiness}: 1 while the readiness group (Camel, PostgreSQL, Kafka) is UP, 0 otherwise, evaluated at each
 * scrape, so that Prometheus can alert on what the orchestrator's probe sees.
 */
@Component
class ReadinessGauge {

    ReadinessGauge(HealthEndpoint health, MeterRegistry meters) {
        Gauge.builder("hub.readiness", health, ReadinessGauge::ready)
                .description("1 while /actuator/health/readiness is UP").register(meters);
    }

    private static double ready(HealthEndpoint health) {
        HealthComponent readiness = health.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
