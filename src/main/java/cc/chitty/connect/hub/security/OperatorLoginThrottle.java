package cc.chitty.connect.hub.security;

import java.io.IOException;
import java.util.Optional;

import cc.chitty.connect.hub.ratelimit.FailureThrottle;
import cc.chitty.connect.hub.ratelimit.RateLimiter;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the operator login against guessing, before the password hash runs (a bcrypt check costs tens of
 * milliseconds of CPU, so a stream of guesses is also a denial of service): a request carrying Basic credentials
 * from an address that has spent its budget of failed logins ({@link FailureThrottle}) is answered 429 with
 * {@code Retry-After} and never checked; a login refused 401 counts against its address.
 */
final class OperatorLoginThrottle extends OncePerRequestFilter {

    private final FailureThrottle throttle;
    private final ProblemWriter problems;

    OperatorLoginThrottle(FailureThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimiter.Decision> spent = throttle.refusal(FailureThrottle.Failure.OPERATOR_LOGIN, request);
        if (spent.isPresent()) {
            spent.get().writeHeaders(response);
            problems.write(response, spent.get().problem());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.charge(FailureThrottle.Failure.OPERATOR_LOGIN, request);
        }
    }
}
