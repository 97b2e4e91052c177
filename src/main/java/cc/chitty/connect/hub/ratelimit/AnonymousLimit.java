package cc.chitty.connect.hub.ratelimit;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * {@link RateLimitFilter}'s limit for an anonymous caller of a path the public port answers itself
 * ({@code /openapi.json}): the {@code default} tier, per address as {@code hub.rate-limit.trusted-proxies} names it,
 * unless the path is exempt. May query the shared bucket store: call it off the event loop.
 */
@Component
public class AnonymousLimit {

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final RateLimitFilter filter;
    private final ClientAddress clientAddress;

    AnonymousLimit(RateLimitProperties properties, RateLimiter limiter, RateLimitFilter filter) {
        this.properties = properties;
        this.limiter = limiter;
        this.filter = filter;
        this.clientAddress = new ClientAddress(properties.trustedProxies());
    }

    /** The decision for one call, its headers to answer with; empty when the path is not limited. */
    public Optional<RateLimiter.Decision> take(String path, String peer, String forwardedFor) {
        if (!properties.enabled() || filter.isExempt(path)) {
            return Optional.empty();
        }
        return Optional.of(limiter.take(Tier.DEFAULT, null, clientAddress.bucketOf(peer, forwardedFor)));
    }
}
