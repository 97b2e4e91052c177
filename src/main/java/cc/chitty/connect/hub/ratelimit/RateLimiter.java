package cc.chitty.connect.hub.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import cc.chitty.connect.hub.security.Client;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.Refusal;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The bucket store and the tiers, shared by the REST door's rate-limit step, the HTTP filter and the MCP door (which learns the tool, resource
 * or prompt only from the JSON-RPC body): one token per call from the client's bucket for the tier. A capability's
 * tier is found by its id, whichever door calls it.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

    /** One consumption: what the headers report and, when refused, when to come back. */
    public record Decision(boolean allowed, String policy, int limit, long remaining, long resetSeconds,
            long retryAfterSeconds, long windowSeconds) {

        /** The limit headers every limited response carries, plus {@code Retry-After} when refused. */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>(8);
            headers.put("X-RateLimit-Limit", String.valueOf(limit));
            headers.put("X-RateLimit-Remaining", String.valueOf(remaining));
            headers.put("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + resetSeconds));
            headers.put("RateLimit-Policy", "\"" + policy + "\";q=" + limit + ";w=" + windowSeconds);
            headers.put("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds);
            if (!allowed) {
                headers.put("Retry-After", String.valueOf(retryAfterSeconds));
            }
            return headers;
        }

        public void writeHeaders(HttpServletResponse response) {
            headers().forEach(response::setHeader);
        }

        /** The 429 answer, headers included. */
        public Refusal refusal() {
            return new Refusal(problem(), headers());
        }

        public Problem problem() {
            return Problem.of(429, "rate-limited", "Rate limit exceeded",
                            "At most " + limit + " requests per " + windowSeconds + " s in the " + policy + " tier")
                    .with("limit", limit).with("window", windowSeconds).with("retryAfter", retryAfterSeconds);
        }
    }

    private final RateLimitProperties properties;
    private final Buckets buckets;

    /** @param clock the buckets' time; only tests supply one, so that no limit depends on the machine's speed */
    RateLimiter(RateLimitProperties properties, DataSource dataSource, ObjectProvider<TimeMeter> clock) {
        this.properties = properties;
        TimeMeter time = clock.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS);
        this.buckets = properties.store() == RateLimitProperties.Store.POSTGRES
                ? new PostgresBuckets(dataSource, properties.window(), time)
                : new MemoryBuckets(properties.window(), time);
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * An MCP call (tool, resource or prompt) that runs the capability: its own tier when it has one
     * ({@code hub.rate-limit.capability-tiers}), the {@code mcp_tools} tier otherwise.
     */
    public Decision takeMcpCall(Client client, String capability) {
        return take(tierOf(capability, Tier.MCP_TOOLS), client, null);
    }

    /** A REST call of the capability: its own tier when it has one, the {@code api} tier otherwise. */
    public Decision takeRestCall(Client client, String capability) {
        return take(tierOf(capability, Tier.API), client, null);
    }

    /** The capability's own tier, or the door's. */
    Tier tierOf(String capability, Tier door) {
        return capability == null ? door : properties.capabilityTiers().getOrDefault(capability, door);
    }

    Decision take(Tier tier, Client client, String address) {
        int limit = client != null && client.rateLimit() != null ? client.rateLimit() : tier.limit(properties.tiers());
        String bucket = client != null ? client.name() : "ip:" + address;
        ConsumptionProbe probe = buckets.tryConsume(tier.policyName + ":" + bucket, limit);
        long resetSeconds = Math.max(0, (probe.getNanosToWaitForReset() + 999_999_999L) / 1_000_000_000L);
        long retryAfter = probe.isConsumed() ? 0
                : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), tier.policyName, limit, Math.max(0, probe.getRemainingTokens()),
                resetSeconds, retryAfter, properties.window().toSeconds());
    }
}
