package cc.chitty.connect.hub.ratelimit;

import java.util.Optional;

import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Budgets of failures per client address (IPv4 address, IPv6 /64, named as the rate limiter names anonymous
 * clients): requests refused 401 for a missing or unknown API key ({@code unauthenticated}), and failed operator
 * logins ({@code operator_login}). Asking whether an address is spent costs no database query and no password
 * hash, so a door asks before it does either and answers 429 instead. The buckets live in this instance's memory
 * whatever the store: a database round trip per refused request is the cost they exist to avoid.
 */
@Component
public class FailureThrottle {

    /** What failed. */
    public enum Failure {
        UNAUTHENTICATED(Tier.UNAUTHENTICATED), OPERATOR_LOGIN(Tier.OPERATOR_LOGIN);

        private final Tier tier;

        Failure(Tier tier) {
            this.tier = tier;
        }
    }

    private final RateLimitProperties properties;
    private final ClientAddress clientAddress;
    private final MemoryBuckets buckets;

    FailureThrottle(RateLimitProperties properties, ObjectProvider<TimeMeter> clock) {
        this.properties = properties;
        this.clientAddress = new ClientAddress(properties.trustedProxies());
        this.buckets = new MemoryBuckets(properties.window(),
                clock.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS));
    }

    /** The refusal (429) when the request's address has spent its budget of such failures; empty otherwise. */
    public Optional<RateLimiter.Decision> refusal(Failure failure, HttpServletRequest request) {
        return refusal(failure, addressOf(request));
    }

    /**
     * The bucket of the client at that address, for doors that read the peer and {@code X-Forwarded-For} from their
     * own engine: see {@link #refusal(Failure, String)} and {@link #charge(Failure, String)}.
     */
    public String addressOf(String peer, String forwardedFor) {
        return clientAddress.bucketOf(peer, forwardedFor);
    }

    /** As {@link #refusal(Failure, HttpServletRequest)}, for the address bucket {@link #addressOf} named. */
    public Optional<RateLimiter.Decision> refusal(Failure failure, String address) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        int limit = failure.tier.limit(properties.tiers());
        EstimationProbe probe = buckets.estimate(bucketId(failure, address), limit);
        if (probe.canBeConsumed()) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new RateLimiter.Decision(false, failure.tier.policyName, limit, 0, retryAfter, retryAfter,
                properties.window().toSeconds()));
    }

    /** Counts one failure against the request's address. */
    public void charge(Failure failure, HttpServletRequest request) {
        charge(failure, addressOf(request));
    }

    public void charge(Failure failure, String address) {
        if (properties.enabled()) {
            buckets.tryConsume(bucketId(failure, address), failure.tier.limit(properties.tiers()));
        }
    }

    public String addressOf(HttpServletRequest request) {
        return clientAddress.bucketOf(request);
    }

    private static String bucketId(Failure failure, String address) {
        return failure.tier.policyName + ":ip:" + address;
    }
}
