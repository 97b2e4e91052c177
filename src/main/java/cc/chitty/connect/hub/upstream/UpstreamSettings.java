package cc.chitty.connect.hub.upstream;

import java.time.Duration;

/** One upstream service's resolved connector settings. The token is never logged or shown. */
public record UpstreamSettings(String id, String baseUrl, String token, Duration timeout, Duration connectTimeout,
        int maxConnections, Breaker breaker, Retry retry) {

    /**
     * Opens after {@code failureThreshold} consecutive failures and stays open for {@code openDuration}; when not
     * {@code enabled} it lets every call through and records nothing.
     */
    public record Breaker(boolean enabled, int failureThreshold, Duration openDuration) {
    }

    public record Retry(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
    }

    @Override
    public String toString() {
        return "UpstreamSettings[" + id + " " + baseUrl + "]";
    }
}
