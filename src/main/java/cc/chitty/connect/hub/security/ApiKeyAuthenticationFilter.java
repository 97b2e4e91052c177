package cc.chitty.connect.hub.security;

import java.io.IOException;
import java.util.Optional;

import cc.chitty.connect.hub.audit.ClientHeader;
import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import cc.chitty.connect.hub.web.RequestWithHeader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST and MCP requests by API key, from {@code X-ChittyOS-API-Key} or
 * {@code Authorization: Bearer}. Missing or unknown keys get 401, inactive or expired ones 403, each naming the
 * reason; the key itself never appears in a response or a log line. Each 401 counts against the client's address
 * ({@link FailureThrottle}); an address that has spent its budget gets 429 before any key is looked up in the
 * database, unless its key is one this instance has seen valid lately ({@code hub.api-keys.known-key-ttl}). A request
 * that an access token already authenticated ({@link BearerTokens}) passes untouched but for the client header.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-ChittyOS-API-Key";
    public static final String ATTRIBUTE = "hub.apiKey";

    private final ApiKeys apiKeys;
    private final FailureThrottle throttle;
    private final ProblemWriter problems;
    private final ProtectedResource resource;
    // platform-http answers on an async dispatch, which must find the same authentication again
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, FailureThrottle throttle, ProblemWriter problems,
            ProtectedResource resource) {
        this.apiKeys = apiKeys;
        this.throttle = throttle;
        this.problems = problems;
        this.resource = resource;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ClientAuthentication token) {
            chain.doFilter(new RequestWithHeader(request, ClientHeader.NAME, token.client().name()), response);
            return;
        }
        String presented = presentedKey(request);
        Optional<RateLimiter.Decision> spent = throttle.refusal(FailureThrottle.Failure.UNAUTHENTICATED, request);
        ApiKeys.Verdict verdict;
        if (spent.isEmpty()) {
            verdict = apiKeys.check(presented);
        } else {
            verdict = apiKeys.checkKnown(presented).orElse(null);
            if (verdict == null || verdict.outcome() != ApiKeys.Outcome.VALID) {
                spent.get().writeHeaders(response);
                problems.write(response, spent.get().problem());
                return;
            }
        }
        if (verdict.outcome() == ApiKeys.Outcome.MISSING || verdict.outcome() == ApiKeys.Outcome.UNKNOWN) {
            throttle.charge(FailureThrottle.Failure.UNAUTHENTICATED, request);
        }
        switch (verdict.outcome()) {
            case VALID -> {
                request.setAttribute(ATTRIBUTE, verdict.key());
                ApiKeyAuthentication authentication = new ApiKeyAuthentication(verdict.key());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                chain.doFilter(new RequestWithHeader(request, ClientHeader.NAME, authentication.client().name()),
                        response);
            }
            case MISSING -> refuse(request, response, 401, "missing-api-key", "Missing API key",
                    "Send an API key in the X-ChittyOS-API-Key header or as Authorization: Bearer"
                            + (resource.enabled() ? ", or an access token from " + resource.issuer() : ""));
            case UNKNOWN -> refuse(request, response, 401, "invalid-api-key", "Invalid API key",
                    "The API key is not known to the hub");
            case INACTIVE -> refuse(request, response, 403, "inactive-api-key", "API key is inactive",
                    "The API key " + verdict.key().prefix() + "… has been " + verdict.key().status());
            case EXPIRED -> refuse(request, response, 403, "expired-api-key", "API key has expired",
                    "The API key " + verdict.key().prefix() + "… expired at " + verdict.key().expiresAt());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type,
            String title, String detail) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", resource.challenge(request));
        }
        problems.write(response, Problem.of(status, type, title, detail));
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
