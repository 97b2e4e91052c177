package cc.chitty.connect.hub.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * A dependency's health answered from memory. Guarantees: {@link #health()} never runs the wrapped check, never
 * blocks and never touches the dependency, so /health and readiness probes stay cheap under any load; the check
 * runs only in {@link #refresh()}, on {@link BackgroundHealthChecks}' thread; before the first check the answer is
 * DOWN ({@code not yet checked}); a result older than {@code staleAfter} (a check that hangs) is DOWN
 * ({@code stale}); every answer carries {@code checkedAt}, the time of the check it reports.
 */
final class RefreshedHealth implements HealthIndicator, DisposableBean {

    private record Checked(Health health, Instant at) {
    }

    private final HealthIndicator check;
    private final Duration staleAfter;
    private final Clock clock;
    private volatile Checked last;

    RefreshedHealth(HealthIndicator check, Duration staleAfter, Clock clock) {
        this.check = check;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** Runs the check once; whether it found the dependency UP. */
    boolean refresh() {
        Health health;
        try {
            health = check.health();
        } catch (RuntimeException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        last = new Checked(health, clock.instant());
        return Status.UP.equals(health.getStatus());
    }

    @Override
    public Health health() {
        Checked checked = last;
        if (checked == null) {
            return Health.down().withDetail("reason", "not yet checked").build();
        }
        Health.Builder builder = Instant.now(clock).isAfter(checked.at().plus(staleAfter))
                ? Health.down().withDetail("reason", "stale") : Health.status(checked.health().getStatus());
        return builder.withDetails(checked.health().getDetails()).withDetail("checkedAt", checked.at().toString())
                .build();
    }

    @Override
    public void destroy() throws Exception {
        if (check instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }
}
