package cc.chitty.connect.hub.ratelimit;

import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;

import cc.chitty.connect.hub.security.ApiKey;
import cc.chitty.connect.hub.security.ApiKeyAuthentication;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Takes one token from the client's bucket for its tier, after authentication has named the client (the API key,
 * or the address of an anonymous caller). Every limited response carries the limit headers; past the limit the
 * answer is 429 with {@code Retry-After}. Headers: {@code X-RateLimit-Limit} (requests per window),
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (Unix time, seconds, when the bucket is full again),
 * and the IETF draft's {@code RateLimit-Policy} / {@code RateLimit}.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 5)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final Buckets buckets;
    private final ClientAddress clientAddress;
    private final ProblemWriter problems;
    private final List<PathPattern> exempt;

    RateLimitFilter(RateLimitProperties properties, DataSource dataSource, ProblemWriter problems) {
        this.properties = properties;
        this.buckets = properties.store() == RateLimitProperties.Store.POSTGRES
                ? new PostgresBuckets(dataSource, properties.window())
                : new MemoryBuckets(properties.window());
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
        ApiKey key = request.getUserPrincipal() instanceof ApiKeyAuthentication auth ? auth.key() : null;
        Tier tier = tierOf(request, key);
        int limit = key != null && key.rateLimit() != null ? key.rateLimit() : tier.limit(properties.tiers());
        String client = key != null ? "key:" + key.id() : "ip:" + clientAddress.of(request);
        ConsumptionProbe probe = buckets.tryConsume(tier.policyName + ":" + client, limit);

        long window = properties.window().toSeconds();
        long resetSeconds = Math.max(0, (probe.getNanosToWaitForReset() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("X-RateLimit-Limit", String.valueOf(limit));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, probe.getRemainingTokens())));
        response.setHeader("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + resetSeconds));
        response.setHeader("RateLimit-Policy", "\"" + tier.policyName + "\";q=" + limit + ";w=" + window);
        response.setHeader("RateLimit", "\"" + tier.policyName + "\";r=" + Math.max(0, probe.getRemainingTokens())
                + ";t=" + resetSeconds);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        problems.write(response, Problem.of(429, "rate-limited", "Rate limit exceeded",
                        "At most " + limit + " requests per " + window + " s in the " + tier.policyName + " tier")
                .with("limit", limit).with("window", window).with("retryAfter", retryAfter));
    }

    private static Tier tierOf(HttpServletRequest request, ApiKey key) {
        String path = request.getRequestURI();
        if ("POST".equals(request.getMethod()) && "/api/chittyid/mint".equals(path)) {
            return Tier.CHITTYID_MINT;
        }
        if (path.startsWith("/mcp/tools/call")) {
            return Tier.MCP_TOOLS;
        }
        if (path.startsWith("/api/")) {
            return Tier.API;
        }
        return key != null ? Tier.AUTHENTICATED : Tier.DEFAULT;
    }
}
