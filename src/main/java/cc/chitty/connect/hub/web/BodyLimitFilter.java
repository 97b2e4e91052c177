package cc.chitty.connect.hub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the path's limit with 413 before anything reads them: at once when {@code Content-Length}
 * says so (the container holds a body to its announced length), and for a chunked body by reading it here, up to
 * the limit, so no route ever sees a truncated or oversized request. Upload paths are the exception: they stream,
 * so a chunked upload is counted by its reader as it passes, which answers 413 the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(HttpLimitsProperties.class)
class BodyLimitFilter extends OncePerRequestFilter {

    private final HttpLimitsProperties limits;
    private final ProblemWriter problems;

    BodyLimitFilter(HttpLimitsProperties limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request.getRequestURI());
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            problems.write(response, tooLarge(limit));
            return;
        }
        if (announced < 0 && request.getHeader("Transfer-Encoding") != null
                && !limits.isUpload(request.getRequestURI())) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                problems.write(response, tooLarge(limit));
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static Problem tooLarge(long limit) {
        return Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than the " + limit + " bytes this path accepts").with("limit", limit);
    }
}
