package cc.chitty.connect.hub.ops;

import java.io.IOException;

import cc.chitty.connect.hub.web.FilterOrder;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * During start-up ({@link DoorsOpen} closed), every request but the actuator's (liveness, readiness) and the public
 * /health (which says {@code starting} itself) gets 503 problem+json {@code starting} with {@code Retry-After: 1},
 * never a 404 for a route that is about to be served. Once open it only passes requests on. It guards the
 * management port and what the public port forwards; {@link StartingGate} guards the public port's own paths.
 */
@Component
@Order(FilterOrder.STARTING)
class StartingFilter extends OncePerRequestFilter {

    private final DoorsOpen doors;
    private final ProblemWriter problems;

    StartingFilter(DoorsOpen doors, ProblemWriter problems) {
        this.doors = doors;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return doors.open() || path.equals("/health") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Retry-After", "1");
        problems.write(response, starting());
    }

    static Problem starting() {
        return Problem.of(503, "starting", "Service Unavailable", "The hub is starting; try again in a second");
    }
}
