package cc.chitty.connect.hub.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headers Tomcat's chain puts on every answer of a key door, for the answers the public port makes itself (the
 * REST door's, MCP's plain tools/call) to carry the same: Spring Security's header writer's defaults, and the
 * {@code Vary} that Spring's CORS processing adds to every request of a CORS path, with an {@code Origin} or not.
 */
public final class AnswerHeaders {

    /** Spring Security's defaults, in the order it writes them (no HSTS: the port speaks plain HTTP). */
    public static final Map<String, String> SECURITY;
    /** The three of {@link #SECURITY} an answer with its own {@code Cache-Control} keeps to itself. */
    public static final Set<String> CACHING = Set.of("Cache-Control", "Pragma", "Expires");
    /** What a CORS path's answer varies by, each its own {@code Vary} header. */
    public static final List<String> CORS_VARY = List.of("Origin", "Access-Control-Request-Method",
            "Access-Control-Request-Headers");

    static {
        Map<String, String> security = new LinkedHashMap<>();
        security.put("X-Content-Type-Options", "nosniff");
        security.put("X-XSS-Protection", "0");
        security.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        security.put("Pragma", "no-cache");
        security.put("Expires", "0");
        security.put("X-Frame-Options", "DENY");
        SECURITY = Collections.unmodifiableMap(security);
    }

    private AnswerHeaders() {
    }
}
