package cc.chitty.connect.hub.ratelimit;

import java.io.IOException;
import java.util.List;

import cc.chitty.connect.hub.security.Client;
import cc.chitty.connect.hub.security.ClientAuthentication;
import cc.chitty.connect.hub.web.FilterOrder;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Takes one token from the client's bucket for its tier, after authentication has named the client (the API key or
 * the access token's subject, or the address of an anonymous caller), for every path but the REST door's
 * ({@code /api/}), whose routes take their capability's tier themselves ({@code restRateLimit}). MCP calls take
 * their tier inside the MCP door too, where the tool's name is known. Every limited response carries the limit headers; past the limit the
 * answer is 429 with {@code Retry-After}. Headers: {@code X-RateLimit-Limit} (requests per window),
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (Unix time, seconds, when the bucket is full again),
 * and the IETF draft's {@code RateLimit-Policy} / {@code RateLimit}.
 */
@Component
@Order(FilterOrder.RATE_LIMIT)
class RateLimitFilter extends OncePerRequestFilter {

    private static final String REST_DOOR = "/api/";

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final ProblemWriter problems;
    private final List<PathPattern> exempt;

    RateLimitFilter(RateLimitProperties properties, RateLimiter limiter, ProblemWriter problems) {
        this.properties = properties;
        this.limiter = limiter;
        this.clientAddress = new ClientAddress(properties.trustedProxies());
        this.problems = problems;
        this.exempt = properties.exempt().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !properties.enabled() || uri.startsWith(REST_DOOR) || isExempt(uri);
    }

    /** Whether {@code hub.rate-limit.exempt} names the path. */
    boolean isExempt(String uri) {
        PathContainer path = PathContainer.parsePath(uri);
        return exempt.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Client client = request.getUserPrincipal() instanceof ClientAuthentication auth ? auth.client() : null;
        RateLimiter.Decision decision = limiter.take(client != null ? Tier.AUTHENTICATED : Tier.DEFAULT, client,
                client != null ? null : clientAddress.bucketOf(request));
        decision.writeHeaders(response);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, decision.problem());
    }
}
