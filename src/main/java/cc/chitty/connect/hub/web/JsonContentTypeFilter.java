package cc.chitty.connect.hub.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST and admin APIs take JSON, upload paths ({@code hub.http.uploads}) take {@code multipart/form-data}: a
 * body of any other type on a write is refused with 415 before it is read.
 */
@Component
@Order(FilterOrder.JSON_CONTENT_TYPE)
class JsonContentTypeFilter extends OncePerRequestFilter {

    private static final List<String> GUARDED = List.of("/api/", "/admin/");

    private final ProblemWriter problems;
    private final HttpLimitsProperties limits;

    JsonContentTypeFilter(ProblemWriter problems, HttpLimitsProperties limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isGuarded(request.getRequestURI(), request.getMethod(), request.getContentLengthLong(),
                request.getHeader("Transfer-Encoding"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Problem> refusal = refusal(request.getRequestURI(), request.getContentType());
        if (refusal.isPresent()) {
            problems.write(response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the request is a write with a body to a guarded path (the public port asks too, for /api). */
    static boolean isGuarded(String path, String method, long contentLength, String transferEncoding) {
        boolean writes = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        return GUARDED.stream().anyMatch(path::startsWith) && writes
                && (contentLength > 0 || transferEncoding != null);
    }

    /** The 415 for a guarded write's body type; empty when the path takes that type. */
    Optional<Problem> refusal(String path, String contentType) {
        MediaType accepted = limits.isUpload(path) ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON;
        if (isOf(accepted, contentType)) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                "This endpoint accepts " + accepted + " request bodies").with("accepted", List.of(
                        accepted.toString())));
    }

    private static boolean isOf(MediaType accepted, String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return accepted.includes(type)
                    || accepted.equals(MediaType.APPLICATION_JSON) && type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
