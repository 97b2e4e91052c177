package cc.chitty.connect.hub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the path's limit with 413 before anything else reads them: at once when
 * {@code Content-Length} says so (the container then holds the body to its announced length), and for a body of
 * unknown length (chunked) by reading it here, the moment the limit is passed. Such a body is spooled
 * ({@link SpooledBody}: a bounded part on the heap, the rest in a temporary file deleted when the request is done)
 * and replayed, so no handler ever sees a truncated or oversized request and no body, whatever its size or
 * encoding, costs more heap than {@code hub.http.spool-threshold}. A REST door request whose length is announced is
 * left to the door's own step ({@code restBodyLimit}, in its Camel routes); one of unknown length is still held to
 * the limit here, where the servlet engine reads it.
 */
@Component
@Order(FilterOrder.BODY_LIMIT)
@EnableConfigurationProperties(HttpLimitsProperties.class)
class BodyLimitFilter extends OncePerRequestFilter {

    private static final String REST_DOOR = "/api/";

    private final HttpLimitsProperties limits;
    private final ProblemWriter problems;

    BodyLimitFilter(HttpLimitsProperties limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() >= 0 && request.getRequestURI().startsWith(REST_DOOR);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request.getRequestURI());
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            problems.write(response, new BodyTooLargeException(limit).problem());
            return;
        }
        if (announced >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        BufferedBodyRequest spooled;
        try {
            spooled = BufferedBodyRequest.of(request, limits);
        } catch (BodyTooLargeException tooLarge) {
            problems.write(response, tooLarge.problem());
            return;
        }
        try {
            chain.doFilter(spooled, response);
        } finally {
            spooled.release();
        }
    }
}
