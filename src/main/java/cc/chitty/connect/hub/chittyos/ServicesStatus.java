package cc.chitty.connect.hub.chittyos;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.changes.CapabilityAnswered;
import cc.chitty.connect.hub.upstream.InvalidParameterException;
import cc.chitty.connect.hub.upstream.UpstreamProbes;
import cc.chitty.connect.hub.upstream.UpstreamProperties;
import cc.chitty.connect.hub.upstream.UpstreamStatusException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The original's services status, done in parallel through each service's probe route ({@link UpstreamProbes}: past
 * the circuit breaker, so a status check never changes the breaker real calls use): {@code GET /health} with a
 * time limit per check; {@code healthy} on 2xx, {@code degraded} on another answer, {@code down} when there is
 * none. The ecosystem health is the share of healthy services: 90 % or more excellent, 70 % good, 50 % degraded,
 * below that critical. Each answer is published as a {@link CapabilityAnswered} without its check times, so MCP
 * subscribers hear of a change of status, not of every check.
 */
@Component("servicesStatus")
@EnableConfigurationProperties(ServicesStatus.Properties.class)
public class ServicesStatus implements DisposableBean {

    @ConfigurationProperties("hub.services-status")
    record Properties(Map<String, String> services, Duration timeout) {
        Properties {
            services = services != null ? services : Map.of();
            timeout = timeout != null ? timeout : Duration.ofSeconds(5);
        }
    }

    private final Properties properties;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final UpstreamProbes probes;
    private final ExecutorService checks = Executors.newFixedThreadPool(16, r -> new Thread(r, "services-status"));

    private final ApplicationEventPublisher events;

    ServicesStatus(Properties properties, UpstreamProperties upstreams, UpstreamProbes probes,
            ApplicationEventPublisher events) {
        this.properties = properties;
        this.probes = probes;
        this.events = events;
        properties.services().keySet().forEach(id -> {
            UpstreamProperties.Settings settings = upstreams.services().get(id);
            if (settings == null) {
                throw new IllegalStateException("hub.services-status names " + id + ", which has no connector");
            }
            urls.put(id, settings.baseUrl());
        });
    }

    /** Every service, checked at once. */
    public Map<String, Object> all() {
        Map<String, CompletableFuture<Map<String, Object>>> running = new LinkedHashMap<>();
        properties.services().keySet().forEach(id -> running.put(id,
                CompletableFuture.supplyAsync(() -> check(id), checks)));
        Map<String, Object> services = new LinkedHashMap<>();
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        running.forEach((id, check) -> {
            try {
                services.put(id, check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (Exception timedOut) {
                check.cancel(true);
                services.put(id, result(id, "down", null, "no answer within " + properties.timeout().toSeconds()
                        + " s"));
            }
        });
        long healthy = services.values().stream().filter(s -> "healthy".equals(((Map<?, ?>) s).get("status")))
                .count();
        int percent = services.isEmpty() ? 0 : (int) (healthy * 100 / services.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("services", services);
        answer.put("ecosystemHealth", Map.of("healthy", healthy, "total", services.size(), "percent", percent,
                "rating", percent >= 90 ? "excellent" : percent >= 70 ? "good" : percent >= 50 ? "degraded"
                        : "critical"));
        events.publishEvent(new CapabilityAnswered("services.status", withoutCheckTimes(answer)));
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutCheckTimes(Map<String, Object> answer) {
        Map<String, Object> services = new LinkedHashMap<>();
        ((Map<String, Object>) answer.get("services")).forEach((id, result) -> {
            Map<String, Object> stable = new LinkedHashMap<>((Map<String, Object>) result);
            stable.remove("lastChecked");
            services.put(id, stable);
        });
        Map<String, Object> stable = new LinkedHashMap<>(answer);
        stable.put("services", services);
        return stable;
    }

    /** One service; an id the hub does not check is a 404-class fault. */
    public Map<String, Object> one(String id) {
        if (!properties.services().containsKey(id)) {
            throw new UpstreamStatusException("services-status", 404, null,
                    Map.of("error", "Service not found", "serviceId", id));
        }
        try {
            return CompletableFuture.supplyAsync(() -> check(id), checks)
                    .get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            return result(id, "down", null, "no answer within " + properties.timeout().toSeconds() + " s");
        }
    }

    private Map<String, Object> check(String id) {
        UpstreamProbes.Result probe = probes.probe(id, "/health");
        return probe.healthy() ? result(id, "healthy", probe.statusCode(), null)
                : probe.answered() ? result(id, "degraded", probe.statusCode(), null)
                : result(id, "down", null, probe.errorClass());
    }

    private Map<String, Object> result(String id, String status, Integer statusCode, String error) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("serviceId", id);
        result.put("name", properties.services().get(id));
        result.put("url", urls.get(id));
        result.put("status", status);
        result.put("statusCode", statusCode);
        result.put("lastChecked", Instant.now().toString());
        if (error != null) {
            result.put("error", error);
        }
        return result;
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
