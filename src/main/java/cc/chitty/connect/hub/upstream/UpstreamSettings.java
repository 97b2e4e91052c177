package cc.chitty.connect.hub.upstream;

import java.time.Duration;
import java.util.Map;

/**
 * One upstream service's resolved connector settings; {@code headers} are sent with every call (e.g. Notion's
 * pinned {@code Notion-Version}). The token is never logged or shown.
 */
public record UpstreamSettings(String id, String baseUrl, String token, Duration timeout, Duration connectTimeout,
        int maxConnections, Map<String, String> headers, Breaker breaker, Retry retry) {

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
