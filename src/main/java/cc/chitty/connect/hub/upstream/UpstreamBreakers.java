package cc.chitty.connect.hub.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j circuit breaker per upstream service, named by its logical id, with state gauges in Micrometer.
 * Remembers when each breaker opened so a refused caller can be told when to come back.
 */
@Component
public class UpstreamBreakers {

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final Map<String, Duration> openDurations = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    UpstreamBreakers(MeterRegistry meterRegistry) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meterRegistry);
    }

    CircuitBreaker create(UpstreamSettings settings) {
        int threshold = settings.breaker().failureThreshold();
        // a count window as long as the threshold, all failed: opens after that many consecutive failures
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(threshold)
                .minimumNumberOfCalls(threshold)
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.breaker().openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // a 4xx says the request was wrong, not that the service is failing
                .ignoreException(e -> e instanceof UpstreamStatusException s && s.status() < 500)
                .build();
        // an upstream file read again replaces the breaker (and its gauges) with one of its new settings
        registry.remove(settings.id());
        CircuitBreaker breaker = registry.circuitBreaker(settings.id(), config);
        if (!settings.breaker().enabled()) {
            breaker.transitionToDisabledState();
        }
        openDurations.put(settings.id(), settings.breaker().openDuration());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(settings.id(), clock.instant());
            }
        });
        return breaker;
    }

    public CircuitBreaker.State state(String service) {
        return registry.find(service).map(CircuitBreaker::getState).orElse(CircuitBreaker.State.DISABLED);
    }

    /** The configuration a service's breaker runs with, as Resilience4j holds it. */
    Optional<CircuitBreakerConfig> config(String service) {
        return registry.find(service).map(CircuitBreaker::getCircuitBreakerConfig);
    }

    /** Every breaker's state, by service id. */
    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        registry.getAllCircuitBreakers().forEach(b -> states.put(b.getName(), b.getState()));
        return states;
    }

    /** Closes a breaker and forgets its recorded calls, for an operator who knows the service is back. */
    public boolean reset(String service) {
        return registry.find(service).map(breaker -> {
            breaker.reset();
            openedAt.remove(service);
            return true;
        }).orElse(false);
    }

    /** Whole seconds until an open breaker lets a trial call through; at least 1. */
    public long retryAfterSeconds(String service) {
        Duration open = openDurations.getOrDefault(service, Duration.ofSeconds(1));
        Instant since = openedAt.get(service);
        long remainingMs = since == null ? open.toMillis()
                : open.toMillis() - Duration.between(since, clock.instant()).toMillis();
        return Math.max(1, (remainingMs + 999) / 1000);
    }
}
