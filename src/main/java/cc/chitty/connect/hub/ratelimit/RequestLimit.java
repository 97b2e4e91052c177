package cc.chitty.connect.hub.ratelimit;

import java.util.List;
import java.util.Optional;

import cc.chitty.connect.hub.security.Client;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The per-request limit of every path but the REST door's, whichever engine answers it: one token from the
 * {@code authenticated} tier's bucket of the client the credentials named, or, for an anonymous caller, from the
 * {@code default} tier's bucket of its address (as {@code hub.rate-limit.trusted-proxies} names it); nothing for a
 * path {@code hub.rate-limit.exempt} names, or when limiting is off. Tomcat's {@link RateLimitFilter} and the public
 * port's own paths ({@code /openapi.json}, MCP's plain tools/call) take from the same buckets through this class,
 * so a client cannot spend one budget twice by choosing its engine. May query the shared bucket store: call it off
 * the event loop.
 */
@Component
public class RequestLimit {

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final List<PathPattern> exempt;

    RequestLimit(RateLimitProperties properties, RateLimiter limiter) {
        this.properties = properties;
        this.limiter = limiter;
        this.clientAddress = new ClientAddress(properties.trustedProxies());
        this.exempt = properties.exempt().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** Whether the path's requests take no token: limiting is off, or {@code hub.rate-limit.exempt} names it. */
    boolean isExempt(String path) {
        if (!properties.enabled()) {
            return true;
        }
        PathContainer parsed = PathContainer.parsePath(path);
        return exempt.stream().anyMatch(p -> p.matches(parsed));
    }

    /**
     * The decision for one request, its headers to answer with; empty when the path is not limited.
     *
     * @param client the client its credentials named, or null for an anonymous caller, counted by address
     */
    public Optional<RateLimiter.Decision> take(String path, Client client, String peer, String forwardedFor) {
        if (isExempt(path)) {
            return Optional.empty();
        }
        return Optional.of(client != null ? limiter.take(Tier.AUTHENTICATED, client, null)
                : limiter.take(Tier.DEFAULT, null, clientAddress.bucketOf(peer, forwardedFor)));
    }
}
