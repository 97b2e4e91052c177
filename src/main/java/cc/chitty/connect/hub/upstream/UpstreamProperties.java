package cc.chitty.connect.hub.upstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.upstreams}: settings shared by every connector ({@code defaults}) and per logical service id
 * ({@code services.<id>}), where any value left out falls back to the default.
 */
@ConfigurationProperties("hub.upstreams")
public class UpstreamProperties {

    private Settings defaults = new Settings();
    private Map<String, Settings> services = new LinkedHashMap<>();

    public Settings getDefaults() {
        return defaults;
    }

    public void setDefaults(Settings defaults) {
        this.defaults = defaults;
    }

    public Map<String, Settings> getServices() {
        return services;
    }

    public void setServices(Map<String, Settings> services) {
        this.services = services;
    }

    /** Every configured service with its defaults filled in. */
    public Map<String, UpstreamSettings> resolved() {
        Map<String, UpstreamSettings> resolved = new LinkedHashMap<>();
        services.forEach((id, s) -> resolved.put(id, resolve(id, s)));
        return resolved;
    }

    private UpstreamSettings resolve(String id, Settings s) {
        if (s.baseUrl == null || s.baseUrl.isBlank()) {
            throw new IllegalStateException("hub.upstreams.services." + id + ".base-url is not set");
        }
        Breaker b = s.breaker;
        Retry r = s.retry;
        return new UpstreamSettings(id, s.baseUrl.replaceAll("/+$", ""), s.token == null ? "" : s.token,
                or(s.timeout, defaults.timeout), or(s.connectTimeout, defaults.connectTimeout),
                or(s.maxConnections, defaults.maxConnections),
                new UpstreamSettings.Breaker(or(b.failureThreshold, defaults.breaker.failureThreshold),
                        or(b.openDuration, defaults.breaker.openDuration)),
                new UpstreamSettings.Retry(or(r.maxAttempts, defaults.retry.maxAttempts),
                        or(r.initialDelay, defaults.retry.initialDelay), or(r.maxDelay, defaults.retry.maxDelay),
                        or(r.multiplier, defaults.retry.multiplier), or(r.jitter, defaults.retry.jitter)));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    public static class Settings {
        private String baseUrl;
        private String token;
        private Duration timeout;
        private Duration connectTimeout;
        private Integer maxConnections;
        private Breaker breaker = new Breaker();
        private Retry retry = new Retry();

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Integer getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(Integer maxConnections) {
            this.maxConnections = maxConnections;
        }

        public Breaker getBreaker() {
            return breaker;
        }

        public void setBreaker(Breaker breaker) {
            this.breaker = breaker;
        }

        public Retry getRetry() {
            return retry;
        }

        public void setRetry(Retry retry) {
            this.retry = retry;
        }
    }

    public static class Breaker {
        private Integer failureThreshold;
        private Duration openDuration;

        public Integer getFailureThreshold() {
            return failureThreshold;
        }

        public void setFailureThreshold(Integer failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        public Duration getOpenDuration() {
            return openDuration;
        }

        public void setOpenDuration(Duration openDuration) {
            this.openDuration = openDuration;
        }
    }

    public static class Retry {
        private Integer maxAttempts;
        private Duration initialDelay;
        private Duration maxDelay;
        private Double multiplier;
        private Double jitter;

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public Double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(Double multiplier) {
            this.multiplier = multiplier;
        }

        public Double getJitter() {
            return jitter;
        }

        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }
    }
}
