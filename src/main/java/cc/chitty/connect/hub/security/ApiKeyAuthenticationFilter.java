package cc.chitty.connect.hub.security;

import java.io.IOException;

import cc.chitty.connect.hub.audit.ClientHeader;
import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.web.ProblemWriter;
import cc.chitty.connect.hub.web.RequestWithHeader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates MCP requests by API key ({@link Credentials}: from {@code X-ChittyOS-API-Key} or
 * {@code Authorization: Bearer}), answering its refusals. A request that an access token already authenticated
 * ({@link BearerTokens}) passes untouched but for the client header. The REST door makes the same check in its
 * Camel routes.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final Credentials credentials;
    private final FailureThrottle throttle;
    private final ProblemWriter problems;
    // an MCP stream answers on an async dispatch, which must find the same authentication again
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    ApiKeyAuthenticationFilter(Credentials credentials, FailureThrottle throttle, ProblemWriter problems) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ClientAuthentication token) {
            chain.doFilter(new RequestWithHeader(request, ClientHeader.NAME, token.client().name()), response);
            return;
        }
        Credentials.Verdict verdict = credentials.checkApiKey(Credentials.presentedKey(
                        request.getHeader(Credentials.API_KEY_HEADER), request.getHeader(HttpHeaders.AUTHORIZATION)),
                throttle.addressOf(request), ProtectedResource.isMcp(request));
        if (verdict.refusal() != null) {
            problems.write(response, verdict.refusal());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(verdict.authentication());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        chain.doFilter(new RequestWithHeader(request, ClientHeader.NAME, verdict.client().name()), response);
    }
}
