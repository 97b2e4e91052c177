package cc.chitty.connect.hub.ratelimit;

import java.io.IOException;
import java.util.Optional;

import cc.chitty.connect.hub.security.Client;
import cc.chitty.connect.hub.security.ClientAuthentication;
import cc.chitty.connect.hub.web.FilterOrder;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes one token from the client's bucket for its tier, after authentication has named the client (the API key or
 * the access token's subject, or the address of an anonymous caller), for every path but the REST door's
 * ({@code /api/}), whose routes take their capability's tier themselves ({@code restRateLimit}). MCP calls take
 * their tier inside the MCP door too, where the tool's name is known. Every limited response carries the limit headers; past the limit the
 * answer is 429 with {@code Retry-After}. Headers: {@code X-RateLimit-Limit} (requests per window),
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (Unix time, seconds, when the bucket is full again),
 * and the IETF draft's {@code RateLimit-Policy} / {@code RateLimit}. The decision is {@link RequestLimit}'s, which
 * the public port's own paths take too.
 */
@Component
@Order(FilterOrder.RATE_LIMIT)
class RateLimitFilter extends OncePerRequestFilter {

    private static final String REST_DOOR = "/api/";

    private final RequestLimit limit;
    private final ProblemWriter problems;

    RateLimitFilter(RequestLimit limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith(REST_DOOR) || limit.isExempt(uri);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Client client = request.getUserPrincipal() instanceof ClientAuthentication auth ? auth.client() : null;
        Optional<RateLimiter.Decision> taken = limit.take(request.getRequestURI(), client, request.getRemoteAddr(),
                request.getHeader(ClientAddress.FORWARDED_FOR));
        if (taken.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision decision = taken.get();
        decision.writeHeaders(response);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, decision.problem());
    }
}
