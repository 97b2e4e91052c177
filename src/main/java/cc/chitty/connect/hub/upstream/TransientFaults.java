package cc.chitty.connect.hub.upstream;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which failed attempts are worth another: failures before the request left the hub always; a rate limit when the
 * upstream's {@code Retry-After} fits within the retry budget; a timeout, a broken connection or a 5xx only for
 * idempotent methods, since a POST may already have taken effect. An open breaker, an exhausted quota (OpenAI's
 * {@code insufficient_quota}) and every other 4xx never. A call whose body can be sent only once (an upload
 * streamed as it is read) is retried only when it never left the hub: any later attempt would send a used-up body.
 */
record TransientFaults(boolean idempotent, boolean repeatableBody, Duration maxDelay) implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        Throwable cause = FaultClassifier.rootOfInterest(failure);
        if (FaultClassifier.isConnectFailure(cause)) {
            return true;
        }
        if (!repeatableBody) {
            return false;
        }
        if (cause instanceof UpstreamStatusException status) {
            if (status.status() == 429) {
                return !quotaExhausted(status) && (status.retryAfterSeconds() == null
                        || Duration.ofSeconds(status.retryAfterSeconds()).compareTo(maxDelay) <= 0);
            }
            return status.status() >= 500 && idempotent;
        }
        return cause instanceof IOException && idempotent;
    }

    /** OpenAI's 429 insufficient_quota needs a person to act; retrying only burns time. */
    private static boolean quotaExhausted(UpstreamStatusException status) {
        return status.body() instanceof JsonNode body
                && "insufficient_quota".equals(body.path("error").path("code").asText());
    }
}
