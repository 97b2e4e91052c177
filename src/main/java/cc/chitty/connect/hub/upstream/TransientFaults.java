package cc.chitty.connect.hub.upstream;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Which failed attempts are worth another: failures before the request left the hub always; a rate limit when the
 * upstream's {@code Retry-After} fits within the retry budget; a timeout, a broken connection or a 5xx only for
 * idempotent methods, since a POST may already have taken effect. An open breaker and every other 4xx never.
 */
record TransientFaults(boolean idempotent, Duration maxDelay) implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        Throwable cause = FaultClassifier.rootOfInterest(failure);
        if (FaultClassifier.isConnectFailure(cause)) {
            return true;
        }
        if (cause instanceof UpstreamStatusException status) {
            if (status.status() == 429) {
                return status.retryAfterSeconds() == null
                        || Duration.ofSeconds(status.retryAfterSeconds()).compareTo(maxDelay) <= 0;
            }
            return status.status() >= 500 && idempotent;
        }
        return cause instanceof java.io.IOException && idempotent;
    }
}
