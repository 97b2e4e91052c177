package cc.chitty.connect.hub.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Resilience4j retries per upstream service: exponential backoff with jitter between attempts, or exactly the
 * upstream's {@code Retry-After} after a 429. Three per service, since what may be retried depends on whether the
 * method is idempotent and the body can be sent again ({@code <service>}, {@code <service>.unsafe} and
 * {@code <service>.oneshot}, as named in the retry metrics).
 */
@Component
class UpstreamRetries {

    private final RetryRegistry registry = RetryRegistry.ofDefaults();
    private final Map<String, Retry> idempotent = new ConcurrentHashMap<>();
    private final Map<String, Retry> unsafe = new ConcurrentHashMap<>();
    private final Map<String, Retry> oneShot = new ConcurrentHashMap<>();

    UpstreamRetries(MeterRegistry meterRegistry) {
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meterRegistry);
    }

    void register(UpstreamSettings settings) {
        idempotent.put(settings.id(), create(settings.id(), settings, true, true));
        unsafe.put(settings.id(), create(settings.id() + ".unsafe", settings, false, true));
        oneShot.put(settings.id(), create(settings.id() + ".oneshot", settings, false, false));
    }

    Retry forCall(String service, String method, boolean repeatableBody) {
        if (!repeatableBody) {
            return oneShot.get(service);
        }
        return (UpstreamCall.isIdempotent(method) ? idempotent : unsafe).get(service);
    }

    private Retry create(String name, UpstreamSettings settings, boolean forIdempotent, boolean repeatableBody) {
        UpstreamSettings.Retry r = settings.retry();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(r.initialDelay(), r.multiplier(),
                r.jitter(), r.maxDelay());
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && FaultClassifier.rootOfInterest(outcome.getLeft())
                    instanceof UpstreamStatusException status && status.retryAfterSeconds() != null) {
                return status.retryAfterSeconds() * 1000;
            }
            return backoff.apply(attempt);
        };
        // an upstream file read again replaces the retry with one of its new settings
        registry.remove(name);
        return registry.retry(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, r.maxAttempts()))
                .intervalBiFunction(interval)
                .retryOnException(new TransientFaults(forIdempotent, repeatableBody, r.maxDelay()))
                .build());
    }
}
