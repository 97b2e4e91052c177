package cc.chitty.connect.hub.web;

import java.io.IOException;
import java.util.List;

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
        String path = request.getRequestURI();
        return GUARDED.stream().noneMatch(path::startsWith) || !hasBody(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType accepted = limits.isUpload(request.getRequestURI())
                ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON;
        if (!isOf(accepted, request.getContentType())) {
            problems.write(response, Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "This endpoint accepts " + accepted + " request bodies").with("accepted", List.of(
                            accepted.toString())));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        boolean writes = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        return writes && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
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
