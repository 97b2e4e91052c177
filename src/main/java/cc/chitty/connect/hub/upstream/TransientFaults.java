package cc.chitty.connect.hub.upstream;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Which failed calls the connector retries: failures before the request left the hub always; a rate limit when the
 * upstream's {@code Retry-After} fits within the retry budget (and then after exactly that long); a timeout, a broken
 * connection or a 5xx only for idempotent methods, since a POST may already have taken effect. An open breaker
 * and every other 4xx are never retried.
 */
final class TransientFaults implements Predicate {

    private final Map<String, UpstreamSettings> settings;

    TransientFaults(Map<String, UpstreamSettings> settings) {
        this.settings = settings;
    }

    @Override
    public boolean matches(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            return false;
        }
        Throwable cause = FaultClassifier.rootOfInterest(failure);
        boolean idempotent = UpstreamCall.isIdempotent(exchange.getProperty(UpstreamCall.METHOD, String.class));
        if (FaultClassifier.isConnectFailure(cause)) {
            return true;
        }
        if (cause instanceof UpstreamStatusException status) {
            if (status.status() == 429) {
                return retryAfterFits(exchange, status.retryAfterSeconds());
            }
            return status.status() >= 500 && idempotent;
        }
        return cause instanceof java.io.IOException && idempotent;
    }

    private boolean retryAfterFits(Exchange exchange, Long retryAfterSeconds) {
        if (retryAfterSeconds == null) {
            return true;
        }
        UpstreamSettings service = settings.get(exchange.getProperty(UpstreamCall.SERVICE, String.class));
        long delayMs = retryAfterSeconds * 1000;
        if (service == null || delayMs > service.retry().maxDelay().toMillis()) {
            return false;
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delayMs);
        return true;
    }
}
