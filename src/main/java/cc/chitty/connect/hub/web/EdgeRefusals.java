package cc.chitty.connect.hub.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts every request an edge policy refuses, as {@code hub_edge_refusals_total{policy, status, door}} in
 * Prometheus: {@code api-key} (401, 403), {@code scope} (403),
 * {@code rate-limit} (429), {@code idempotency-key} (400, 409, 422), {@code body-limit} (413), {@code media-type}
 * (415), {@code encoded-path} (400), {@code origin} (403); any other problem a filter answers with is counted under
 * its own type. {@code door} is {@code rest} for the REST door's policies (in its Camel routes), {@code webhook} for
 * the GitHub webhook door's own refusals (its route answers them), {@code http} for any other HTTP answer (servlet
 * filters), {@code mcp} for a JSON-RPC error of the MCP door (whose HTTP status stays 200; {@code status} is the one
 * the same refusal gets over HTTP).
 */
@Component
public class EdgeRefusals {

    public static final String METER = "hub.edge.refusals";
    public static final String REST = "rest";
    static final String HTTP = "http";

    private static final Map<String, String> POLICIES = Map.ofEntries(
            Map.entry("missing-api-key", "api-key"), Map.entry("invalid-api-key", "api-key"),
            Map.entry("inactive-api-key", "api-key"), Map.entry("expired-api-key", "api-key"),
            Map.entry("unauthenticated", "api-key"),
            Map.entry("insufficient-scope", "scope"),
            Map.entry("rate-limited", "rate-limit"),
            Map.entry("invalid-idempotency-key", "idempotency-key"),
            Map.entry("idempotency-key-in-use", "idempotency-key"),
            Map.entry("idempotency-key-reused", "idempotency-key"),
            Map.entry("payload-too-large", "body-limit"),
            Map.entry("unsupported-media-type", "media-type"),
            Map.entry("encoded-path", "encoded-path"),
            Map.entry("forbidden-origin", "origin"));

    private final MeterRegistry registry;
    // a counter per tag set, looked up without building Micrometer's meter id on every refusal
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    EdgeRefusals(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One refusal answered over HTTP with this problem, by the door named. */
    public void refused(Problem problem, String door) {
        count(POLICIES.getOrDefault(problem.type(), problem.type()), problem.status(), door);
    }

    /** One MCP call refused by a policy, with the HTTP status the same refusal gets at the REST door. */
    public void refusedMcpCall(String policy, int status) {
        count(policy, status, "mcp");
    }

    private void count(String policy, int status, String door) {
        counters.computeIfAbsent(policy + ' ' + status + ' ' + door, id -> Counter.builder(METER)
                .description("Requests refused by an edge policy")
                .tag("policy", policy).tag("status", String.valueOf(status)).tag("door", door)
                .register(registry)).increment();
    }
}
