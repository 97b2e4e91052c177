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
 * Refuses, with 400, a request to the key doors ({@code /api/...}, {@code /mcp...}) whose path is
 * {@linkplain EncodedPaths encoded} ({@code /api/chittyid/%6Dint}, {@code /%6Dcp}), before every other check. The
 * REST door's routes refuse them again themselves ({@code restEncodedPath}), for engines without this filter; here
 * the servlet engine also catches a door's name written encoded ({@code /%61pi/...}), which no route would serve.
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
        String path = request.getRequestURI();
        return !EncodedPaths.isEncoded(path) || !isApiKeyDoor(decoded(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        problems.write(response, EncodedPaths.problem());
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
