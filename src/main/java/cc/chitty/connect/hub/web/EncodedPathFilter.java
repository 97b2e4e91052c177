package cc.chitty.connect.hub.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses, with 400, a request to the API-key doors ({@code /api/...}, {@code /mcp...}) whose path is not written as
 * routing reads it: percent-encoded ({@code /api/chittyid/%6Dint}, {@code /%6Dcp}) or carrying {@code ;}
 * parameters. Routing decodes such a path before it matches, while a filter comparing strings would not, so they
 * could disagree on which operation a request is; no identifier the hub serves needs encoding (path parameters
 * are letters, digits and {@code : _ . -}). Runs before every other check.
 */
@Component
@Order(FilterOrder.ENCODED_PATH)
class EncodedPathFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    EncodedPathFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isRefused(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        problems.write(response, problem());
    }

    /** Whether a path as sent (not decoded) is refused; the public port asks too, for /api. */
    static boolean isRefused(String rawPath) {
        return (rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0) && isApiKeyDoor(decoded(rawPath));
    }

    static Problem problem() {
        return Problem.of(400, "encoded-path", "Path must not be encoded",
                "Write the path as plain text, without percent-encoding or ';' parameters");
    }

    private static boolean isApiKeyDoor(String path) {
        return path.startsWith("/api/") || path.equals("/mcp") || path.startsWith("/mcp/");
    }

    private static String decoded(String path) {
        try {
            return UriUtils.decode(path.replaceAll(";[^/]*", ""), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "/api/";
        }
    }
}
