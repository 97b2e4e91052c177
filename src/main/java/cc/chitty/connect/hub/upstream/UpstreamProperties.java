package cc.chitty.connect.hub.upstream;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.upstreams}: settings shared by every connector ({@code defaults}) and per logical service id
 * ({@code services.<id>}), where any value left out falls back to the default.
 */
@ConfigurationProperties("hub.upstreams")
public record UpstreamProperties(Settings defaults, Map<String, Settings> services) {

    public UpstreamProperties {
        defaults = defaults != null ? defaults : new Settings(null, null, null, null, null, null, null, null);
        services = services != null ? services : Map.of();
    }

    public record Settings(String baseUrl, String token, Duration timeout, Duration connectTimeout,
            Integer maxConnections, Map<String, String> headers, Breaker breaker, Retry retry) {

        public Settings {
            headers = headers != null ? headers : Map.of();
            breaker = breaker != null ? breaker : new Breaker(null, null, null);
            retry = retry != null ? retry : new Retry(null, null, null, null, null);
        }
    }

    public record Breaker(Boolean enabled, Integer failureThreshold, Duration openDuration) {
    }

    public record Retry(Integer maxAttempts, Duration initialDelay, Duration maxDelay, Double multiplier,
            Double jitter) {
    }

    /** One service's settings with the defaults filled in. */
    UpstreamSettings resolve(String id, Settings s) {
        if (s.baseUrl() == null || s.baseUrl().isBlank()) {
            throw new IllegalStateException("hub.upstreams.services." + id + ".base-url is not set");
        }
        Breaker b = s.breaker();
        Breaker db = defaults.breaker();
        Retry r = s.retry();
        Retry dr = defaults.retry();
        return new UpstreamSettings(id, s.baseUrl().replaceAll("/+$", ""), s.token() == null ? "" : s.token(),
                or(s.timeout(), defaults.timeout()), or(s.connectTimeout(), defaults.connectTimeout()),
                or(s.maxConnections(), defaults.maxConnections()), Map.copyOf(s.headers()),
                new UpstreamSettings.Breaker(or(b.enabled(), or(db.enabled(), true)),
                        or(b.failureThreshold(), db.failureThreshold()),
                        or(b.openDuration(), db.openDuration())),
                new UpstreamSettings.Retry(or(r.maxAttempts(), dr.maxAttempts()),
                        or(r.initialDelay(), dr.initialDelay()), or(r.maxDelay(), dr.maxDelay()),
                        or(r.multiplier(), dr.multiplier()), or(r.jitter(), dr.jitter())));
    }

    private static <T> T or(T value, T fallback) {
        if (value == null && fallback == null) {
            throw new IllegalStateException("an upstream setting has neither a value nor a default");
        }
        return value != null ? value : fallback;
    }
}
