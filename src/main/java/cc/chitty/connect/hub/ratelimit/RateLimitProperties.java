package cc.chitty.connect.hub.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code hub.rate-limit}: requests per {@code window} for each tier, the capabilities with a tier of their own
 * (by capability id), where the buckets live, which paths are never limited and which proxies may name the client
 * in {@code X-Forwarded-For}.
 */
@ConfigurationProperties("hub.rate-limit")
public record RateLimitProperties(boolean enabled, Store store, Duration window, Tiers tiers,
        Map<String, Tier> capabilityTiers, List<String> exempt, List<String> trustedProxies) {

    public enum Store { MEMORY, POSTGRES }

    /**
     * Requests per window for each tier; {@code unauthenticated} and {@code operatorLogin} count refusals per
     * client address (401s for a missing or unknown key, failed operator logins).
     */
    public record Tiers(@Name("default") int anonymous, int api, int mcpTools, int chittyidMint, int authenticated,
            Integer unauthenticated, Integer operatorLogin) {
        public Tiers {
            unauthenticated = unauthenticated != null ? unauthenticated : 30;
            operatorLogin = operatorLogin != null ? operatorLogin : 10;
        }
    }

    public RateLimitProperties {
        store = store != null ? store : Store.MEMORY;
        window = window != null ? window : Duration.ofMinutes(1);
        tiers = tiers != null ? tiers : new Tiers(60, 100, 30, 10, 200, null, null);
        capabilityTiers = capabilityTiers != null ? capabilityTiers : Map.of();
        exempt = exempt != null ? exempt : List.of();
        trustedProxies = trustedProxies != null ? trustedProxies : List.of();
    }
}
