package cc.chitty.connect.hub.context;

import java.util.Locale;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code context} health indicator: up once the hub's identity and keys exist (complete or partial), down after
 * a hard failure, unknown before the first run. Not part of readiness: the hub serves without it.
 */
@Component("contextHealthIndicator")
class ContextHealthIndicator implements HealthIndicator {

    private final ContextInitialization initialization;

    ContextHealthIndicator(ContextInitialization initialization) {
        this.initialization = initialization;
    }

    @Override
    public Health health() {
        ContextState state = initialization.state();
        Health.Builder builder = switch (state.phase()) {
            case COMPLETE, PARTIAL -> Health.up();
            case FAILED -> Health.down();
            case DISABLED, PENDING, RUNNING -> Health.unknown();
        };
        builder.withDetail("phase", state.phase().name().toLowerCase(Locale.ROOT))
                .withDetail("attempts", state.attempts())
                .withDetail("steps", state.steps());
        if (state.chittyid() != null) {
            builder.withDetail("chittyid", state.chittyid());
        }
        if (state.nextAttempt() != null) {
            builder.withDetail("nextAttempt", state.nextAttempt().toString());
        }
        return builder.build();
    }
}
