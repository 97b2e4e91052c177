package cc.chitty.connect.hub.ratelimit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import cc.chitty.connect.hub.rest.RestCapabilities;
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
 * the access token's subject, or the address of an anonymous caller). Every limited response carries the limit headers; past the limit the
 * answer is 429 with {@code Retry-After}. Headers: {@code X-RateLimit-Limit} (requests per window),
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (Unix time, seconds, when the bucket is full again),
 * and the IETF draft's {@code RateLimit-Policy} / {@code RateLimit}.
 */
@Component
@Order(FilterOrder.RATE_LIMIT)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final RestCapabilities capabilities;
    private final ClientAddress clientAddress;
    private final ProblemWriter problems;
    private final List<PathPattern> exempt;

    RateLimitFilter(RateLimitProperties properties, RateLimiter limiter, RestCapabilities capabilities,
            ProblemWriter problems) {
        this.properties = properties;
        this.limiter = limiter;
        this.capabilities = capabilities;
        this.clientAddress = new ClientAddress(properties.trustedProxies());
        this.problems = problems;
        this.exempt = properties.exempt().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return !properties.enabled() || exempt.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Client client = request.getUserPrincipal() instanceof ClientAuthentication auth ? auth.client() : null;
        RateLimiter.Decision decision = limiter.take(tierOf(request, client), client, client != null ? null
                : clientAddress.bucketOf(request));
        decision.writeHeaders(response);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, decision.problem());
    }

    /**
     * A REST call counts in its capability's tier (found from the route that will run, never from the URL), else
     * in {@code api}. MCP calls take their tier inside the MCP door too, where the tool's name is known.
     */
    private Tier tierOf(HttpServletRequest request, Client client) {
        Optional<String> capability = capabilities.of(request);
        if (capability.isPresent() || request.getRequestURI().startsWith("/api/")) {
            return limiter.tierOf(capability.orElse(null), Tier.API);
        }
        return client != null ? Tier.AUTHENTICATED : Tier.DEFAULT;
    }
}
